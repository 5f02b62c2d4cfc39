package io.github.criteojdbc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** The per-user statement limit through the stock Avatica client and the thin driver: two statements a user. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TeamServerLimitsTest {
  @TempDir static Path dir;
  private static TeamServerFixture fixture;

  @BeforeAll static void start() throws Exception {
    Properties limits = new Properties();
    limits.setProperty("server.maxStatementsPerUser", "2");
    fixture = TeamServerFixture.start(dir, limits);
  }

  @AfterAll static void stop() {
    fixture.close();
  }

  /** Avatica's own client raises a createStatement refusal unchecked, with the server's SQLState and message. */
  @Test void theStockClientsStatementBeyondTheLimitFailsNamingTheSetting() throws SQLException {
    try (Connection connection = fixture.alice(); Statement first = connection.createStatement();
        Statement second = connection.createStatement()) {
      assertThatThrownBy(connection::createStatement).isInstanceOfSatisfying(AvaticaClientRuntimeException.class,
          e -> {
            assertThat(e.getSqlState()).isEqualTo("53300");
            assertThat(e.getMessage()).contains("User alice already has 2 open statements",
                "server.maxStatementsPerUser");
          });
    }
  }

  @Test void theThinClientsStatementBeyondTheLimitOnAnotherConnectionFailsNamingTheSetting() throws SQLException {
    try (Connection one = fixture.thinAlice(); Connection other = fixture.thinAlice();
        Statement first = one.createStatement(); Statement second = other.createStatement()) {
      assertThatThrownBy(other::createStatement).isInstanceOfSatisfying(SQLException.class, e -> {
        assertThat(e.getSQLState()).isEqualTo("53300");
        assertThat(e.getMessage()).startsWith("User alice already has 2 open statements")
            .contains("server.maxStatementsPerUser");
      });
    }
  }
}
