package io.github.criteojdbc.adapter.exec;

import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Rows of a report served from the cache. When the cache holds only the report's first rows, a
 * reader that wants more downloads the report and continues after them.
 */
final class CachedRows implements RawRows {
  private final Iterator<Object[]> cached;
  private final int cachedCount;
  private final boolean complete;
  private final String currency;
  private final Supplier<RawRows> download;
  private RawRows rest;

  private CachedRows(List<Object[]> rows, boolean complete, String currency,
      Supplier<RawRows> download) {
    this.cached = rows.iterator();
    this.cachedCount = rows.size();
    this.complete = complete;
    this.currency = currency;
    this.download = download;
  }

  /** All the rows of a report, known without a download. */
  CachedRows(List<Object[]> rows, String currency) {
    this(rows, true, currency, () -> {
      throw new IllegalStateException("a complete cache entry needs no download");
    });
  }

  /** The cached rows of a complete report. */
  CachedRows(ReportCache.Entry entry) {
    this(entry.rows(), entry.currency());
  }

  /** The report's rows from the cache when it holds them, else from {@code download}. */
  static RawRows orDownload(ReportCache cache, ReportCache.Key key, Supplier<RawRows> download) {
    return cache.get(key).<RawRows>map(entry -> new CachedRows(entry.rows(), entry.complete(),
        entry.currency(), download))
        .orElseGet(download);
  }

  @Override public Object[] next() {
    if (cached.hasNext()) {
      return cached.next();
    }
    if (complete) {
      return null;
    }
    if (rest == null) {
      rest = download.get();
      for (int skipped = 0; skipped < cachedCount; skipped++) {
        if (rest.next() == null) {
          return null;
        }
      }
    }
    return rest.next();
  }

  @Override public String currency() {
    return currency;
  }

  @Override public void close() {
    if (rest != null) {
      rest.close();
    }
  }
}
