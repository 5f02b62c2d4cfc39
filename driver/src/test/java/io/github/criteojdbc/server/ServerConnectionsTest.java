package io.github.criteojdbc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.criteojdbc.sandbox.MovableClock;

import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class ServerConnectionsTest {
  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final List<String> closed = new ArrayList<>();
  private final ServerConnections connections = new ServerConnections((user, chosen) -> connection(),
      new ServerConnections.Limits(2, Duration.ofMinutes(30)), AuditLog.toLogger(clock), clock);

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
