package io.github.criteojdbc.server;

import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The connections that clients opened through the server, each bound to the user who opened it:
 * a user reaches only connections of their own, and a connection id already in use cannot be
 * opened again, by anyone. Every connection is an embedded {@code jdbc:criteo:} connection on the
 * server's own settings, restricted to its user's advertiser grant, so all of them share the
 * server's report cache and rate budget.
 */
final class ServerConnections implements AutoCloseable {
  static final String NOT_YOURS_STATE = "08003";
  static final String ID_IN_USE_STATE = "08002";
  static final String TOO_MANY_STATE = "53300";

  private static final Logger LOG = Logger.getLogger(ServerConnections.class.getName());

  private final EmbeddedConnector connector;
  private final Limits limits;
  private final AuditLog audit;
  private final Clock clock;
  private final ConcurrentMap<String, ServerConnection> byId = new ConcurrentHashMap<>();

  ServerConnections(EmbeddedConnector connector, Limits limits, AuditLog audit, Clock clock) {
    this.connector = connector;
    this.limits = limits;
    this.audit = audit;
    this.clock = clock;
  }

  /** Opens connection {@code id} for {@code user} with the properties a client may choose. */
  void open(String user, String id, Map<String, String> clientInfo) {
    Properties chosen = ClientProperties.check(clientInfo);
    ServerConnection claimed = new ServerConnection(user, clock.instant());
    synchronized (this) {
      long open = byId.values().stream().filter(c -> c.owner().equals(user)).count();
      if (open >= limits.connectionsPerUser()) {
        throw new AvaticaRuntimeException("User " + user + " already has " + open + " open connections, the most"
            + " server.maxConnectionsPerUser allows; close connections you no longer use", -1, TOO_MANY_STATE,
            AvaticaSeverity.ERROR);
      }
      if (byId.putIfAbsent(id, claimed) != null) {
      throw new AvaticaRuntimeException("Connection id " + id + " is already in use; open the connection with a"
          + " new id (the Avatica driver makes a random one for each connection)", -1, ID_IN_USE_STATE,
            AvaticaSeverity.ERROR);
      }
    }
    try {
      claimed.attach(connector.connect(user, chosen));
      LOG.fine(() -> user + " opened connection " + id);
    } catch (SQLException | RuntimeException e) {
      byId.remove(id, claimed);
      throw MetaErrors.of(e);
    }
  }

  /** Connection {@code id}, when {@code user} opened it; the same error whether it is another's or none. */
  ServerConnection get(String user, String id) {
    ServerConnection connection = byId.get(id);
    if (connection == null || !connection.owner().equals(user) || !connection.isAttached()) {
      throw notOpen(user, id);
    }
    connection.used(clock.instant());
    return connection;
  }

  private static AvaticaRuntimeException notOpen(String user, String id) {
    return new AvaticaRuntimeException("No open connection " + id + " of user " + user
        + " on this server; it was closed (connections idle for server.idleTimeoutSeconds are), or never opened"
        + " by you: open a new connection", -1, NOT_YOURS_STATE, AvaticaSeverity.ERROR);
  }

  /**
   * Connection {@code id} of {@code user} for a call that may outlast the idle timeout (an execution,
   * a fetch): the sweeper leaves it open until the returned run is closed.
   */
  Run run(String user, String id) {
    ServerConnection connection = get(user, id);
    if (!connection.startRunning()) {
      throw notOpen(user, id);
    }
    return new Run(connection);
  }

  /** A call in progress on a connection; closing it ends the call. */
  final class Run implements AutoCloseable {
    private final ServerConnection connection;

    private Run(ServerConnection connection) {
      this.connection = connection;
    }

    ServerConnection connection() {
      return connection;
    }

    @Override public void close() {
      connection.stopRunning(clock.instant());
    }
  }

  /**
   * Registers a statement of {@code connection} ({@code jdbc} null for a metadata call's rows),
   * refusing one beyond {@link Limits#statementsPerUser()} over all the owner's connections; a
   * refused {@code jdbc} is closed.
   */
  synchronized ServerStatement register(ServerConnection connection, Statement jdbc) {
    String user = connection.owner();
    int open = byId.values().stream().filter(c -> c.owner().equals(user)).mapToInt(ServerConnection::openStatements)
        .sum();
    if (open >= limits.statementsPerUser()) {
      if (jdbc != null) {
        closeQuietly(jdbc, "a refused statement");
      }
      throw new AvaticaRuntimeException("User " + user + " already has " + open + " open statements, the most"
          + " server.maxStatementsPerUser allows; close statements and result sets you no longer use", -1,
          TOO_MANY_STATE, AvaticaSeverity.ERROR);
    }
    return connection.register(jdbc);
  }

  void close(String user, String id) {
    ServerConnection connection = get(user, id);
    if (byId.remove(id, connection)) {
      connection.close();
      LOG.fine(() -> user + " closed connection " + id);
    }
  }

  /** Closes the connections nobody used for {@link Limits#idleTimeout()}, nothing running on them; returns how many. */
  int closeIdle() {
    Instant oldest = clock.instant().minus(limits.idleTimeout());
    int closed = 0;
    for (Map.Entry<String, ServerConnection> entry : List.copyOf(byId.entrySet())) {
      ServerConnection connection = entry.getValue();
      if (connection.retireIfIdleSince(oldest) && byId.remove(entry.getKey(), connection)) {
        connection.close();
        closed++;
        LOG.info(() -> "closed connection " + entry.getKey() + " of " + connection.owner() + ", idle since "
            + connection.lastUsed());
      }
    }
    return closed;
  }

  /** Where each statement execution on these connections is recorded. */
  AuditLog audit() {
    return audit;
  }

  int size() {
    return byId.size();
  }

  @Override public void close() {
    List<String> ids = List.copyOf(byId.keySet());
    for (String id : ids) {
      ServerConnection connection = byId.remove(id);
      if (connection != null) {
        connection.close();
      }
    }
    audit.close();
  }

  /**
   * How many connections and statements a user may hold open, and how long a connection may sit
   * unused, with nothing running, before it is closed.
   */
  record Limits(int connectionsPerUser, int statementsPerUser, Duration idleTimeout) {
  }

  /** How the server opens the embedded connection behind each client connection. */
  interface EmbeddedConnector {
    Connection connect(String user, Properties clientChosen) throws SQLException;
  }

  static void closeQuietly(AutoCloseable closeable, String what) {
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.log(Level.FINE, "closing " + what + " failed", e);
    }
  }
}
