package io.github.criteojdbc.corpus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs corpus queries the way clients do: a plain statement, a prepared one, or with a row cap. */
final class CorpusQueries {
  private CorpusQueries() {
  }

  static Rows rows(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      return Rows.read(rs);
    }
  }

  /** DBeaver's result-set viewer: the statement is capped with {@code setMaxRows}, not with SQL. */
  static Rows rowsWithMaxRows(Connection connection, String sql, int maxRows) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setMaxRows(maxRows);
      try (ResultSet rs = statement.executeQuery(sql)) {
        return Rows.read(rs);
      }
    }
  }

  static Rows rows(Connection connection, PreparedForm form) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(form.sql())) {
      form.bindTo(statement);
      try (ResultSet rs = statement.executeQuery()) {
        return Rows.read(rs);
      }
    }
  }

  static long count(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      if (!rs.next()) {
        throw new IllegalStateException("a COUNT(*) gave no row: " + sql);
      }
      return rs.getLong(1);
    }
  }
}
