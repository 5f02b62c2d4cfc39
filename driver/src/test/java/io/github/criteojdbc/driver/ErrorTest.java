package io.github.criteojdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a user sees when a query fails: the reason, without Calcite's wrapping, and a usable SQLState. */
class ErrorTest {
  private static Connection connection;

  @BeforeAll
  static void connect() throws SQLException {
    connection = SandboxConnections.open();
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  @Test
  void anUnknownColumnIsASyntaxErrorNamingIt() {
    assertThatThrownBy(() -> query("SELECT no_such_column FROM statistics"))
        .isInstanceOf(SQLSyntaxErrorException.class)
        .hasMessageContaining("Column 'no_such_column' not found")
        .hasMessageNotContaining("Error while executing SQL")
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42000"));
  }

  @Test
  void anUnknownTableIsASyntaxErrorNamingIt() {
    assertThatThrownBy(() -> query("SELECT * FROM campaigns"))
        .isInstanceOf(SQLSyntaxErrorException.class)
        .hasMessageContaining("Object 'campaigns' not found");
  }

  @Test
  void aParseErrorIsASyntaxError() {
    assertThatThrownBy(() -> query("SELECT clicks FROM FROM statistics"))
        .isInstanceOf(SQLSyntaxErrorException.class)
        .hasMessageContaining("near the keyword 'FROM' at line 1, column 15");
  }

  @Test
  void refusedCredentialsSayWhatToCheck() throws SQLException {
    try (Connection wrong = DriverManager.getConnection(
        "jdbc:criteo:advertiserIds=10001;baseUrl=" + SandboxConnections.server().baseUrl(), "nobody", "pa55-zz")) {
      assertThatThrownBy(() -> {
        try (Statement statement = wrong.createStatement()) {
          statement.executeQuery("SELECT SUM(clicks) FROM statistics WHERE day = CURRENT_DATE").next();
        }
      }).isInstanceOf(SQLException.class)
          .hasMessageContaining("Check clientId/clientSecret")
          .hasMessageNotContaining("pa55-zz")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28000"));
    }
  }

  @Test
  void aMissingSecretFailsTheConnection() {
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:criteo:clientId=app-1"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("clientSecret is missing");
  }

  @Test
  void anUnknownCatalogTokenIsAnUndefinedObjectSayingWhatToCheck() {
    assertThatThrownBy(() -> query("SELECT operation_token, status FROM catalog_batch_report"
        + " WHERE operation_token = 'no-such-token'"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("Criteo API error 404")
        .hasMessageContaining("no-such-token")
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42704"));
  }

  @Test
  void aMissingScopeIsAnInsufficientPrivilege() {
    SandboxConnections.server().faults().withoutCatalogReadScope(true);
    try {
      assertThatThrownBy(() -> query("SELECT operation_token, status FROM catalog_batch_report"
          + " WHERE operation_token = 'any-token'"))
          .isInstanceOf(SQLInvalidAuthorizationSpecException.class)
          .hasMessageContaining("Criteo API error 403")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
    } finally {
      SandboxConnections.server().faults().withoutCatalogReadScope(false);
    }
  }

  @Test
  void aRateLimitThatOutlastsTheRetriesIsTransient() throws SQLException {
    try (Connection uncached = SandboxConnections.open("cacheTtlSeconds=0;recentCacheTtlSeconds=0")) {
      SandboxConnections.server().faults().throttleNext(100, true);
      assertThatThrownBy(() -> {
        try (Statement statement = uncached.createStatement()) {
          statement.executeQuery("SELECT SUM(clicks) FROM statistics WHERE day = CURRENT_DATE - INTERVAL '5' DAY")
              .next();
        }
      }).isInstanceOf(SQLTransientException.class)
          .hasMessageContaining("Criteo API error 429")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("53400"));
    } finally {
      SandboxConnections.server().faults().reset();
    }
  }

  private static void query(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.executeQuery(sql).next();
    }
  }
}
