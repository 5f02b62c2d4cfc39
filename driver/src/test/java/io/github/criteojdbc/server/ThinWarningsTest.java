package io.github.criteojdbc.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The thin driver's {@code getWarnings()} answers what the embedded driver would, read from the
 * server's statement, connection and result set only when asked; and only to their owner.
 */
class ThinWarningsTest {
  /** No date filter: the embedded driver warns that the default lookback window applies. */
  private static final String WARNING_QUERY = "SELECT SUM(clicks) FROM statistics";

  @TempDir static Path dir;
  private static TeamServerFixture fixture;

  @BeforeAll static void start() throws Exception {
    fixture = TeamServerFixture.start(dir);
  }

  @AfterAll static void stop() {
    fixture.close();
  }

  @Test void aStatementsWarningsAreTheEmbeddedDriversInTextStateAndOrder() throws SQLException {
    List<String> embedded;
    try (Connection connection = fixture.embedded(); Statement statement = connection.createStatement()) {
      readAll(statement.executeQuery(WARNING_QUERY));
      embedded = described(statement.getWarnings());
    }
    try (Connection thin = fixture.thinAlice(); Statement statement = thin.createStatement()) {
      readAll(statement.executeQuery(WARNING_QUERY));
      assertThat(embedded).anyMatch(w -> w.contains("no date filter"));
      assertThat(described(statement.getWarnings())).isEqualTo(embedded);
    }
  }

  @Test void aResultSetsWarningsAreItsStatements() throws SQLException {
    try (Connection thin = fixture.thinAlice(); Statement statement = thin.createStatement();
        ResultSet rows = statement.executeQuery(WARNING_QUERY)) {
      while (rows.next()) {
        assertThat(rows.getLong(1)).isPositive();
      }
      assertThat(described(rows.getWarnings())).anyMatch(w -> w.contains("no date filter"))
          .isEqualTo(described(statement.getWarnings()));
    }
  }

  @Test void theServerIsAskedOnlyWhenWarningsAreReadAndOnceEachTime() throws SQLException {
    Logger sideLog = Logger.getLogger(SideEndpoint.class.getName());
    Level level = sideLog.getLevel();
    List<String> reads = new CopyOnWriteArrayList<>();
    Handler counting = new Handler() {
      @Override public void publish(LogRecord record) {
        if (record.getMessage().contains("read the warnings")) {
          reads.add(record.getMessage());
        }
      }

      @Override public void flush() {
      }

      @Override public void close() {
      }
    };
    sideLog.setLevel(Level.FINE);
    sideLog.addHandler(counting);
    try (Connection thin = fixture.thinAlice(); Statement statement = thin.createStatement()) {
      readAll(statement.executeQuery(WARNING_QUERY));
      assertThat(reads).isEmpty();
      statement.getWarnings();
      assertThat(reads).hasSize(1);
    } finally {
      sideLog.removeHandler(counting);
      sideLog.setLevel(level);
    }
  }

  @Test void aQueryWithoutWarningsHasNone() throws SQLException {
    try (Connection thin = fixture.thinAlice(); Statement statement = thin.createStatement();
        ResultSet rows = statement.executeQuery("SELECT 1")) {
      readAll(rows);
      assertThat((Object) rows.getWarnings()).isNull();
      assertThat((Object) statement.getWarnings()).isNull();
      assertThat((Object) thin.getWarnings()).isNull();
    }
  }

  @Test void clearWarningsClearsTheServersStatement() throws SQLException {
    try (Connection thin = fixture.thinAlice(); Statement statement = thin.createStatement()) {
      readAll(statement.executeQuery(WARNING_QUERY));
      assertThat(described(statement.getWarnings())).isNotEmpty();
      statement.clearWarnings();
      assertThat((Object) statement.getWarnings()).isNull();
    }
  }

  @Test void clearingTheConnectionsWarningsSucceeds() throws SQLException {
    try (Connection thin = fixture.thinAlice()) {
      thin.clearWarnings();
      assertThat((Object) thin.getWarnings()).isNull();
    }
  }

  @Test void anotherUsersStatementWarningsAreRefused() throws Exception {
    try (Connection alice = fixture.thinAlice(); Statement statement = alice.createStatement()) {
      readAll(statement.executeQuery(WARNING_QUERY));
      String connectionId = alice.unwrap(AvaticaConnection.class).id;
      int statementId = statement.unwrap(AvaticaStatement.class).getId();
      HttpResponse<String> refusal = sideRequestAsBob("/criteo/warnings",
          "connection=" + connectionId + "&statement=" + statementId);
      assertThat(refusal.statusCode()).isEqualTo(404);
      assertThat(refusal.body()).startsWith(ServerConnections.NOT_YOURS_STATE + "\n")
          .doesNotContain("date filter");
      assertThat(described(statement.getWarnings())).isNotEmpty();
    }
  }

  @Test void anotherUserCannotClearAStatementsWarnings() throws Exception {
    try (Connection alice = fixture.thinAlice(); Statement statement = alice.createStatement()) {
      readAll(statement.executeQuery(WARNING_QUERY));
      String connectionId = alice.unwrap(AvaticaConnection.class).id;
      int statementId = statement.unwrap(AvaticaStatement.class).getId();
      HttpResponse<String> refusal = sideRequestAsBob("/criteo/clearWarnings",
          "connection=" + connectionId + "&statement=" + statementId);
      assertThat(refusal.statusCode()).isEqualTo(404);
      assertThat(described(statement.getWarnings())).isNotEmpty();
    }
  }

  @Test void anotherUsersConnectionWarningsAreRefused() throws Exception {
    try (Connection alice = fixture.thinAlice()) {
      String connectionId = alice.unwrap(AvaticaConnection.class).id;
      HttpResponse<String> refusal = sideRequestAsBob("/criteo/warnings", "connection=" + connectionId);
      assertThat(refusal.statusCode()).isEqualTo(404);
      assertThat(refusal.body()).startsWith(ServerConnections.NOT_YOURS_STATE + "\n");
    }
  }

  private static void readAll(ResultSet rows) throws SQLException {
    while (rows.next()) {
      rows.getObject(1);
    }
  }

  private static List<String> described(SQLWarning head) {
    List<String> warnings = new ArrayList<>();
    for (SQLWarning warning = head; warning != null; warning = warning.getNextWarning()) {
      warnings.add(warning.getSQLState() + " " + warning.getErrorCode() + " " + warning.getMessage());
    }
    return warnings;
  }

  private static HttpResponse<String> sideRequestAsBob(String path, String form) throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(TeamServerSecurityTest.trusting(fixture.truststore)).build();
    HttpRequest request = HttpRequest.newBuilder(fixture.server.url().resolve(path))
        .header("Authorization", TeamServerSecurityTest.basic(TeamServerFixture.BOB, TeamServerFixture.BOB_PASSWORD))
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
