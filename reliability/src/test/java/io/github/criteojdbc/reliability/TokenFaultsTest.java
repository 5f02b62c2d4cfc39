package io.github.criteojdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokens that expire mid-query, a token endpoint that fails, and wrong credentials. */
class TokenFaultsTest extends FreshSandboxTest {
  @Override
  protected String application() {
    return "token-app";
  }

  private static final LocalDate FIRST = AnchorTest.FIRST;
  private static final LocalDate LAST = AnchorTest.LAST;


  @Test
  void tokensExpiringEveryTwoSecondsDuringLongPollsAndSlowDownloadsGiveExactRows() throws SQLException {
    target.faults().tokenLifetime(Duration.ofSeconds(2)).pendingFor(Duration.ofSeconds(3))
        .slowDownloads(Duration.ofMillis(400));
    List<List<Object>> expected = ExpectedStatistics.clicksByCampaignHour(target.sandbox().data(), FIRST, LAST);

    List<List<Object>> rows = target.rows(ExpectedStatistics.clicksByCampaignHourSql(FIRST, LAST));

    assertThat(rows).isEqualTo(expected);
    assertThat(target.accessTokensSeen()).as("tokens used across the query").hasSizeGreaterThanOrEqualTo(2);
    record(expected.size(), target.accessTokensSeen().size() - 1);
  }

  @Test
  void tokenEndpointFailingTwiceThenWorkingGivesExactRows() throws SQLException {
    target.faults().failNextTokenRequests(2);
    List<List<Object>> expected = ExpectedStatistics.clicksByCampaign(target.sandbox().data(), FIRST, LAST);

    assertThat(target.rows(ExpectedStatistics.clicksByCampaignSql(FIRST, LAST))).isEqualTo(expected);
    assertThat(target.log().tokenRequests()).isEqualTo(3);
    record(expected.size(), 2);
  }

  @Test
  void wrongCredentialsFailClearlyWithoutARetryStormOrTheSecretInTheMessage() {
    String wrongSecret = "wrong-secret-83d1f0c2";

    assertThatThrownBy(() -> {
      try (var connection = target.connectAs(target.sandbox().clientId(), wrongSecret);
           var statement = connection.createStatement()) {
        ResultRows.readAll(statement.executeQuery(ExpectedStatistics.clicksByCampaignSql(FIRST, LAST)));
      }
    }).isInstanceOf(SQLException.class)
        .satisfies(e -> {
          assertThat(((SQLException) e).getSQLState()).isEqualTo("28000");
          assertThat(Secrets.everythingPrintedAbout(e)).doesNotContain(wrongSecret).doesNotContain(SandboxTarget.CLIENT_SECRET);
        })
        .hasMessageContaining("clientSecret");
    assertThat(target.log().tokenRequests()).as("token requests for one failing query").isBetween(1L, 2L);
    assertThat(target.reportCalls()).isZero();
    ReliabilityFigures.queries(1);
    ReliabilityFigures.faults(1);
  }

  private static void record(long rows, long faults) {
    ReliabilityFigures.queries(1);
    ReliabilityFigures.rowsChecked(rows);
    ReliabilityFigures.faults(faults);
  }
}
