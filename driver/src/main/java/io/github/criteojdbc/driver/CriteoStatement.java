package io.github.criteojdbc.driver;

import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * A statement (or prepared statement) over Calcite's. Each execution starts a fresh chain of
 * warnings, which collects what the adapter reports while the query runs, including while its
 * result set is read.
 */
final class CriteoStatement extends JdbcProxy<Statement> {
  private final CriteoConnection connection;
  private final WarningChain warnings = new WarningChain();
  private ResultSet current;
  private ResultSet currentProxy;

  private CriteoStatement(Class<? extends Statement> type, Statement calcite, CriteoConnection connection) {
    super(type, calcite);
    this.connection = connection;
  }

  static <S extends Statement> S wrap(Class<S> type, S calcite, CriteoConnection connection) {
    return type.cast(new CriteoStatement(type, calcite, connection).proxy());
  }

  @Override protected Object handle(Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "executeQuery":
      case "execute":
      case "executeUpdate":
      case "executeLargeUpdate":
      case "executeBatch":
      case "executeLargeBatch":
        warnings.clear();
        return wrapped(connection.session().warnings().runFor(warnings, () -> forward(method, args)));
      case "getResultSet":
        return wrapped(forward(method, args));
      case "getConnection":
        return connection.proxy();
      case "getWarnings":
        return warnings.head();
      case "clearWarnings":
        warnings.clear();
        return null;
      default:
        return forward(method, args);
    }
  }

  /** The same wrapper for the same result set, as tools call getResultSet more than once. */
  private synchronized Object wrapped(Object result) {
    if (!(result instanceof ResultSet)) {
      return result;
    }
    if (result != current) {
      current = (ResultSet) result;
      currentProxy = CriteoResultSet.wrap(current, proxy(), warnings, connection.session().warnings());
    }
    return currentProxy;
  }
}
