package io.github.criteojdbc.corpus;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A result read through {@code getObject} and rendered canonically: its column labels and rows, in read order. */
record Rows(List<String> columns, List<List<String>> rows) {

  Rows {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  static Rows read(ResultSet rs) throws SQLException {
    return read(rs, CellObserver.NONE);
  }

  static Rows read(ResultSet rs, CellObserver observer) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int width = meta.getColumnCount();
    List<String> columns = new ArrayList<>();
    List<ValueKind> kinds = new ArrayList<>();
    for (int i = 1; i <= width; i++) {
      columns.add(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
      kinds.add(ValueKind.of(meta.getColumnType(i)));
    }
    List<List<String>> rows = new ArrayList<>();
    while (rs.next()) {
      List<String> row = new ArrayList<>(width);
      for (int i = 1; i <= width; i++) {
        observer.observe(rs, i, meta.getColumnLabel(i), meta.getColumnTypeName(i), kinds.get(i - 1));
        row.add(CanonicalValue.of(kinds.get(i - 1), rs.getObject(i)));
      }
      rows.add(row);
    }
    return new Rows(columns, rows);
  }

  int size() {
    return rows.size();
  }

  Rows firstRows(int n) {
    return new Rows(columns, rows.subList(0, Math.min(n, rows.size())));
  }
}
