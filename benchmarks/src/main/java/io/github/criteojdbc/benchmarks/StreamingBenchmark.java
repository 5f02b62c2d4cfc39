package io.github.criteojdbc.benchmarks;

import io.github.criteojdbc.sandbox.report.ReportVariant;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
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
import java.util.concurrent.TimeUnit;

/**
 * Reading a large statistics output: through the driver's {@code ResultSet} (a new report each
 * time, downloaded from the sandbox), versus Jackson parsing the identical bytes from memory (the
 * machine's limit), the same parse over the sandbox's HTTP download (the sandbox's own limit), and
 * the whole body as a tree (what an SDK user would write). One operation reads every row once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StreamingBenchmark {
  @Param("1000000")
  public long rows;

  private BenchSandbox sandbox;
  private Connection connection;
  private String outputPath;
  private String token;
  private byte[] body;

  @Setup
  public void setUp() throws Exception {
    sandbox = new BenchSandbox();
    // The plain parse reads the spec's form of an output; a report of another variant (metaData) it would refuse.
    sandbox.faults().pinVariant(ReportVariant.spec()).pendingPolls(0).syntheticOutputRows(rows);
    connection = DriverManager.getConnection(sandbox.url("cacheTtlSeconds=0"));
    long expected = driverResultSet();
    outputPath = sandbox.lastOutputPath();
    token = sandbox.token();
    try (InputStream in = sandbox.get(outputPath, token)) {
      body = in.readAllBytes();
    }
    check("plain Jackson streaming", expected, jacksonStreamingFromMemory());
    check("Jackson tree", expected, jacksonTreeFromMemory());
    check("Jackson streaming over HTTP", expected, jacksonStreamingOverHttp());
  }

  private static void check(String what, long expected, long actual) {
    if (expected != actual) {
      throw new IllegalStateException(what + " read other values than the driver (checksum " + actual
          + " instead of " + expected + ")");
    }
  }

  @Benchmark
  public long driverResultSet() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(StreamedColumns.QUERY)) {
      return StreamedColumns.fromResultSet(result);
    }
  }

  @Benchmark
  public long jacksonStreamingFromMemory() throws IOException {
    return PlainJacksonReader.streaming(body);
  }

  @Benchmark
  public long jacksonStreamingOverHttp() throws IOException, InterruptedException {
    try (InputStream in = sandbox.get(outputPath, token)) {
      return PlainJacksonReader.streaming(in);
    }
  }

  @Benchmark
  public long jacksonTreeFromMemory() throws IOException {
    return PlainJacksonReader.tree(body);
  }

  @TearDown
  public void tearDown() throws SQLException {
    connection.close();
    sandbox.close();
  }
}
