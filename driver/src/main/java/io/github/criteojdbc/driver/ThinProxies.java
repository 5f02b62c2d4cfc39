package io.github.criteojdbc.driver;

import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaSqlException;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import javax.net.ssl.SSLHandshakeException;

/**
 * The JDBC objects of a thin connection: Avatica's, seen through proxies that raise the server's
 * own message and SQLState instead of Avatica's "Error while executing SQL ..." wrapping, whose
 * statements send {@code cancel()} and {@code setQueryTimeout} to the server, and whose
 * connection, statements and result sets read and clear their warnings on the server, where the
 * embedded driver keeps them: Avatica's protocol carries none.
 */
final class ThinProxies {
  private static final Set<Class<?>> PROXIED = Set.of(Connection.class, Statement.class, PreparedStatement.class,
      CallableStatement.class, DatabaseMetaData.class, ResultSet.class);

  /** The SQLState Avatica gives an error of its own client, such as a server that does not answer. */
  private static final String NO_SERVER_STATE = "00000";

  /** The client could not establish the connection. */
  private static final String CANNOT_CONNECT_STATE = "08001";

  /** How Avatica's client starts the message of an error the server sent. */
  private static final String REMOTE_PREFIX = "Remote driver error: ";

  private ThinProxies() {
  }

  static Connection connection(AvaticaConnection connection, ThinSideChannel side) {
    return proxy(Connection.class, connection, side);
  }

  private static <T> T proxy(Class<T> type, Object target, ThinSideChannel side) {
    InvocationHandler handler = target instanceof AvaticaStatement
        ? new StatementHandler((AvaticaStatement) target, side) : new Handler(target, side);
    return type.cast(Proxy.newProxyInstance(ThinProxies.class.getClassLoader(), new Class<?>[] {type}, handler));
  }

