package io.github.criteojdbc.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.sandbox.SandboxServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar criteo-jdbc.jar serve} killed with SIGKILL while its clients wait on a report:
 * each client fails soon with a connection error that says the server went away, and never
 * receives rows. The reports stay Pending in a sandbox of this JVM, so the kill always falls
 * while they are.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ServerKilledMidReportIT {
  /** How soon after the kill each client must have failed. */
  private static final Duration FAILS_WITHIN = Duration.ofSeconds(15);
  private static final Pattern LISTENING = Pattern.compile("listening on (https://\\S+)");

  @TempDir Path dir;
  private SandboxServer sandbox;
  private Process server;
  private String thinUrl;
  private String avaticaUrl;
  private final ExecutorService clients = Executors.newFixedThreadPool(2);

  @BeforeEach void startServer() throws Exception {
    sandbox = SandboxServer.start();
    sandbox.faults().neverFinish(true);
    Path truststore = TeamServerFixture.makeKeys(dir);
    Files.write(dir.resolve("users"), List.of(PasswordFile.line(TeamServerFixture.ALICE,
        TeamServerFixture.ALICE_PASSWORD.toCharArray(), TeamServerFixture.TEST_ITERATIONS)));
    Files.write(dir.resolve("tokens"), List.of());
    Properties config = TeamServerFixture.serverSettings(sandbox);
    config.putAll(TeamServerFixture.tlsSettings(dir));
    Path configFile = dir.resolve("server.properties");
    try (OutputStream out = new FileOutputStream(configFile.toFile())) {
      config.store(out, null);
    }
    Path log = dir.resolve("server.log");
    server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        jar().toString(), "serve", "--config", configFile.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    String url = awaitListening(log);
    thinUrl = "jdbc:criteo:server=" + url + ";truststore=" + truststore + ";truststorePassword="
        + TeamServerFixture.STORE_PASSWORD + ";user=" + TeamServerFixture.ALICE + ";password="
        + TeamServerFixture.ALICE_PASSWORD;
    avaticaUrl = "jdbc:avatica:remote:url=" + url + ";serialization=protobuf;truststore=" + truststore
        + ";truststore_password=" + TeamServerFixture.STORE_PASSWORD + ";authentication=BASIC;avatica_user="
        + TeamServerFixture.ALICE + ";avatica_password=" + TeamServerFixture.ALICE_PASSWORD;
  }

  @AfterEach void stop() {
    clients.shutdownNow();
    server.destroyForcibly();
    sandbox.close();
  }

  @Test void theThinClientFailsWithAConnectionErrorSayingTheServerWentAway() throws Exception {
    SQLException failure = failureOfAQueryWhenTheServerIsKilled(thinUrl);

    assertThat(failure.getSQLState()).isEqualTo("08006");
    assertThat(failure.getMessage()).startsWith("The team server went away during the call (connection lost")
        .contains("open a new connection and run the query again");
  }

  /**
   * Avatica's own client gives no SQLState for a lost connection, only its HTTP client's message;
   * it neither hangs nor retries the execute, since the kill closes the socket.
   */
  @Test void theStockAvaticaClientFailsSoonNamingTheClosedConnection() throws Exception {
    SQLException failure = failureOfAQueryWhenTheServerIsKilled(avaticaUrl);

    assertThat(failure.getSQLState()).isNull();
    assertThat(failure.getMessage()).contains("ConnectionClosedException: Premature end of chunk coded message body");
  }

  /** Runs a query on a connection of {@code url}, kills the server while its report is Pending. */
  private SQLException failureOfAQueryWhenTheServerIsKilled(String url) throws Exception {
    Connection connection = DriverManager.getConnection(url);
    Future<Integer> rows = clients.submit(() -> {
      try (Statement statement = connection.createStatement()) {
        statement.executeQuery("SELECT SUM(clicks) FROM statistics WHERE day = CURRENT_DATE - INTERVAL '40' DAY");
        return 1;
      }
    });
    awaitReportCreated();
    server.destroyForcibly().waitFor();
    Instant killed = Instant.now();
    Throwable failure;
    try {
      rows.get(FAILS_WITHIN.toSeconds(), TimeUnit.SECONDS);
      throw new AssertionError("the query returned rows from a server that was killed mid-report");
    } catch (ExecutionException e) {
      failure = e.getCause();
    }
    assertThat(Duration.between(killed, Instant.now())).isLessThan(FAILS_WITHIN);
    closeQuietly(connection);
    assertThat(failure).isInstanceOf(SQLException.class);
    return (SQLException) failure;
  }

  private void awaitReportCreated() throws InterruptedException {
    Instant until = Instant.now().plusSeconds(60);
    while (sandbox.requestLog().reportCreations() == 0) {
      assertThat(Instant.now()).as("the server created no report").isBefore(until);
      Thread.sleep(20);
    }
  }

  private String awaitListening(Path log) throws IOException, InterruptedException {
    Instant until = Instant.now().plusSeconds(60);
    while (true) {
      String output = Files.readString(log, StandardCharsets.UTF_8);
      Matcher listening = LISTENING.matcher(output);
      if (listening.find()) {
        return listening.group(1);
      }
      if (!server.isAlive() || Instant.now().isAfter(until)) {
        throw new AssertionError("the server did not start: " + output);
      }
      Thread.sleep(50);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // the server is gone, so closing cannot tell it; the client has let go of the connection
    }
  }

  private static Path jar() {
    Path jar = Path.of(System.getProperty("criteo.jdbc.jar", "target/criteo-jdbc.jar"));
    assertThat(jar).as("these tests run after 'mvn package'").isRegularFile();
    return jar;
  }
}
