package io.github.criteojdbc.adapter.exec;

import java.util.Iterator;
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

  private CachedRows(ReportCache.Entry entry, Supplier<RawRows> download) {
    this.cached = entry.rows().iterator();
    this.cachedCount = entry.rows().size();
    this.complete = entry.complete();
    this.currency = entry.currency();
    this.download = download;
  }

  /** The cached rows of a complete report. */
  CachedRows(ReportCache.Entry entry) {
    this(entry, () -> {
      throw new IllegalStateException("a complete cache entry needs no download");
    });
  }

  /** The report's rows from the cache when it holds them, else from {@code download}. */
  static RawRows orDownload(ReportCache cache, ReportCache.Key key, Supplier<RawRows> download) {
    return cache.get(key).<RawRows>map(entry -> new CachedRows(entry, download))
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
