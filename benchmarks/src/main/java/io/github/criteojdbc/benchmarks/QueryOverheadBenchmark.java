package io.github.criteojdbc.benchmarks;

import io.github.criteojdbc.sandbox.LoggedRequest;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency of a small query up to its first row: answered from the result cache, repeated on its
 * connection (the kept plan: execution only) and under a new text each time (our whole per-query
 * cost: parse, validate, plan, code generation, execute), with a new report against a
 * sandbox that answers at once, and the sandbox's own time for that report's three calls made
 * directly (create, one status poll, output), to subtract.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class QueryOverheadBenchmark {
  static final String SMALL_QUERY = "SELECT campaign_id, SUM(clicks) AS clicks FROM statistics"
      + " WHERE day BETWEEN CURRENT_DATE - INTERVAL '20' DAY AND CURRENT_DATE - INTERVAL '14' DAY"
      + " GROUP BY campaign_id ORDER BY clicks DESC";
  /** Answered by summing the cached daily report of {@link #DAILY_QUERY} over fewer days and no day. */
  static final String ROLLED_UP_QUERY = "SELECT campaign_id, SUM(clicks) AS clicks FROM statistics"
      + " WHERE day BETWEEN CURRENT_DATE - INTERVAL '19' DAY AND CURRENT_DATE - INTERVAL '15' DAY"
      + " GROUP BY campaign_id ORDER BY clicks DESC";
  private static final String DAILY_QUERY = "SELECT day, campaign_id, clicks FROM statistics"
      + " WHERE day BETWEEN CURRENT_DATE - INTERVAL '20' DAY AND CURRENT_DATE - INTERVAL '14' DAY";
  private static final Pattern REPORT_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

  private BenchSandbox sandbox;
  private Connection cached;
  private Connection uncached;
  private String createPath;
  private String createBody;
  private String token;
  private long textsPlanned;

  @Setup
  public void setUp() throws Exception {
    sandbox = new BenchSandbox();
    sandbox.faults().pendingPolls(0);
    cached = DriverManager.getConnection(sandbox.url(""));
    uncached = DriverManager.getConnection(sandbox.url("cacheTtlSeconds=0"));
    firstRow(cached, SMALL_QUERY);
    List<LoggedRequest> calls = sandbox.requestLog().all();
    LoggedRequest create = calls.stream().filter(call -> ApiCallKind.of(call) == ApiCallKind.CREATE)
        .reduce((first, second) -> second).orElseThrow();
    createPath = create.decodedPath();
    createBody = create.body();
    token = sandbox.token();
    readAll(cached, DAILY_QUERY);
  }

  @Benchmark
  public long cachedReport() throws SQLException {
    return firstRow(cached, SMALL_QUERY);
  }

  @Benchmark
  public long rolledUpFromCachedReport() throws SQLException {
    return firstRow(cached, ROLLED_UP_QUERY);
  }

  @Benchmark
  public long cachedReportPlannedAnew() throws SQLException {
    return firstRow(cached, "/* run " + ++textsPlanned + " */ " + SMALL_QUERY);
  }

  @Benchmark
  public long newReport() throws SQLException {
    return firstRow(uncached, SMALL_QUERY);
  }

  @Benchmark
  public long sandboxCallsOnly() throws IOException, InterruptedException {
    Matcher id = REPORT_ID.matcher(sandbox.post(createPath, token, createBody));
    if (!id.find()) {
      throw new IllegalStateException("the sandbox did not answer a report id");
    }
    String reports = createPath.substring(0, createPath.lastIndexOf('/') + 1);
    try (InputStream status = sandbox.get(reports + id.group(1) + "/status", token);
        InputStream output = sandbox.get(reports + id.group(1) + "/output", token)) {
      return status.readAllBytes().length + output.readAllBytes().length;
    }
  }

  private static long firstRow(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      if (!result.next()) {
        throw new IllegalStateException("the query returned no row: " + sql);
      }
      return result.getString(1).length() + result.getLong(2);
    }
  }

  /** Reads every row, so that the report is cached whole and can be rolled up. */
  private static void readAll(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        result.getString(2);
      }
    }
  }

  @TearDown
  public void tearDown() throws SQLException {
    cached.close();
    uncached.close();
    sandbox.close();
  }
}
