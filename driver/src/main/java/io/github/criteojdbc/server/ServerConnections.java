package io.github.criteojdbc.server;

import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;

import java.sql.Connection;
import java.sql.SQLException;
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
 * server's own settings, so all of them share the server's report cache and rate budget.
 */
final class ServerConnections implements AutoCloseable {
  static final String NOT_YOURS_STATE = "08003";
  static final String ID_IN_USE_STATE = "08002";

  private static final Logger LOG = Logger.getLogger(ServerConnections.class.getName());

  private final EmbeddedConnector connector;
  private final ConcurrentMap<String, ServerConnection> byId = new ConcurrentHashMap<>();

  ServerConnections(EmbeddedConnector connector) {
    this.connector = connector;
  }

  /** Opens connection {@code id} for {@code user} with the properties a client may choose. */
  void open(String user, String id, Map<String, String> clientInfo) {
    Properties chosen = ClientProperties.check(clientInfo);
    ServerConnection claimed = new ServerConnection(user);
    if (byId.putIfAbsent(id, claimed) != null) {
      throw new AvaticaRuntimeException("Connection id " + id + " is already in use; open the connection with a"
          + " new id (the Avatica driver makes a random one for each connection)", -1, ID_IN_USE_STATE,
          AvaticaSeverity.ERROR);
    }
    try {
      claimed.attach(connector.connect(chosen));
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
      throw new AvaticaRuntimeException("No open connection " + id + " of user " + user
          + " on this server; it was closed, or never opened by you: open a new connection", -1, NOT_YOURS_STATE,
          AvaticaSeverity.ERROR);
    }
    return connection;
  }

  void close(String user, String id) {
    ServerConnection connection = get(user, id);
    if (byId.remove(id, connection)) {
      connection.close();
      LOG.fine(() -> user + " closed connection " + id);
    }
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
  }

  /** How the server opens the embedded connection behind each client connection. */
  interface EmbeddedConnector {
    Connection connect(Properties clientChosen) throws SQLException;
  }

  static void closeQuietly(AutoCloseable closeable, String what) {
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.log(Level.FINE, "closing " + what + " failed", e);
    }
  }
}
