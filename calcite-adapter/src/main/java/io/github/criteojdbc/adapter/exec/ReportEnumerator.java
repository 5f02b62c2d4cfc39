package io.github.criteojdbc.adapter.exec;

import org.apache.calcite.linq4j.Enumerator;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Streams a report's rows into Calcite. Nothing is requested until the first {@code moveNext},
 * so plans that never read (a {@code LIMIT 0} that survived planning, an abandoned cursor) cost
 * no API call; closing stops the download.
 */
final class ReportEnumerator implements Enumerator<Object[]> {
  private final Supplier<RawRows> opener;
  private final List<ColumnSource> columns;
  private final OptionalLong fetch;
  /** Whether the columns are the report row's values in their order: a row of as many is handed on as it is. */
  private final boolean rawInOrder;
  private RawRows rows;
  private Object[] current;
  private long produced;
  private boolean finished;

  ReportEnumerator(Supplier<RawRows> opener, List<ColumnSource> columns, OptionalLong fetch) {
    this.opener = opener;
    this.columns = columns;
    this.fetch = fetch;
    this.rawInOrder = inOrder(columns);
  }

  private static boolean inOrder(List<ColumnSource> columns) {
    for (int i = 0; i < columns.size(); i++) {
      if (!columns.get(i).isField(i)) {
        return false;
      }
    }
    return true;
  }

  @Override public Object[] current() {
    return current;
  }

  @Override public boolean moveNext() {
    if (finished) {
      return false;
    }
    if (fetch.isPresent() && produced >= fetch.getAsLong()) {
      finish();
      return false;
    }
    if (rows == null) {
      rows = opener.get();
    }
    Object[] raw = rows.next();
    if (raw == null) {
      finish();
      return false;
    }
    current = rawInOrder && raw.length == columns.size() ? raw : project(raw);
    produced++;
    return true;
  }

  private Object[] project(Object[] raw) {
    Object[] row = new Object[columns.size()];
    String currency = rows.currency();
    for (int i = 0; i < row.length; i++) {
      row[i] = columns.get(i).read(raw, currency);
    }
    return row;
  }

  private void finish() {
    finished = true;
    current = null;
    close();
  }

  @Override public void reset() {
    throw new UnsupportedOperationException("a report stream cannot be rewound");
  }

  @Override public void close() {
    if (rows != null) {
      rows.close();
    }
  }
}
