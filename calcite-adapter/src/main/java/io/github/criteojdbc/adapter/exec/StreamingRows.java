package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.client.OutputColumn;
import io.github.criteojdbc.client.RowStream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows read from a report download as they arrive. While the report is small enough it keeps a
 * copy, and puts it in the cache once the download has ended cleanly; a reading stopped early (a
 * {@code LIMIT}, a cancelled query) caches the rows read so far as the report's first rows, and a
 * failed download caches nothing.
 */
final class StreamingRows implements RawRows {
  private final RowStream stream;
  private final ReportCache cache;
  private final ReportCache.Key key;
  private final Duration ttl;
  private final Instant fetchedAt;
  private final String currency;
  private List<Object[]> recorded = new ArrayList<>();
  private long recordedValues;

  StreamingRows(RowStream stream, ReportCache cache, ReportCache.Key key, Duration ttl,
      String requestedCurrency) {
    this(stream, cache, key, ttl, cache.now(), requestedCurrency);
  }

  /** Rows of a report asked for at {@code fetchedAt}, kept for {@code ttl} from then. */
  StreamingRows(RowStream stream, ReportCache cache, ReportCache.Key key, Duration ttl,
      Instant fetchedAt, String requestedCurrency) {
    this.stream = stream;
    this.cache = cache;
    this.key = key;
    this.ttl = ttl;
    this.fetchedAt = fetchedAt;
    this.currency = declaredCurrency(stream.outputColumns(), requestedCurrency);
    if (ttl.isZero()) {
      recorded = null;
    }
  }

  private static String declaredCurrency(List<OutputColumn> columns, String requestedCurrency) {
    for (OutputColumn column : columns) {
      if (column.currency() != null) {
        return column.currency();
      }
    }
    return requestedCurrency;
  }

  @Override public Object[] next() {
    Object[] row;
    try {
      row = stream.next();
    } catch (RuntimeException e) {
      recorded = null;
      throw e;
    }
    if (row == null) {
      if (recorded != null) {
        cache.put(key, recorded, currency, ttl, fetchedAt);
        recorded = null;
      }
      return null;
    }
    if (recorded != null) {
      recordedValues += row.length;
      if (recordedValues > cache.maxValuesPerEntry()) {
        recorded = null;
      } else {
        recorded.add(row);
      }
    }
    return row;
  }

  @Override public String currency() {
    return currency;
  }

  @Override public void close() {
    if (recorded != null) {
      cache.putPrefix(key, recorded, currency, ttl, fetchedAt);
      recorded = null;
    }
    stream.close();
  }
}
