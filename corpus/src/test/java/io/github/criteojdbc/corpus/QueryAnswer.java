package io.github.criteojdbc.corpus;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/**
 * A corpus query's rows together with what its getters said, from one execution; when {@code getObject} itself
 * fails for a cell, the rows are that failure and the getter readings up to that cell are kept.
 */
record QueryAnswer(Rows rows, SQLException rowsFailure, RuntimeException valueFailure, Set<String> getterProblems) {

  static QueryAnswer of(Connection connection, String sql) throws SQLException {
    GetterDisagreements getters = new GetterDisagreements();
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      try {
        return new QueryAnswer(Rows.read(rs, getters), null, null, getters.problems());
      } catch (SQLException e) {
        return new QueryAnswer(null, e, null, getters.problems());
      } catch (RuntimeException e) {
        return new QueryAnswer(null, null, e, getters.problems());
      }
    }
  }

  /** The rows, or the failure that kept them from being read. */
  Rows rowsOrThrow() throws SQLException {
    if (rowsFailure != null) {
      throw rowsFailure;
    }
    if (valueFailure != null) {
      throw valueFailure;
    }
    return rows;
  }
}
