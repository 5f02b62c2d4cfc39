package io.github.criteojdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.criteojdbc.sandbox.LoggedRequest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A query waiting on a report that never finishes can be cancelled or timed out promptly. The driver stops well
 * within a second; the bounds leave room for a loaded 2-core machine, and the class timeout turns a query that
 * never stops into a failure instead of a hung build.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CancellationTest {
  /** From the cancel or the query timeout to the query's failure. */
  private static final Duration PROMPTLY = Duration.ofSeconds(5);
  /** Calcite starts the query timeout's clock after planning, which a cold, loaded JVM can spend seconds on. */
  private static final Duration PLANNING_ALLOWANCE = Duration.ofSeconds(10);
  /** Longer than the driver's poll interval on the sandbox (50 ms) many times over. */
  private static final Duration QUIET = Duration.ofMillis(300);

  private static final String QUERY = "SELECT campaign_id, SUM(clicks) FROM statistics "
      + "WHERE day >= CURRENT_DATE - INTERVAL '3' DAY GROUP BY campaign_id";

  private Connection connection;
  private final ScheduledExecutorService canceller = Executors.newSingleThreadScheduledExecutor();

  @BeforeEach void open() throws SQLException {
    connection = SandboxConnections.open("cacheTtlSeconds=0");
    SandboxConnections.server().faults().neverFinish(true);
    SandboxConnections.server().requestLog().clear();
  }

  @AfterEach void close() throws SQLException {
    SandboxConnections.server().faults().reset();
    canceller.shutdownNow();
    connection.close();
  }

  private static long drain(ResultSet rs) throws SQLException {
    long rows = 0;
    while (rs.next()) {
      rows++;
    }
    return rows;
  }

  @Test void queryTimeoutStopsWaitingWithATimeoutError() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(1);
      long started = System.nanoTime();
      assertThatThrownBy(() -> drain(statement.executeQuery(QUERY)))
          .isInstanceOf(SQLTimeoutException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isLessThan(Duration.ofSeconds(1).plus(PLANNING_ALLOWANCE).plus(PROMPTLY));
    }
  }

  @Test void queryTimeoutStopsEveryReportOfAnAudienceFanOut() throws Exception {
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(1);
      assertThatThrownBy(() -> drain(statement.executeQuery("SELECT breakdown, breakdown_value, clicks"
          + " FROM audience_performance WHERE advertiser_id = '10001'"
          + " AND breakdown IN ('Top30BrandsByClicks', 'Top30InterestsByClicks')")))
          .isInstanceOf(SQLTimeoutException.class);
    }
    assertThat(SandboxConnections.server().requestLog().reportCreations()).isEqualTo(2);
    assertNoReportCallAfterAQuietSpell();
  }

  /**
   * A poll already on the wire when the query stopped may reach the log late, so the log must first fall quiet
   * (it never does while a report is still polled every 50 ms); then no call may follow for a while. Absence can
   * only be watched for a time, so this one waits by the clock.
   */
  private static void assertNoReportCallAfterAQuietSpell() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    long calls = reportCalls();
    long quietSince = System.nanoTime();
    while (System.nanoTime() - quietSince < QUIET.toNanos()) {
      assertThat(System.nanoTime()).as("the request log fell quiet for %s", QUIET).isLessThan(deadline);
      Thread.sleep(20);
      long now = reportCalls();
      if (now != calls) {
        calls = now;
        quietSince = System.nanoTime();
      }
    }
    Thread.sleep(Duration.ofSeconds(2).toMillis());
    assertThat(reportCalls()).as("report calls after the query stopped").isEqualTo(calls);
  }

  private static long reportCalls() {
    return SandboxConnections.server().requestLog().reportCalls();
  }

  @Test void fanOutOverTheCallBudgetWarnsThatItWillWait() throws SQLException {
    try (Connection tight = DriverManager.getConnection("jdbc:criteo:sandbox=true;maxCallsPerMinute=5;cacheTtlSeconds=0");
        Statement statement = tight.createStatement()) {
      statement.setQueryTimeout(1);
      assertThatThrownBy(() -> drain(statement.executeQuery("SELECT breakdown_value FROM audience_performance"
          + " WHERE advertiser_id = '10001' AND breakdown IN ('Top30BrandsByClicks', 'Top30BrandsBySales')")))
          .isInstanceOf(SQLTimeoutException.class);
      assertThat(QueryTest.messages(statement.getWarnings())).anyMatch(m -> m.contains(
          "2 reports (1 advertisers x 2 breakdowns) need at least 6 report calls, more than the budget of 5"));
    }
  }

  @Test void cancelFromAnotherThreadStopsPollingPromptly() throws Exception {
    try (Statement statement = connection.createStatement()) {
      Future<Long> cancelledAt = canceller.submit(() -> {
        while (SandboxConnections.server().requestLog().count(LoggedRequest::isReportCall) < 3) {
          Thread.sleep(10);
        }
        statement.cancel();
        return System.nanoTime();
      });
      assertThatThrownBy(() -> drain(statement.executeQuery(QUERY)))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("HY008"));
      long failedAt = System.nanoTime();
      assertThat(Duration.ofNanos(failedAt - cancelledAt.get())).isLessThan(PROMPTLY);
    }
  }
  @Test void aCancelledStatementRunsItsNextExecutionNormally() throws Exception {
    try (Connection uncached = SandboxConnections.open("cacheTtlSeconds=0;recentCacheTtlSeconds=0");
        Statement statement = uncached.createStatement();
        // Another date range: a report of the same request would be reused, and need no call.
        java.sql.PreparedStatement prepared = uncached.prepareStatement(QUERY.replace("'3' DAY", "'4' DAY"))) {
      for (Statement cancelled : new Statement[] {statement, prepared}) {
        SandboxConnections.server().faults().neverFinish(true);
        SandboxConnections.server().requestLog().clear();
        Future<?> cancel = canceller.submit(() -> {
          while (SandboxConnections.server().requestLog().count(LoggedRequest::isReportCall) < 3) {
            Thread.sleep(10);
          }
          cancelled.cancel();
          return null;
        });
        assertThatThrownBy(() -> drain(cancelled == prepared ? prepared.executeQuery() : statement.executeQuery(QUERY)))
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("HY008"));
        cancel.get();

        SandboxConnections.server().faults().reset();
        try (ResultSet rows = cancelled == prepared ? prepared.executeQuery() : statement.executeQuery(QUERY)) {
          assertThat(drain(rows)).as("the execution after the cancelled one").isPositive();
        }
        try (ResultSet rows = cancelled == prepared ? prepared.executeQuery() : statement.executeQuery(QUERY)) {
          assertThat(drain(rows)).isPositive();
        }
      }
    }
  }
}
