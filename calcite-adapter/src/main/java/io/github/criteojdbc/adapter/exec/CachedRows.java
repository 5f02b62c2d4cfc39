package io.github.criteojdbc.adapter.exec;

import java.util.Iterator;

/** Rows of a report served from the cache. */
final class CachedRows implements RawRows {
  private final Iterator<Object[]> rows;
  private final String currency;

  CachedRows(ReportCache.Entry entry) {
    this.rows = entry.rows().iterator();
    this.currency = entry.currency();
  }

  @Override public Object[] next() {
    return rows.hasNext() ? rows.next() : null;
  }

  @Override public String currency() {
    return currency;
  }

  @Override public void close() {
  }
}
