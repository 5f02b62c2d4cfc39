package io.github.criteojdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reports that expire, fail or never finish: re-created once, or a clear error after which polling stops. */
class ReportOutcomeTest extends FreshSandboxTest {
  @Override
  protected String application() {
    return "outcome-app";
  }

  private static final LocalDate FIRST = AnchorTest.FIRST;
  private static final LocalDate LAST = AnchorTest.LAST;

  

  private List<List<Object>> expected() {
    return ExpectedStatistics.clicksByCampaign(target.sandbox().data(), FIRST, LAST);
  }

  private List<List<Object>> query(String... properties) throws SQLException {
    ReliabilityFigures.queries(1);
    return target.rows(ExpectedStatistics.clicksByCampaignSql(FIRST, LAST), properties);
  }

  @Test
  void aReportThatExpiresAfterDoneIsCreatedOnceMoreAndGivesExactRows() throws SQLException {
    target.faults().expireAfterDone(1);
    ReliabilityFigures.faults(1);

    assertThat(query()).isEqualTo(expected());
    assertThat(target.reportCreations()).isEqualTo(2);
    ReliabilityFigures.rowsChecked(expected().size());
  }

  @Test
  void aReportShownExpiredInsteadOfDoneIsCreatedOnceMoreAndGivesExactRows() throws SQLException {
    target.faults().expireNextReports(1);
    ReliabilityFigures.faults(1);

    assertThat(query()).isEqualTo(expected());
    assertThat(target.reportCreations()).isEqualTo(2);
    ReliabilityFigures.rowsChecked(expected().size());
  }

  @Test
  void aFailedReportIsAClearErrorAndPollingStops() throws Exception {
    target.faults().failNextReports(1, "the reporting backend ran out of quota");
    ReliabilityFigures.faults(1);

    assertThatThrownBy(() -> query()).isInstanceOf(SQLException.class)
        .hasMessageContaining("the reporting backend ran out of quota");
    assertNoCallAfterwards();
  }

  @Test
  void aReportPendingPastReportTimeoutSecondsIsATimeoutErrorAndPollingStops() throws Exception {
    target.faults().neverFinish(true);
    ReliabilityFigures.faults(1);
    long started = System.nanoTime();

    assertThatThrownBy(() -> query("reportTimeoutSeconds=1")).isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("HYT00"))
        .hasMessageContaining("reportTimeoutSeconds");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a report that never finishes is given up on")
        .isLessThan(Duration.ofSeconds(1).plus(CancellationTest.PROMPTLY));
    assertNoCallAfterwards();
  }

  private void assertNoCallAfterwards() throws InterruptedException {
    Await.noMoreCalls("report calls", target::reportCalls, Duration.ofMillis(300), Duration.ofSeconds(1));
  }
}
