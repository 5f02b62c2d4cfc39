package io.github.criteojdbc.driver;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;

/**
 * Metadata over Calcite's, which answers from the schema without any API call. Adds what Calcite
 * cannot know: the API version as the product version, and that the connection is read-only and
 * has no transactions.
 */
final class CriteoDatabaseMetaData extends JdbcProxy<DatabaseMetaData> {
  private final CriteoConnection connection;

  private CriteoDatabaseMetaData(DatabaseMetaData calcite, CriteoConnection connection) {
    super(DatabaseMetaData.class, calcite);
    this.connection = connection;
  }

  static DatabaseMetaData wrap(DatabaseMetaData calcite, CriteoConnection connection) {
    return new CriteoDatabaseMetaData(calcite, connection).proxy();
  }

  @Override protected Object handle(Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "getConnection":
        return connection.proxy();
      case "getDatabaseProductVersion":
        return "Marketing Solutions API " + connection.session().settings().apiVersion();
      case "isReadOnly":
        return true;
      case "supportsTransactions":
        return false;
      case "getDefaultTransactionIsolation":
        return Connection.TRANSACTION_NONE;
      case "supportsTransactionIsolationLevel":
        return (Integer) args[0] == Connection.TRANSACTION_NONE;
      default:
        Object result = forward(method, args);
        return result instanceof ResultSet
            ? CriteoResultSet.wrap((ResultSet) result, null, new WarningChain(), connection.session().warnings())
            : result;
    }
  }
}
