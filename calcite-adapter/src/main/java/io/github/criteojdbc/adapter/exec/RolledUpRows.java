package io.github.criteojdbc.adapter.exec;

import java.util.List;

/**
 * A report that had to be broken down by a dimension the query does not use (the API needs at
 * least one), summed back into the single row the query asked for. Only additive metrics are
 * summed; the planner refuses non-additive ones unless the report has one row per query row.
 */
final class RolledUpRows implements RawRows {
  private final RawRows rows;
  private final List<Boolean> additive;
  private boolean done;

  /** {@code additive.get(i)} says whether raw column {@code i} is summed or left null. */
  RolledUpRows(RawRows rows, List<Boolean> additive) {
    this.rows = rows;
    this.additive = additive;
  }

  @Override public Object[] next() {
    if (done) {
      return null;
    }
    done = true;
    Object[] total = null;
    int count = 0;
    for (Object[] row = rows.next(); row != null; row = rows.next()) {
      if (total == null) {
        total = row.clone();
      } else {
        for (int i = 0; i < total.length; i++) {
          total[i] = additive.get(i) ? MetricSums.add(total[i], row[i]) : null;
        }
      }
      count++;
    }
    if (total != null && count > 1) {
      for (int i = 0; i < total.length; i++) {
        if (!additive.get(i)) {
          total[i] = null;
        }
      }
    }
    return total;
  }

  @Override public String currency() {
    return rows.currency();
  }

  @Override public void close() {
    rows.close();
  }
}
