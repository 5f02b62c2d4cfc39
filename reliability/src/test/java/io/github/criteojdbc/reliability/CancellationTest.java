package io.github.criteojdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.Timeout;

/**
 * Cancel, query timeout and closing the connection stop a query promptly, wherever it is, and leave no thread or
 * socket behind. The driver stops well within a second; {@link #PROMPTLY}, measured from the stop call, leaves room
 * for a loaded 2-core machine and still tells a stop that works from a query that never ends (the reports here never
 * finish, the download would take many minutes), and the class timeout turns a hang into a failure. It runs
 * alone, since its census counts every thread and socket of the JVM.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@Isolated
class CancellationTest extends FreshSandboxTest {
  static final Duration PROMPTLY = Duration.ofSeconds(5);
  /** Calcite starts the query timeout's clock after planning, which a cold, loaded JVM can spend seconds on. */
  private static final Duration PLANNING_ALLOWANCE = Duration.ofSeconds(10);
  private static final LocalDate FIRST = AnchorTest.FIRST;
  private static final LocalDate LAST = AnchorTest.LAST;
  private static final String POLLED_QUERY = ExpectedStatistics.clicksByCampaignSql(FIRST, LAST);
  private static final String LONG_DOWNLOAD = "SELECT campaign_id, clicks FROM statistics WHERE day = DATE '"
      + FIRST + "'";

  @Override
  protected String application() {
    return "cancel-app";
  }

  private ThreadCensus census() {
    return ThreadCensus.take(target.sandbox().baseUrl().getPort());
  }

  private void assertNothingLeftBeyond(ThreadCensus before) throws InterruptedException {
    ThreadCensus after = assertNoThreadOrSocketLeftBeyond(before);
    assertThat(after.busyOkHttpThreads()).as("busy OkHttp threads: %s", ThreadCensus.busyOkHttpStacks())
        .isLessThanOrEqualTo(before.busyOkHttpThreads());
  }

  private ThreadCensus assertNoThreadOrSocketLeftBeyond(ThreadCensus before) throws InterruptedException {
    ThreadCensus after = ThreadCensus.awaitBackTo(before, target.sandbox().baseUrl().getPort(), Await.GENEROUSLY);
    assertThat(after.nonDaemonThreads()).as("non-daemon threads").isSubsetOf(before.nonDaemonThreads());
    assertThat(after.driverThreads()).as("driver threads").isSubsetOf(before.driverThreads());
    assertThat(after.socketsToSandbox()).as("open sockets to the sandbox").isLessThanOrEqualTo(before.socketsToSandbox());
    return after;
  }

  /** Runs {@code stop} on another thread once {@code ready} says the query is where the test wants it. */
  private static Thread stopper(CountDownLatch ready, AtomicLong stoppedAt, SqlAction stop) {
    Thread thread = new Thread(() -> {
      try {
        ready.await();
        stoppedAt.set(System.nanoTime());
        stop.run();
      } catch (InterruptedException | SQLException e) {
        throw new IllegalStateException(e);
      }
    }, "reliability-stopper");
    thread.start();
    return thread;
  }

  private void whenReportCallsReach(long calls, CountDownLatch ready) {
    Thread watcher = new Thread(() -> {
      try {
        Await.until(calls + " report calls", () -> target.reportCalls() >= calls);
        ready.countDown();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "reliability-watcher");
    watcher.setDaemon(true);
    watcher.start();
  }

  @Test
  void cancelDuringPollingStopsPromptly() throws Exception {
    ThreadCensus before = census();
    target.faults().neverFinish(true);
    CountDownLatch polling = new CountDownLatch(1);
    AtomicLong cancelledAt = new AtomicLong();
    try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
      whenReportCallsReach(3, polling);
      Thread canceller = stopper(polling, cancelledAt, statement::cancel);

      assertThatThrownBy(() -> statement.executeQuery(POLLED_QUERY).next()).isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("HY008"));
      assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt.get())).isLessThan(PROMPTLY);
      canceller.join();
    }
    record();
    assertNothingLeftBeyond(before);
  }

  @Test
  void cancelDuringDownloadStopsPromptly() throws Exception {
    ThreadCensus before = census();
    target.faults().syntheticOutputRows(1_000_000).slowDownloads(Duration.ofMillis(50));
    CountDownLatch downloading = new CountDownLatch(1);
    AtomicLong cancelledAt = new AtomicLong();
    try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
      Thread canceller = stopper(downloading, cancelledAt, statement::cancel);

      assertThatThrownBy(() -> {
        ResultSet rows = statement.executeQuery(LONG_DOWNLOAD);
        rows.next();
        downloading.countDown();
        while (rows.next()) {
          Thread.onSpinWait();
        }
      }).isInstanceOf(SQLException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt.get())).isLessThan(PROMPTLY);
      canceller.join();
    }
    record();
    assertNothingLeftBeyond(before);
  }

  /**
   * Calcite starts the timeout clock when the plan runs, after parsing and code generation, which take over a
   * second on a cold JVM; the query is planned once first so that the test measures the wait on the API, and the
   * bound still allows for planning on a loaded machine.
   */
  @Test
  void queryTimeoutStopsAPendingReportPromptlyAfterTheTimeout() throws Exception {
    ThreadCensus before = census();
    try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
      statement.executeQuery("EXPLAIN PLAN FOR " + POLLED_QUERY).close();
      target.faults().neverFinish(true);
      statement.setQueryTimeout(1);
      long started = System.nanoTime();

      assertThatThrownBy(() -> statement.executeQuery(POLLED_QUERY).next()).isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("HYT00"));
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isLessThan(Duration.ofSeconds(1).plus(PLANNING_ALLOWANCE).plus(PROMPTLY));
    }
    record();
    assertNothingLeftBeyond(before);
  }

  @Test
  void closingTheConnectionMidQueryStopsTheQueryPromptly() throws Exception {
    ThreadCensus before = census();
    target.faults().neverFinish(true);
    CountDownLatch polling = new CountDownLatch(1);
    AtomicLong closedAt = new AtomicLong();
    Connection connection = target.connect();
    Statement statement = connection.createStatement();
    whenReportCallsReach(3, polling);
    Thread closer = stopper(polling, closedAt, connection::close);

    assertThatThrownBy(() -> statement.executeQuery(POLLED_QUERY).next()).isInstanceOf(SQLException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - closedAt.get())).isLessThan(PROMPTLY);
    closer.join();
    assertThat(connection.isClosed()).isTrue();
    record();
    // When the close races a poll that is just finishing, OkHttp may keep that call's (closed) connection in its
    // pool and a housekeeping thread waiting on it; the count is reported, the sockets and threads are asserted.
    ThreadCensus after = assertNoThreadOrSocketLeftBeyond(before);
    ReliabilityFigures.measure("close mid-query: busy OkHttp threads left", after.busyOkHttpThreads() + " (before: "
        + before.busyOkHttpThreads() + ")");
  }

  private static void record() {
    ReliabilityFigures.queries(1);
    ReliabilityFigures.faults(1);
  }

  @FunctionalInterface
  private interface SqlAction {
    void run() throws SQLException;
  }
}
