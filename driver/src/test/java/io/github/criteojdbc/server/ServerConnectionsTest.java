package io.github.criteojdbc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.criteojdbc.sandbox.MovableClock;

import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class ServerConnectionsTest {
  private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final List<String> closed = new ArrayList<>();
  private final ServerConnections connections = new ServerConnections((user, chosen) -> connection(),
      new ServerConnections.Limits(2, 3, IDLE_TIMEOUT), AuditLog.toLogger(clock), clock);

  @Test void aUserBeyondTheirConnectionLimitIsRefused() {
    connections.open("alice", "a1", Map.of());
    connections.open("alice", "a2", Map.of());

    assertRefused(() -> connections.open("alice", "a3", Map.of()), "server.maxConnectionsPerUser");
    connections.open("bob", "b1", Map.of());
  }

  @Test void aConnectionUnusedForTheIdleTimeoutIsClosed() {
    connections.open("alice", "idle", Map.of());
    connections.open("alice", "busy", Map.of());
    clock.advance(Duration.ofMinutes(20));
    connections.get("alice", "busy");
    clock.advance(Duration.ofMinutes(11));

    assertThat(connections.closeIdle()).isEqualTo(1);
    assertThat(closed).hasSize(1);
    assertRefused(() -> connections.get("alice", "idle"), "server.idleTimeoutSeconds");
    assertThat(connections.get("alice", "busy").owner()).isEqualTo("alice");
  }

  @Test void aUserBeyondTheirStatementLimitOverAllTheirConnectionsIsRefused() {
    connections.open("alice", "a1", Map.of());
    connections.open("alice", "a2", Map.of());
    connections.open("bob", "b1", Map.of());
    connections.register(connections.get("alice", "a1"), statement());
    connections.register(connections.get("alice", "a1"), null);
    connections.register(connections.get("alice", "a2"), statement());

    assertThatThrownBy(() -> connections.register(connections.get("alice", "a2"), statement()))
        .isInstanceOfSatisfying(AvaticaRuntimeException.class, e -> {
          assertThat(e.getSqlState()).isEqualTo("53300");
          assertThat(e.getErrorMessage()).contains("already has 3 open statements", "server.maxStatementsPerUser");
        });
    assertThat(closed).containsExactly("statement");
    connections.register(connections.get("bob", "b1"), statement());
  }

  @Test void aClosedStatementMakesRoomForAnother() {
    connections.open("alice", "a1", Map.of());
    ServerConnection connection = connections.get("alice", "a1");
    for (int i = 0; i < 3; i++) {
      connections.register(connection, statement());
    }

    connection.closeStatement(1);

    assertThat(connections.register(connection, statement()).id()).isEqualTo(4);
  }

  @Test void aConnectionRunningLongerThanTheIdleTimeoutIsNotClosed() {
    connections.open("alice", "running", Map.of());
    try (ServerConnections.Run run = connections.run("alice", "running")) {
      clock.advance(IDLE_TIMEOUT.multipliedBy(3));

      assertThat(connections.closeIdle()).isZero();
    }
    assertThat(closed).isEmpty();
  }

  @Test void aConnectionsIdleTimeStartsWhenItsRunEnds() {
    connections.open("alice", "ran", Map.of());
    try (ServerConnections.Run run = connections.run("alice", "ran")) {
      clock.advance(IDLE_TIMEOUT.multipliedBy(3));
    }
    clock.advance(IDLE_TIMEOUT.minusMinutes(1));
    assertThat(connections.closeIdle()).isZero();

    clock.advance(Duration.ofMinutes(2));
    assertThat(connections.closeIdle()).isEqualTo(1);
  }

  @Test void aConnectionClosedAsIdleStartsNoRun() {
    connections.open("alice", "idle", Map.of());
    ServerConnection connection = connections.get("alice", "idle");
    clock.advance(IDLE_TIMEOUT.plusMinutes(1));

    assertThat(connection.retireIfIdleSince(clock.instant().minus(IDLE_TIMEOUT))).isTrue();

    assertThat(connection.startRunning()).isFalse();
  }

  @Test void anotherUsersConnectionIsNotFoundForThem() {
    connections.open("alice", "a1", Map.of());

    assertRefused(() -> connections.get("bob", "a1"), "No open connection a1 of user bob");
    assertRefused(() -> connections.close("bob", "a1"), "No open connection");
    assertThat(closed).isEmpty();
  }

  private static void assertRefused(ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOfSatisfying(AvaticaRuntimeException.class,
        e -> assertThat(e.getErrorMessage()).contains(message));
  }

  private Statement statement() {
    return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
        (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            closed.add("statement");
          }
          return null;
        });
  }

  private Connection connection() {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            closed.add("closed");
          }
          return null;
        });
  }
}
