package io.github.criteojdbc.driver;

import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * A result set over Calcite's. Reports are created and awaited when the first row is read, so
 * {@code next()} runs with the statement's warnings in place, and its failures are translated
 * like those of {@code execute}.
 */
final class CriteoResultSet extends JdbcProxy<ResultSet> {
  private final Statement statement;
  private final WarningChain warnings;
  private final WarningRouter router;

  private CriteoResultSet(ResultSet calcite, Statement statement, WarningChain warnings, WarningRouter router) {
    super(ResultSet.class, calcite);
    this.statement = statement;
    this.warnings = warnings;
    this.router = router;
  }

  /** @param statement the statement that ran the query, or null for a metadata result set */
  static ResultSet wrap(ResultSet calcite, Statement statement, WarningChain warnings, WarningRouter router) {
    return new CriteoResultSet(calcite, statement, warnings, router).proxy();
  }

  @Override protected Object handle(Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "next":
        return router.runFor(warnings, () -> forward(method, args));
      case "getStatement":
        return statement;
      case "getWarnings":
        return warnings.head();
      case "clearWarnings":
        warnings.clear();
        return null;
      default:
        return forward(method, args);
    }
  }
}
