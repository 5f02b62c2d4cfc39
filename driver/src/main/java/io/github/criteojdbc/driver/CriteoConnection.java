package io.github.criteojdbc.driver;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A {@code jdbc:criteo:} connection over Calcite's. Read-only: transaction calls are accepted and
 * do nothing, so tools that set isolation or commit do not fail. {@code isValid} fetches a token
 * and never creates a report; {@code close} first cancels the API calls in flight.
 */
final class CriteoConnection extends JdbcProxy<Connection> {
  private final CriteoSession session;
  private volatile boolean closed;

  private CriteoConnection(Connection calcite, CriteoSession session) {
    super(Connection.class, calcite);
    this.session = session;
  }

  static Connection wrap(Connection calcite, CriteoSession session) {
    return new CriteoConnection(calcite, session).proxy();
  }

  CriteoSession session() {
    return session;
  }

  @Override protected Object handle(Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "createStatement":
        return CriteoStatement.wrap(Statement.class, (Statement) forward(method, args), this);
      case "prepareStatement":
        return CriteoStatement.wrap(PreparedStatement.class, (PreparedStatement) forward(method, args), this);
      case "getMetaData":
        return CriteoDatabaseMetaData.wrap((DatabaseMetaData) forward(method, args), this);
      case "isValid":
        return isValid((Integer) args[0]);
      case "close":
      case "abort":
        close();
        return null;
      case "isReadOnly":
      case "getAutoCommit":
        return true;
      case "setReadOnly":
      case "setAutoCommit":
      case "setTransactionIsolation":
      case "commit":
      case "rollback":
        requireOpen();
        return null;
      case "getTransactionIsolation":
        requireOpen();
        return Connection.TRANSACTION_NONE;
      case "getWarnings":
        requireOpen();
        return session.warnings().connectionWarnings().head();
      case "clearWarnings":
        session.warnings().connectionWarnings().clear();
        return null;
      default:
        return forward(method, args);
    }
  }

  private boolean isValid(int timeoutSeconds) throws SQLException {
    if (timeoutSeconds < 0) {
      throw new SQLException("isValid timeout must not be negative, got " + timeoutSeconds);
    }
    return !closed && session.isValid(timeoutSeconds);
  }

  private void requireOpen() throws SQLException {
    if (closed) {
      throw new SQLException("Connection is closed", "08003");
    }
  }

  private void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      session.close();
    } finally {
      delegate.close();
    }
  }
}
