package io.github.criteojdbc.server;

import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** One client connection: its owner, its embedded connection and its statements by id. */
final class ServerConnection implements AutoCloseable {
  private final String owner;
  private final AtomicInteger nextStatementId = new AtomicInteger(1);
  private final ConcurrentMap<Integer, ServerStatement> statements = new ConcurrentHashMap<>();
  private volatile Connection embedded;
  private Instant lastUsed;
  private int running;
  private boolean retired;

  ServerConnection(String owner, Instant openedAt) {
    this.owner = owner;
    this.lastUsed = openedAt;
  }

  synchronized void used(Instant at) {
    lastUsed = at;
  }

  synchronized Instant lastUsed() {
    return lastUsed;
  }

  /** A call that may run long begins: until it ends the connection is not idle. False once retired as idle. */
  synchronized boolean startRunning() {
    if (retired) {
      return false;
    }
    running++;
    return true;
  }

  /** The call ended; the connection's idle time starts now, not when the call began. */
  synchronized void stopRunning(Instant at) {
    running--;
    lastUsed = at;
  }

  /**
   * Whether the connection is idle since before {@code oldest}, with nothing running; if so it is
   * retired, so no call can start on it any more.
   */
  synchronized boolean retireIfIdleSince(Instant oldest) {
    if (running > 0 || !isAttached() || !lastUsed.isBefore(oldest)) {
      return false;
    }
    retired = true;
    return true;
  }

  String owner() {
    return owner;
  }

  void attach(Connection connection) {
    this.embedded = connection;
  }

  boolean isAttached() {
    return embedded != null;
  }

  Connection embedded() {
    return embedded;
  }

  /** @param jdbc the embedded statement, or null for the rows of a metadata call */
  ServerStatement register(Statement jdbc) {
    int id = nextStatementId.getAndIncrement();
    ServerStatement statement = new ServerStatement(id, jdbc);
    statements.put(id, statement);
    return statement;
  }

  int openStatements() {
    return statements.size();
  }

  Optional<ServerStatement> statement(int id) {
    return Optional.ofNullable(statements.get(id));
  }

  ServerStatement existingStatement(String connectionId, int id) {
    return statement(id).orElseThrow(() -> new AvaticaRuntimeException("No open statement " + id + " on connection "
        + connectionId + "; it was closed: create a new statement", -1, "HY010", AvaticaSeverity.ERROR));
  }

  void closeStatement(int id) {
    ServerStatement statement = statements.remove(id);
    if (statement != null) {
      statement.close();
    }
  }

  @Override public void close() {
    for (Integer id : List.copyOf(statements.keySet())) {
      closeStatement(id);
    }
    Connection connection = embedded;
    if (connection != null) {
      ServerConnections.closeQuietly(connection, "a connection of " + owner);
    }
  }
}
