package io.github.criteojdbc.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.sandbox.LoggedRequest;
import io.github.criteojdbc.sandbox.SandboxOptions;
import io.github.criteojdbc.sandbox.SandboxServer;
import io.github.criteojdbc.sandbox.data.Advertiser;
import io.github.criteojdbc.sandbox.report.ReportVariant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Two team servers of one app behind a load balancer, sharing a real {@code redis-server}: one
 * budget of 40 report calls a minute and one cache between them, and each server on its own share
 * while Redis is away. It runs beside the module's other classes, as it mostly waits for the API's
 * window: its Redis, sandbox and servers are its own, and its dates are the report zone's (UTC),
 * not the JVM's, which another test changes.
 */
// The class runs beside the others; its tests run one after another, in order, as they share Redis and the sandbox.
@Execution(ExecutionMode.CONCURRENT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoServersSharingRedisTest {
  private static final int LIMIT = 40;
  private static final String REFERENCE_CLIENT = "reference-client";
  private static final String REFERENCE_SECRET = "reference-secret";

  @TempDir static Path dir;
  private static RedisProcess redis;
  private static SandboxServer sandbox;
  private static TeamServerFixture fixture;
  private static TeamServer first;
  private static TeamServer second;

  @BeforeAll static void start() throws Exception {
    redis = RedisProcess.start();
    sandbox = SandboxServer.start(SandboxOptions.builder().addClient(REFERENCE_CLIENT, REFERENCE_SECRET).build());
    Properties shared = new Properties();
    shared.setProperty("redis.url", redis.url().toString());
    shared.setProperty("redis.servers", "2");
    // In memory only: the two servers of this JVM must not meet through a disk folder instead of Redis.
    shared.setProperty("criteo.cache", "memory");
    shared.setProperty("criteo.maxCallsPerMinute", Integer.toString(LIMIT));
    fixture = TeamServerFixture.start(dir, shared, sandbox);
    first = fixture.server;
    second = fixture.startAnother();
  }

  @AfterAll static void stop() throws Exception {
    try {
      fixture.close();
      sandbox.close();
    } finally {
      redis.close();
    }
  }

  @BeforeEach void clearTheLog() {
    sandbox.requestLog().clear();
  }

  private static String clicksOn(int daysAgo) {
    return "SELECT day, SUM(clicks) AS clicks FROM statistics WHERE day = CURRENT_DATE - INTERVAL '" + daysAgo
        + "' DAY GROUP BY day";
  }

  private static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows.add(result.getString(1) + "|" + result.getString(2));
      }
    }
    return rows;
  }

  /** The rows from another app of the same sandbox, whose calls count in a budget of their own. */
  private static List<String> reference(String sql) throws SQLException {
    String advertisers = sandbox.data().advertisers().stream().map(Advertiser::id).collect(Collectors.joining(","));
    try (Connection embedded = DriverManager.getConnection("jdbc:criteo:baseUrl=" + sandbox.baseUrl()
        + ";clientId=" + REFERENCE_CLIENT + ";clientSecret=" + REFERENCE_SECRET + ";advertiserIds=" + advertisers
        + ";cache=off;pollIntervalSeconds=0.01;maxCallsPerMinute=100000")) {
      return rows(embedded, sql);
    }
  }

  private static List<String> onFirst(String sql) throws SQLException {
    try (Connection alice = fixture.basic(first, TeamServerFixture.ALICE, TeamServerFixture.ALICE_PASSWORD)) {
      return rows(alice, sql);
    }
  }

  private static List<String> onSecond(String sql) throws SQLException {
    try (Connection bob = fixture.thin(second, TeamServerFixture.BOB, TeamServerFixture.BOB_PASSWORD)) {
      return rows(bob, sql);
    }
  }

  @Test @Execution(ExecutionMode.SAME_THREAD)
  void aReportOneServerFetchedCostsTheOtherServerNothing() throws Exception {
    String sql = clicksOn(30);
    List<String> expected = reference(sql);
    sandbox.requestLog().clear();

    assertThat(onFirst(sql)).isEqualTo(expected).isNotEmpty();
    assertThat(onSecond(sql)).isEqualTo(expected);

    assertThat(sandbox.requestLog().reportCreations()).isEqualTo(1);
  }

  /** Last: it spends both servers' budget for a minute, which a server on its own share would wait for. */
  @Test @Execution(ExecutionMode.SAME_THREAD) @Order(Integer.MAX_VALUE)
  void twentyClientsOnTwoServersNeverPutMoreThanFortyCallsInAMinute()
      throws Exception {
    List<String> queries = new ArrayList<>();
    List<List<String>> expected = new ArrayList<>();
    for (int daysAgo = 40; daysAgo < 60; daysAgo++) {
      queries.add(clicksOn(daysAgo));
      expected.add(reference(clicksOn(daysAgo)));
    }
    sandbox.requestLog().clear();
    // Three calls a report (create, one status, output): 60 calls, which must wait for a second window.
    sandbox.faults().rateLimitPerMinute(LIMIT).pinVariant(ReportVariant.spec().withPendingPolls(0));
    ExecutorService clients = Executors.newFixedThreadPool(queries.size());
    try {
      List<Future<List<String>>> answers = new ArrayList<>();
      for (int i = 0; i < queries.size(); i++) {
        String sql = queries.get(i);
        boolean onFirst = i % 2 == 0;
        answers.add(clients.submit((Callable<List<String>>) () -> onFirst ? onFirst(sql) : onSecond(sql)));
      }
      for (int i = 0; i < answers.size(); i++) {
        assertThat(answers.get(i).get()).as(queries.get(i)).isEqualTo(expected.get(i)).isNotEmpty();
      }
    } finally {
      clients.shutdownNow();
      sandbox.faults().reset();
    }

    List<Instant> calls = sandbox.requestLog().all().stream().filter(LoggedRequest::isReportCall)
        .map(LoggedRequest::at).sorted().toList();
    assertThat(calls).hasSizeGreaterThan(LIMIT);
    assertThat(mostCallsInAnyMinute(calls)).isLessThanOrEqualTo(LIMIT);
    assertThat(sandbox.requestLog().count(request -> request.status() == 429)).isZero();
  }

  @Test @Execution(ExecutionMode.SAME_THREAD)
  void theSameReportAskedAtOnceOnTwoServersIsCreatedOnce() throws Exception {
    String sql = clicksOn(33);
    List<String> expected = reference(sql);
    sandbox.requestLog().clear();
    // Slow answers, so that the second server asks while the first still fetches (polls would spend the budget).
    sandbox.faults().latency(Duration.ofMillis(300));
    ExecutorService analysts = Executors.newFixedThreadPool(2);
    try {
      Future<List<String>> alice = analysts.submit(() -> onFirst(sql));
      Future<List<String>> bob = analysts.submit(() -> onSecond(sql));

      assertThat(alice.get()).isEqualTo(expected).isNotEmpty();
      assertThat(bob.get()).isEqualTo(expected);
    } finally {
      analysts.shutdownNow();
      sandbox.faults().reset();
    }

    assertThat(sandbox.requestLog().reportCreations()).isEqualTo(1);
  }

  private static int mostCallsInAnyMinute(List<Instant> sortedCalls) {
    int most = 0;
    int from = 0;
    for (int to = 0; to < sortedCalls.size(); to++) {
      while (!sortedCalls.get(from).plus(Duration.ofSeconds(60)).isAfter(sortedCalls.get(to))) {
        from++;
      }
      most = Math.max(most, to - from + 1);
    }
    return most;
  }

  @Test @Execution(ExecutionMode.SAME_THREAD)
  void withoutRedisQueriesGoOnAndTheServerSaysWhy() throws Exception {
    String sql = clicksOn(31);
    List<String> expected = reference(sql);
    List<String> warnings = new ArrayList<>();
    Handler handler = new Handler() {
      @Override public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
          warnings.add(record.getMessage());
        }
      }

      @Override public void flush() {
      }

      @Override public void close() {
      }
    };
    Logger serverLog = Logger.getLogger("io.github.criteojdbc.server");
    serverLog.addHandler(handler);
    redis.stop();
    try {
      assertThat(onFirst(sql)).isEqualTo(expected);
    } finally {
      serverLog.removeHandler(handler);
      redis.restart();
    }
    assertThat(warnings).anySatisfy(warning -> assertThat(warning)
        .contains("Redis at " + redis.url(), "cannot be reached"));
  }

  @Test @Execution(ExecutionMode.SAME_THREAD)
  void afterRedisRestartsTheServersShareReportsAgain() throws Exception {
    redis.restart();
    Thread.sleep(RedisLink.FAIL_FAST.toMillis() + 100);
    String sql = clicksOn(32);

    List<String> fromFirst = onFirst(sql);
    assertThat(onSecond(sql)).isEqualTo(fromFirst);

    assertThat(sandbox.requestLog().reportCreations()).isEqualTo(1);
  }
}
