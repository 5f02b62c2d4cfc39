package io.github.criteojdbc.adapter.exec;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.collect.ImmutableList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finished reports' rows, shared by every connection of the JVM and keyed by application and
 * request, so re-running a query, paging in a SQL client or a BI tool's repeated queries cost no
 * API calls. Bounded by the number of values it holds; each entry carries its own expiry because
 * reports of recent days must be refreshed sooner than old ones.
 */
public final class ReportCache {
  /** About 200 MB of boxed values at most. */
  static final long DEFAULT_MAX_VALUES = 8_000_000L;

  private static final ReportCache SHARED = new ReportCache(DEFAULT_MAX_VALUES, Clock.systemUTC());

  private final Cache<Key, Entry> entries;
  private final long maxValuesPerEntry;
  private final Clock clock;

  /** A cache of the shared one's size that tells time by {@code clock}. */
  public ReportCache(Clock clock) {
    this(DEFAULT_MAX_VALUES, clock);
  }

  public ReportCache(long maxValues, Clock clock) {
    this.entries = CacheBuilder.newBuilder()
        .maximumWeight(maxValues)
        .weigher((Key key, Entry entry) -> (int) Math.min(Integer.MAX_VALUE, entry.values()))
        .build();
    this.maxValuesPerEntry = maxValues / 4;
    this.clock = clock;
  }

  public static ReportCache shared() {
    return SHARED;
  }

  /** The cached rows of a request, if present and not expired. */
  public Optional<Entry> get(Key key) {
    Entry entry = entries.getIfPresent(key);
    if (entry != null && entry.expiresAt.isAfter(clock.instant())) {
      return Optional.of(entry);
    }
    if (entry != null) {
      entries.invalidate(key);
    }
    return Optional.empty();
  }

  public void put(Key key, List<Object[]> rows, String currency, Duration ttl) {
    put(key, rows, currency, ttl, clock.instant());
  }

  /**
   * Keeps a report whose data the API computed no earlier than {@code fetchedAt} (when it was
   * asked for), for {@code ttl} from then: which of its days were settled follows from that instant.
   */
  public void put(Key key, List<Object[]> rows, String currency, Duration ttl, Instant fetchedAt) {
    if (ttl.isZero() || ttl.isNegative()) {
      return;
    }
    entries.put(key, new Entry(ImmutableList.copyOf(rows), true, currency, fetchedAt, fetchedAt.plus(ttl)));
  }

  /** The instant by this cache's clock, which decides expiries and the age of reports. */
  public Instant now() {
    return clock.instant();
  }

  /**
   * Keeps the first rows of a report whose reading stopped early (a {@code LIMIT}), unless a
   * complete or longer copy is already there, so that a repeat needing no more rows makes no call.
   */
  public void putPrefix(Key key, List<Object[]> rows, String currency, Duration ttl) {
    putPrefix(key, rows, currency, ttl, clock.instant());
  }

  /** As {@link #putPrefix(Key, List, String, Duration)}, of a report asked for at {@code fetchedAt}. */
  public void putPrefix(Key key, List<Object[]> rows, String currency, Duration ttl, Instant fetchedAt) {
    if (ttl.isZero() || ttl.isNegative() || rows.isEmpty()) {
      return;
    }
    Optional<Entry> present = get(key);
    if (present.isPresent()
        && (present.get().complete || present.get().rows.size() >= rows.size())) {
      return;
    }
    entries.put(key, new Entry(ImmutableList.copyOf(rows), false, currency, fetchedAt,
        fetchedAt.plus(ttl)));
  }

  /**
   * The complete, unexpired reports of one application, so that a request none of them matches
   * exactly can still be answered from one whose rows hold its rows.
   */
  public List<CachedReport> completeReports(String application) {
    Instant now = clock.instant();
    List<CachedReport> reports = new ArrayList<>();
    entries.asMap().forEach((key, entry) -> {
      if (key.application.equals(application) && entry.complete && entry.expiresAt.isAfter(now)) {
        reports.add(new CachedReport(key.request, entry));
      }
    });
    return reports;
  }

  /** What the cache holds for one application, for the driver's state tables; changes nothing. */
  public List<Listing> entries(String application) {
    Instant now = clock.instant();
    return entries.asMap().entrySet().stream()
        .filter(e -> e.getKey().application.equals(application) && e.getValue().expiresAt.isAfter(now))
        .map(e -> new Listing(e.getKey().request, e.getValue().rows.size(), e.getValue().complete,
            e.getValue().values(), e.getValue().expiresAt))
        .collect(ImmutableList.toImmutableList());
  }

  /** One cached report: its request, its rows (all or the first ones), their values, its expiry. */
  public record Listing(Object request, int rows, boolean complete, long values, Instant expiresAt) {}

  /** Reports larger than this many values are streamed but not kept. */
  public long maxValuesPerEntry() {
    return maxValuesPerEntry;
  }

  /** A request of one application: same request with other credentials is another entry. */
  public static final class Key {
    private final String application;
    private final Object request;

    public Key(String application, Object request) {
      this.application = Objects.requireNonNull(application, "application");
      this.request = Objects.requireNonNull(request, "request");
    }

    @Override public boolean equals(Object o) {
      return o instanceof Key && application.equals(((Key) o).application)
          && request.equals(((Key) o).request);
    }

    @Override public int hashCode() {
      return Objects.hash(application, request);
    }
  }

  /** A cached report: the request it answered and its rows. */
  public record CachedReport(Object request, Entry entry) {
  }

  /**
   * Rows of a finished report, in the order of the request's row shape: all of them, or the first
   * ones when the reading stopped early.
   */
  public static final class Entry {
    private final ImmutableList<Object[]> rows;
    private final boolean complete;
    private final String currency;
    private final Instant fetchedAt;
    private final Instant expiresAt;

    Entry(ImmutableList<Object[]> rows, boolean complete, String currency, Instant fetchedAt,
        Instant expiresAt) {
      this.rows = rows;
      this.complete = complete;
      this.currency = currency;
      this.fetchedAt = fetchedAt;
      this.expiresAt = expiresAt;
    }

    /** When the report was asked for: its data is at least as recent as this instant. */
    public Instant fetchedAt() {
      return fetchedAt;
    }

    public ImmutableList<Object[]> rows() {
      return rows;
    }

    /** False when {@link #rows} are only the report's first rows. */
    public boolean complete() {
      return complete;
    }

    /** Currency of the money columns as the output metadata declared it, or null. */
    public String currency() {
      return currency;
    }

    long values() {
      return rows.isEmpty() ? 1 : (long) rows.size() * rows.get(0).length;
    }
  }
}