  /**
   * The server's error as the server raised it. Avatica keeps the server's message, SQLState and
   * code in the client exception it wraps; an error of the client itself is kept as it is.
   */
  static SQLException serverError(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof AvaticaClientRuntimeException) {
        AvaticaClientRuntimeException server = (AvaticaClientRuntimeException) t;
        return typed(serverMessage(server.getMessage()), server.getSqlState(), server.getErrorCode(), thrown);
      }
    }
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof AvaticaSqlException) {
        AvaticaSqlException server = (AvaticaSqlException) t;
        return typed(serverMessage(server.getErrorMessage()), server.getSQLState(), server.getErrorCode(), thrown);
      }
    }
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return new SQLTransientConnectionException("The team server could not be reached (" + t.getMessage()
            + "): check that it runs and the server URL, then connect again", SqlErrors.CONNECTION_FAILURE, thrown);
      }
      if (t instanceof SSLHandshakeException) {
        return new SQLNonTransientConnectionException("The TLS handshake with the team server failed (" + t.getMessage()
            + "): when its certificate is not in this JVM's trust store, set truststore and truststorePassword",
            CANNOT_CONNECT_STATE, thrown);
      }
      // A timeout is the client's own limit, not a lost connection: it keeps Avatica's message.
      if (t instanceof IOException && !(t instanceof InterruptedIOException)) {
        return new SQLNonTransientConnectionException("The team server went away during the call (connection lost: "
            + t.getClass().getSimpleName() + ": " + t.getMessage() + "); what it was running and the connection are"
            + " lost: once the server is back, open a new connection and run the query again",
            SqlErrors.CONNECTION_FAILURE, thrown);
      }
    }
    if (thrown instanceof SQLException) {
      return (SQLException) thrown;
    }
    return SqlErrors.translate(thrown);
  }

  /** The server's message, without what Avatica's client put before it ("Error while executing SQL ..."). */
  private static String serverMessage(String message) {
    int remote = message == null ? -1 : message.indexOf(REMOTE_PREFIX);
    return remote < 0 ? message : message.substring(remote + REMOTE_PREFIX.length());
  }

  private static SQLException typed(String message, String state, int code, Throwable cause) {
    if (state == null || NO_SERVER_STATE.equals(state)) {
      return new SQLTransientConnectionException("The team server could not be reached: " + message,
          SqlErrors.CONNECTION_FAILURE, cause);
    }
    if (SqlErrors.TIMEOUT.equals(state)) {
      return new SQLTimeoutException(message, state, code, cause);
    }
    if (state != null && state.startsWith("42")) {
      return new SQLSyntaxErrorException(message, state, code, cause);
    }
    if (state != null && state.startsWith("08")) {
      return new SQLNonTransientConnectionException(message, state, code, cause);
    }
    return new SQLException(message, state, code, cause);
  }

  /** Calls through to Avatica's object, proxying the JDBC objects it returns. */
  private static class Handler implements InvocationHandler {
    private final Object target;
    final ThinSideChannel side;

    Handler(Object target, ThinSideChannel side) {
      this.target = target;
      this.side = side;
    }

    @Override public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getName().equals("unwrap") && args[0] instanceof Class && ((Class<?>) args[0]).isInstance(proxy)) {
        return proxy;
      }
      Object result;
      try {
        if (target instanceof ResultSet) {
          Optional<Optional<Object>> value = ThinValues.read((ResultSet) target, method, args);
          if (value.isPresent()) {
            return value.get().orElse(null);
          }
        }
        result = method.invoke(target, ThinValues.bindable(method, args));
        if (isWarningsCall(method)) {
          return warningsOnServer(target, method.getName(), side);
        }
      } catch (InvocationTargetException e) {
        throw method.getExceptionTypes().length == 0 ? e.getCause() : serverError(e.getCause());
      } catch (SQLException e) {
        throw serverError(e);
      }
      Class<?> returned = method.getReturnType();
      if (result != null && PROXIED.contains(returned) && !Proxy.isProxyClass(result.getClass())) {
        return proxy(returned, result, side);
      }
      return result;
    }
  }

  private static boolean isWarningsCall(Method method) {
    return method.getParameterCount() == 0
        && (method.getName().equals("getWarnings") || method.getName().equals("clearWarnings"));
  }

  /**
   * Reads or clears, after Avatica's own object checked it is open, the warnings the server keeps
   * of this object: a result set's are its statement's, as in the embedded driver.
   */
  private static Object warningsOnServer(Object target, String methodName, ThinSideChannel side)
      throws SQLException {
    String connectionId;
    OptionalInt statementId;
    if (target instanceof AvaticaConnection) {
      connectionId = ((AvaticaConnection) target).id;
      statementId = OptionalInt.empty();
    } else {
      AvaticaStatement statement = target instanceof AvaticaResultSet
          ? ((AvaticaResultSet) target).getStatement() : (AvaticaStatement) target;
      connectionId = statement.handle.connectionId;
      statementId = OptionalInt.of(statement.handle.id);
    }
    if (methodName.equals("getWarnings")) {
      return side.warnings(connectionId, statementId);
    }
    side.clearWarnings(connectionId, statementId);
    return null;
  }

  /** A statement: its cancel and query timeout also go to the server's statement of the same id. */
  private static final class StatementHandler extends Handler {
    private final AvaticaStatement statement;

    StatementHandler(AvaticaStatement statement, ThinSideChannel side) {
      super(statement, side);
      this.statement = statement;
    }

    @Override public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getName().equals("cancel") && method.getParameterCount() == 0) {
        side.cancel(statement.handle.connectionId, statement.handle.id);
        return null;
      }
      if (method.getName().equals("setQueryTimeout")) {
        Object result = super.invoke(proxy, method, args);
        side.queryTimeout(statement.handle.connectionId, statement.handle.id, (Integer) args[0]);
        return result;
      }
      return super.invoke(proxy, method, args);
    }
  }
}
