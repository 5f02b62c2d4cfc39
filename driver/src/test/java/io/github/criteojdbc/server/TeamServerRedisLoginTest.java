package io.github.criteojdbc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.criteojdbc.sandbox.SandboxServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/** A Redis that asks for a password: the server logs in with the url's, and never repeats it. */
class TeamServerRedisLoginTest {
  private static final String REDIS_PASSWORD = "redis-secret-7f3a";

  @TempDir Path dir;
  private static RedisProcess redis;
  private static SandboxServer sandbox;

  @BeforeAll static void start() throws Exception {
    redis = RedisProcess.start(List.of("--requirepass", REDIS_PASSWORD));
    sandbox = SandboxServer.start();
  }

  @AfterAll static void stop() throws Exception {
    try {
      sandbox.close();
    } finally {
      redis.close();
    }
  }

  private Properties redisAt(String password) {
    Properties settings = new Properties();
    settings.setProperty("redis.url", "redis://:" + password + "@127.0.0.1:" + redis.url().getPort());
    settings.setProperty("redis.servers", "2");
    settings.setProperty("criteo.cache", "memory");
    return settings;
  }

  @Test void withTheUrlsPasswordTheServerStartsAndAnswers() throws Exception {
    try (TeamServerFixture fixture = TeamServerFixture.start(dir, redisAt(REDIS_PASSWORD), sandbox);
        Connection alice = fixture.alice();
        Statement statement = alice.createStatement();
        ResultSet rows = statement.executeQuery("SELECT SUM(clicks) FROM statistics"
            + " WHERE day = CURRENT_DATE - INTERVAL '35' DAY")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getLong(1)).isPositive();
    }
  }

  @Test void aWrongPasswordStopsTheStartWithoutNamingIt() {
    assertThatThrownBy(() -> TeamServerFixture.start(dir, redisAt("not-the-" + REDIS_PASSWORD), sandbox))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("Redis at redis://127.0.0.1:" + redis.url().getPort())
        .hasMessageContaining("redis.url")
        .hasMessageNotContaining(REDIS_PASSWORD)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
  }
}
