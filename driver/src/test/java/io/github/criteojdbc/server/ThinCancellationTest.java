package io.github.criteojdbc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.net.ssl.SSLContext;

/**
 * The thin driver's cancel and query timeout stop the server's statement and the polling of its
 * report, which the Avatica protocol alone cannot do. Reports stay Pending for 30 s, longer than
 * any test waits; the class timeout turns a query that never stops into a failure, not a hung build.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ThinCancellationTest {
  /** Longer than the server's poll interval on the sandbox (10 ms) many times over. */
  private static final Duration QUIET = Duration.ofMillis(300);
  private static final AtomicInteger DAYS_BACK = new AtomicInteger(60);

  @TempDir static Path dir;
  private static TeamServerFixture fixture;
  private final ExecutorService other = Executors.newSingleThreadExecutor();

  @BeforeAll static void start() throws Exception {
    fixture = TeamServerFixture.start(dir);
  }

  @AfterAll static void stop() {
    fixture.close();
  }

  @BeforeEach void reportsStayPending() {
    fixture.sandbox.faults().pendingFor(Duration.ofSeconds(30));
    fixture.sandbox.requestLog().clear();
  }

  @AfterEach void reset() {
    other.shutdownNow();
    fixture.sandbox.faults().reset();
  }

  /** A query no earlier test asked, so that its report is neither cached nor shared. */
  private static String newQuery() {
    return "SELECT SUM(clicks) FROM statistics WHERE day = CURRENT_DATE - INTERVAL '" + DAYS_BACK.incrementAndGet()
        + "' DAY";
  }

  @Test void cancelFromAnotherThreadStopsTheServersPolling() throws Exception {
    try (Connection connection = fixture.thinAlice(); Statement statement = connection.createStatement()) {
      Future<?> cancel = other.submit(() -> {
        awaitPolling();
        statement.cancel();
        return null;
      });
      assertThatThrownBy(() -> drain(statement.executeQuery(newQuery()))).isInstanceOf(SQLException.class)
          .hasMessageStartingWith("Query cancelled while").hasMessageContaining("statistics report")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("HY008"));
      cancel.get();
    }
    assertNoReportCallAfterAQuietSpell();
  }

  @Test void aQueryTimeoutFailsOnTheServerWithTheTimeoutState() throws Exception {
    try (Connection connection = fixture.thinAlice(); Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(1);
      assertThatThrownBy(() -> drain(statement.executeQuery(newQuery()))).isInstanceOf(SQLTimeoutException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("HYT00"));
    }
    assertThat(fixture.sandbox.requestLog().reportCreations()).isEqualTo(1);
    assertNoReportCallAfterAQuietSpell();
  }

  @Test void closingTheConnectionMidQueryStopsTheServersPolling() throws Exception {
    Connection connection = fixture.thinAlice();
    Statement statement = connection.createStatement();
    Future<?> close = other.submit(() -> {
      awaitPolling();
      connection.close();
      return null;
    });
    assertThatThrownBy(() -> drain(statement.executeQuery(newQuery()))).isInstanceOf(SQLException.class);
    close.get();
    assertNoReportCallAfterAQuietSpell();
  }

  @Test void cancellingAnotherUsersStatementIsRefused() throws Exception {
    try (Connection alice = fixture.thinAlice(); Statement statement = alice.createStatement()) {
      String connectionId = alice.unwrap(AvaticaConnection.class).id;
      int statementId = statement.unwrap(AvaticaStatement.class).getId();
      HttpResponse<String> refusal = cancelAsBob(connectionId, statementId);
      assertThat(refusal.statusCode()).isEqualTo(404);
      assertThat(refusal.body()).startsWith(ServerConnections.NOT_YOURS_STATE + "\n")
          .contains("No open connection " + connectionId + " of user bob");
    }
  }

  private static HttpResponse<String> cancelAsBob(String connectionId, int statementId) throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(TeamServerSecurityTest.trusting(fixture.truststore)).build();
    HttpRequest request = HttpRequest.newBuilder(fixture.server.url().resolve("/criteo/cancel"))
        .header("Authorization", TeamServerSecurityTest.basic(TeamServerFixture.BOB, TeamServerFixture.BOB_PASSWORD))
        .POST(HttpRequest.BodyPublishers.ofString("connection=" + connectionId + "&statement=" + statementId))
        .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A client that sends a query and goes away, as a killed process does: the server's next
   * keepalive write fails, and it cancels the statement.
   */
  @Test void aClientThatGoesAwayMidQueryHasItsPollingStopped() throws Exception {
    Logger endpointLog = Logger.getLogger(AvaticaEndpoint.class.getName());
    CountDownLatch noticed = new CountDownLatch(1);
    Handler wentAway = new Handler() {
      @Override public void publish(LogRecord record) {
        if (record.getMessage().contains("went away during a query")) {
          noticed.countDown();
        }
      }

      @Override public void flush() {
      }

      @Override public void close() {
      }
    };
    endpointLog.addHandler(wentAway);
    try (Connection alice = fixture.alice(); Statement statement = alice.createStatement()) {
      String connectionId = alice.unwrap(AvaticaConnection.class).id;
      int statementId = statement.unwrap(AvaticaStatement.class).getId();
      byte[] body = new ProtobufTranslationImpl().serializeRequest(
          new Service.PrepareAndExecuteRequest(connectionId, statementId, newQuery(), -1));
      SSLContext tls = TeamServerSecurityTest.trusting(fixture.truststore);
      try (Socket socket = tls.getSocketFactory().createSocket("127.0.0.1", fixture.server.port())) {
        OutputStream out = socket.getOutputStream();
        out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
            + TeamServerSecurityTest.basic(TeamServerFixture.ALICE, TeamServerFixture.ALICE_PASSWORD)
            + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        awaitPolling();
      }
      assertThat(noticed.await(30, TimeUnit.SECONDS)).as("the server noticed the client went away").isTrue();
      assertNoReportCallAfterAQuietSpell();
    } finally {
      endpointLog.removeHandler(wentAway);
    }
  }

  private static void awaitPolling() throws InterruptedException {
    while (fixture.sandbox.requestLog().reportCalls() < 3) {
      Thread.sleep(10);
    }
  }

  private static long drain(ResultSet rows) throws SQLException {
    long count = 0;
    while (rows.next()) {
      count++;
    }
    return count;
  }

  /**
   * A poll already on the wire when the query stopped may reach the log late, so the log must
   * first fall quiet (it never does while a report is polled every 10 ms); then no call may follow
   * for a while. Absence can only be watched for a time, so this one waits by the clock.
   */
  private static void assertNoReportCallAfterAQuietSpell() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    long calls = fixture.sandbox.requestLog().reportCalls();
    long quietSince = System.nanoTime();
    while (System.nanoTime() - quietSince < QUIET.toNanos()) {
      assertThat(System.nanoTime()).as("the request log fell quiet for %s", QUIET).isLessThan(deadline);
      Thread.sleep(20);
      long now = fixture.sandbox.requestLog().reportCalls();
      if (now != calls) {
        calls = now;
        quietSince = System.nanoTime();
      }
    }
    Thread.sleep(Duration.ofSeconds(2).toMillis());
    assertThat(fixture.sandbox.requestLog().reportCalls()).as("report calls after the query stopped").isEqualTo(calls);
  }
}
