package io.github.criteojdbc.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** The idle sweeper of a server that closes connections unused for 2 s, which it checks every second. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TeamServerIdleTest {
  private static final int IDLE_TIMEOUT_SECONDS = 2;

  @TempDir static Path dir;
  private static TeamServerFixture fixture;

  @BeforeAll static void start() throws Exception {
    Properties idle = new Properties();
    idle.setProperty("server.idleTimeoutSeconds", Integer.toString(IDLE_TIMEOUT_SECONDS));
    fixture = TeamServerFixture.start(dir, idle);
  }

  @AfterAll static void stop() {
    fixture.close();
  }

  @Test void aQueryRunningLongerThanTheIdleTimeoutKeepsItsConnectionAndReturnsItsRows() throws SQLException {
    fixture.sandbox.faults().pendingFor(Duration.ofSeconds(IDLE_TIMEOUT_SECONDS * 4L));
    try (Connection connection = fixture.thinAlice(); Statement statement = connection.createStatement()) {
      assertThat(StockAvaticaClientTest.rows(statement.executeQuery(
          "SELECT SUM(clicks) FROM statistics WHERE day = CURRENT_DATE - INTERVAL '50' DAY"))).hasSize(1);
    }
  }
}
