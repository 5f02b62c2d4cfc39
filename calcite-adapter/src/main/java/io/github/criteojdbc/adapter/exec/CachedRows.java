package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.client.QueryControl;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
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

  /**
   * The report's rows from the cache when it holds them, else as {@link #fetchedOnce}.
   */
  static RawRows orDownload(ReportCache cache, ReportCache.Key key, QueryControl stop, Supplier<RawRows> download) {
    return cache.get(key).<RawRows>map(entry -> new CachedRows(entry.rows(), entry.complete(), entry.currency(),
        download)).orElseGet(() -> fetchedOnce(cache, key, stop, download));
  }

  /**
   * The rows of a report the cache does not hold (or not readably): from another server of the
   * team that is fetching it, else from {@code download}, the other servers then waiting for this one.
   */
  static RawRows fetchedOnce(ReportCache cache, ReportCache.Key key, QueryControl stop, Supplier<RawRows> download) {
    Optional<ReportCache.Entry> fetchedByAnother = cache.fetchedByAnotherServer(key, stop);
    if (fetchedByAnother.isPresent()) {
      ReportCache.Entry entry = fetchedByAnother.get();
      return new CachedRows(entry.rows(), entry.complete(), entry.currency(), download);
    }
    RawRows downloading;
    try {
      downloading = download.get();
    } catch (RuntimeException e) {
      cache.releaseFetch(key);
      throw e;
    }
    return new RawRows() {
      @Override public Object[] next() {
        return downloading.next();
      }

      @Override public String currency() {
        return downloading.currency();
      }

      @Override public void close() {
        try {
          downloading.close();
        } finally {
          cache.releaseFetch(key);
        }
      }
    };
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
