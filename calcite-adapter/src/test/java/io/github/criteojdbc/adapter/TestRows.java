package io.github.criteojdbc.adapter;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Rows of a result as comparable text: values joined by "|", decimals plain, doubles to 12 digits. */
final class TestRows {
  private TestRows() {
  }

  static List<String> of(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      return read(rs);
    }
  }

  static List<String> read(ResultSet rs) throws SQLException {
    List<String> rows = new ArrayList<>();
    ResultSetMetaData meta = rs.getMetaData();
    while (rs.next()) {
      List<String> values = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        switch (meta.getColumnType(i)) {
        case Types.DECIMAL:
          values.add(rs.getBigDecimal(i) == null ? null : plain(rs.getBigDecimal(i)));
          break;
        case Types.DOUBLE:
          values.add(rs.getObject(i) == null ? null
              : String.format(Locale.ROOT, "%.12g", rs.getDouble(i)));
          break;
        default:
          values.add(rs.getString(i));
        }
      }
      rows.add(String.join("|", values));
    }
    return rows;
  }

  static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
