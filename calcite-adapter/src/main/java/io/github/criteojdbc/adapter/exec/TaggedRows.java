package io.github.criteojdbc.adapter.exec;

import java.util.Arrays;

/**
 * Rows of one report of a fan-out, each followed by the values that the output does not carry but
 * the request fixed (its advertiser, breakdown, dates), so merged rows stay told apart.
 */
final class TaggedRows implements RawRows {
  private final RawRows rows;
  private final Object[] tags;

  TaggedRows(RawRows rows, Object[] tags) {
    this.rows = rows;
    this.tags = tags.clone();
  }

  @Override public Object[] next() {
    Object[] row = rows.next();
    if (row == null) {
      return null;
    }
    Object[] tagged = Arrays.copyOf(row, row.length + tags.length);
    System.arraycopy(tags, 0, tagged, row.length, tags.length);
    return tagged;
  }

  @Override public String currency() {
    return rows.currency();
  }

  @Override public void close() {
    rows.close();
  }
}
