package io.github.criteojdbc.adapter;

import static io.github.criteojdbc.adapter.TestConnections.SANDBOX;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.criteojdbc.sandbox.LoggedRequest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A time condition becomes the report's dates whatever form a BI tool writes it in, and one that
 * cannot never lets the default window shrink the answer. Expected dates are computed here.
 */
class TimeConditionTest {
  private static final String ADVERTISER = "'10001'";

  @BeforeEach void clearLog() {
    SANDBOX.requestLog().clear();
  }

  private static List<String> createdBodies() {
    return SANDBOX.requestLog().all().stream().filter(LoggedRequest::isReportCreation)
        .map(LoggedRequest::body).collect(Collectors.toList());
  }

  private static List<String> days(TestConnections.Session session, String condition) throws SQLException {
    List<String> days = new ArrayList<>();
    try (Statement statement = session.connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT CAST(day AS VARCHAR), SUM(clicks) FROM statistics"
            + " WHERE advertiser_id = " + ADVERTISER + " AND " + condition + " GROUP BY day ORDER BY day")) {
      while (rs.next()) {
        days.add(rs.getString(1));
      }
    }
    return days;
  }

  @Test void lastThirtyDaysAsABiToolWritesItBecomesTheReportDates() throws SQLException {
    LocalDate today = LocalDate.now(Clock.systemUTC());
    try (TestConnections.Session session = TestConnections.open()) {
      List<String> days = days(session, "day >= FLOOR(TIMESTAMPADD(DAY, -30, CURRENT_TIMESTAMP) TO DAY)");
      assertThat(days.get(0)).isEqualTo(today.minusDays(30).toString());
      assertThat(days).hasSizeBetween(30, 31);
      assertThat(createdBodies()).singleElement().asString()
          .contains("\"startDate\":\"" + today.minusDays(30));
      assertThat(session.warnings).noneMatch(w -> w.contains("last 7 days"));
    }
  }

  @Test void timestampBoundsOnTheDayColumnAreRoundedToTheDaysTheyAdmit() throws SQLException {
    LocalDate first = LocalDate.now(ZoneOffset.UTC).minusDays(20);
    try (TestConnections.Session session = TestConnections.open()) {
      List<String> days = days(session, "day > TIMESTAMP '" + first + " 00:00:00' AND day <= TIMESTAMP '"
          + first.plusDays(3) + " 12:00:00'");
      assertThat(days).containsExactly(first.plusDays(1).toString(), first.plusDays(2).toString(),
          first.plusDays(3).toString());
      assertThat(session.warnings).isEmpty();
    }
  }

  @Test void aDayEqualToATimestampAfterMidnightSelectsNoDayAndMakesNoCall() throws SQLException {
    LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(20);
    try (TestConnections.Session session = TestConnections.open()) {
      assertThat(days(session, "day = TIMESTAMP '" + day + " 06:00:00'")).isEmpty();
      assertThat(SANDBOX.requestLog().reportCalls()).isZero();
    }
  }

  @Test void aTimeConditionThatGivesNoDatesFailsNamingTheColumnBeforeAnyCall() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      assertThatThrownBy(() -> days(session, "CAST(day AS VARCHAR) LIKE '2026-11%'"))
          .hasMessageContaining("the condition on day cannot be turned into the report's time range")
          .hasMessageContaining("day >= DATE '2026-11-01'");
      assertThat(SANDBOX.requestLog().reportCalls()).isZero();
    }
  }

  @Test void anOuterConditionOnADerivedTimeColumnThatGivesNoDatesFails() throws SQLException {
    try (TestConnections.Session session = TestConnections.open();
        Statement statement = session.connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM (SELECT EXTRACT(MONTH FROM day) AS m,"
          + " SUM(clicks) AS c FROM statistics WHERE advertiser_id = " + ADVERTISER
          + " GROUP BY EXTRACT(MONTH FROM day)) t WHERE m = 11").next())
          .hasMessageContaining("the condition on day");
      assertThat(SANDBOX.requestLog().reportCalls()).isZero();
    }
  }

  @Test void aQueryWithoutTimeConditionUsesTheDefaultWindowAndSaysSo() throws SQLException {
    try (TestConnections.Session session = TestConnections.open();
        Statement statement = session.connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT SUM(clicks) FROM statistics WHERE advertiser_id = "
            + ADVERTISER)) {
      assertThat(rs.next()).isTrue();
      assertThat(session.warnings).anyMatch(w -> w.contains("no date filter"));
    }
  }
}
