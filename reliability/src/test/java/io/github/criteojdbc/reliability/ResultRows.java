package io.github.criteojdbc.reliability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A result set read to its end, as a list of rows of column values. */
final class ResultRows {
  private ResultRows() {
  }

  static List<List<Object>> readAll(ResultSet resultSet) throws SQLException {
    int columns = resultSet.getMetaData().getColumnCount();
    List<List<Object>> rows = new ArrayList<>();
    while (resultSet.next()) {
      List<Object> row = new ArrayList<>(columns);
      for (int column = 1; column <= columns; column++) {
        row.add(resultSet.getObject(column));
      }
      rows.add(row);
    }
    return rows;
  }
}
