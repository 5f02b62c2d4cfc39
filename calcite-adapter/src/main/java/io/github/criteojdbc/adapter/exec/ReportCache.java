package io.github.criteojdbc.adapter.exec;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.collect.ImmutableList;

import io.github.criteojdbc.adapter.exec.ReportFileFormat.StoredReport;
import io.github.criteojdbc.client.ColumnRequest;
import io.github.criteojdbc.client.QueryControl;
import io.github.criteojdbc.client.RowShape;
import io.github.criteojdbc.client.ValueType;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.logging.Logger;

/**
 * Finished reports' rows, shared by every connection of the JVM and keyed by application and
 * request, so re-running a query, paging in a SQL client or a BI tool's repeated queries cost no
 * API calls. Bounded by the number of values it holds; each entry carries its own expiry because
 * reports of recent days must be refreshed sooner than old ones. With a {@link DiskReportStore}
 * behind it, entries whose key says everything about their rows are also written to disk, so
 * that another JVM (the next {@code java -jar … -e}, a restarted BI server) finds them; with a
 * {@link SharedEntryStore} they are also kept where the other servers of a team find them.
 */
public final class ReportCache {
  private static final Logger LOG = Logger.getLogger(ReportCache.class.getName());
  /** How long a server of a team holds a report it fetches before the others stop waiting for it. */
  static final Duration FETCH_CLAIM = Duration.ofMinutes(2);
  private static final Duration FETCH_POLL = Duration.ofMillis(100);
  /** About 200 MB of boxed values at most. */
  public static final long DEFAULT_MAX_VALUES = 8_000_000L;

  private static final ReportCache SHARED = new ReportCache(DEFAULT_MAX_VALUES, Clock.systemUTC());
  private static final Map<Path, ReportCache> ON_DISK = new ConcurrentHashMap<>();

  private final Cache<Key, Entry> entries;
  private final long maxValuesPerEntry;
  private final Clock clock;
  private final Optional<DiskReportStore> disk;
  /** Where entries are also kept, in the order they are asked: the disk first, being the nearer. */
  private final List<ReportTier> tiers;
  private final Optional<SharedReportTier> shared;
  private final boolean enabled;
  private final ReportCoalescer coalescer = new ReportCoalescer();

  /** A cache of the shared one's size that tells time by {@code clock}. */
  public ReportCache(Clock clock) {
    this(DEFAULT_MAX_VALUES, clock);
  }

  public ReportCache(long maxValues, Clock clock) {
    this(maxValues, clock, null, true);
  }

  /** A cache whose entries are also kept in {@code disk}, which other JVMs may share. */
  public ReportCache(long maxValues, Clock clock, DiskReportStore disk) {
    this(maxValues, clock, Objects.requireNonNull(disk, "disk"), true);
  }

  /** A cache whose entries are also kept in {@code shared}, which the servers of a team share, and in {@code disk}. */
  public ReportCache(long maxValues, Clock clock, Optional<DiskReportStore> disk, SharedEntryStore shared) {
    this(maxValues, clock, disk.orElse(null), Optional.of(new SharedReportTier(shared, clock)), true);
  }

  private ReportCache(long maxValues, Clock clock, DiskReportStore disk, boolean enabled) {
    this(maxValues, clock, disk, Optional.empty(), enabled);
  }

  private ReportCache(long maxValues, Clock clock, DiskReportStore disk, Optional<SharedReportTier> shared,
      boolean enabled) {
    this.entries = CacheBuilder.newBuilder()
        .maximumWeight(maxValues)
        .weigher((Key key, Entry entry) -> (int) Math.min(Integer.MAX_VALUE, entry.values()))
        .build();
    this.maxValuesPerEntry = maxValues / 4;
    this.clock = clock;
    this.disk = Optional.ofNullable(disk);
    this.shared = shared;
    this.tiers = Stream.<ReportTier>concat(this.disk.stream(), shared.stream()).toList();
    this.enabled = enabled;
  }

  /** The JVM's memory-only cache. */
  public static ReportCache shared() {
    return SHARED;
  }

  /** A cache that keeps nothing ({@code cache=off}). */
  public static ReportCache off() {
    return new ReportCache(0, Clock.systemUTC(), null, false);
  }

  /**
   * The JVM's cache whose second tier is the folder {@code cacheDir}, shared by the connections
   * naming it. When the folder cannot be used (not writable, another user's), the JVM's
   * memory-only cache, and {@code warnings} hears why, once per folder and JVM.
   */
  public static ReportCache onDisk(Path cacheDir, long maxBytes, Consumer<String> warnings) {
    Path folder = cacheDir.toAbsolutePath().normalize();
    AtomicReference<String> refusal = new AtomicReference<>();
    ReportCache cache = ON_DISK.computeIfAbsent(folder, dir -> {
      try {
        return new ReportCache(DEFAULT_MAX_VALUES, Clock.systemUTC(),
            DiskReportStore.open(dir, maxBytes, Clock.systemUTC()));
      } catch (IOException | RuntimeException e) {
        refusal.set("cacheDir " + dir + " cannot hold cached reports (" + e.getMessage()
            + "); reports are cached in memory only: set cacheDir to a folder of yours, or cache=memory");
        return SHARED;
      }
    });
    Optional.ofNullable(refusal.get()).ifPresent(message -> {
      LOG.warning(message);
      warnings.accept(message);
    });
    return cache;
  }

  /** Merges the reports that connections sharing this cache are about to create at once. */
  ReportCoalescer coalescer() {
    return coalescer;
  }

  /** The folder of the disk tier, if this cache has one. */
  public Optional<Path> diskFolder() {
    return disk.map(DiskReportStore::folder);
  }

  /** The cached rows of a request, if present and not expired, from memory else from disk. */
  public Optional<Entry> get(Key key) {
    if (!enabled) {
      return Optional.empty();
    }
    Entry entry = entries.getIfPresent(key);
    if (entry != null && entry.expiresAt.isAfter(clock.instant())) {
      return Optional.of(entry);
    }
    if (entry != null) {
      entries.invalidate(key);
    }
    return fromTiers(key);
  }

  private Optional<Entry> fromTiers(Key key) {
    if (key.text().isEmpty()) {
      return Optional.empty();
    }
    for (ReportTier tier : tiers) {
      Optional<Entry> entry = tier.read(key.application, key.text().get()).flatMap(stored -> promote(key, stored));
      if (entry.isPresent()) {
        return entry;
      }
    }
    return Optional.empty();
  }

  /**
   * Before this server fetches the report of {@code key}: while another server of the team fetches
   * it, waits for its rows to be kept, and answers them. Empty when this server is to fetch it (it
   * then holds the report until {@link #releaseFetch}), also when the other gave up without
   * keeping rows, after {@link #FETCH_CLAIM} at most, or once {@code stop} says the query ends.
   */
  public Optional<Entry> fetchedByAnotherServer(Key key, QueryControl stop) {
    if (!enabled || shared.isEmpty() || key.text().isEmpty()) {
      return Optional.empty();
    }
    Instant giveUp = clock.instant().plus(FETCH_CLAIM);
    while (!shared.get().claim(key.application, key.text().get(), FETCH_CLAIM)) {
      if (stop.isCancelled() || clock.instant().isAfter(giveUp)
          || stop.deadline().map(deadline -> !clock.instant().isBefore(deadline)).orElse(false)) {
        return Optional.empty();
      }
      try {
        Thread.sleep(FETCH_POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
      Optional<Entry> kept = fromTiers(key);
      if (kept.isPresent()) {
        return kept;
      }
    }
    // The other server may have kept the rows and let go between this server's miss and its claim.
    Optional<Entry> keptMeanwhile = fromTiers(key);
    keptMeanwhile.ifPresent(entry -> releaseFetch(key));
    return keptMeanwhile;
  }

  /** Ends this server's fetch of the report of {@code key}, kept or not. */
  public void releaseFetch(Key key) {
    if (shared.isPresent() && key.text().isPresent()) {
      shared.get().release(key.application, key.text().get());
    }
  }

  /** The entry read from a tier, now also in memory, when its values have the key's column types. */
  private Optional<Entry> promote(Key key, StoredReport stored) {
    if (!stored.expiresAt().isAfter(clock.instant()) || !hasTypesOf(stored.rows(), key.shape)) {
      return Optional.empty();
    }
    Entry entry = new Entry(stored.rows(), stored.complete(), stored.currency(), stored.fetchedAt(),
        stored.expiresAt());
    entries.put(key, entry);
    return Optional.of(entry);
  }

  private static boolean hasTypesOf(List<Object[]> rows, RowShape shape) {
    List<ColumnRequest> columns = shape.columns();
    for (Object[] row : rows) {
      if (row.length != columns.size()) {
        return false;
      }
      for (int i = 0; i < row.length; i++) {
        if (row[i] != null && row[i].getClass() != javaClass(columns.get(i).type())) {
          return false;
        }
      }
    }
    return true;
  }

  private static Class<?> javaClass(ValueType type) {
    switch (type) {
    case INTEGER:
    case DATE:
      return Integer.class;
    case LONG:
    case TIMESTAMP:
      return Long.class;
    case DOUBLE:
      return Double.class;
    case DECIMAL:
      return BigDecimal.class;
    case BOOLEAN:
      return Boolean.class;
    default:
      return String.class;
    }
  }

  public void put(Key key, List<Object[]> rows, String currency, Duration ttl) {
    put(key, rows, currency, ttl, clock.instant());
  }

  /**
   * Keeps a report whose data the API computed no earlier than {@code fetchedAt} (when it was
   * asked for), for {@code ttl} from then: which of its days were settled follows from that instant.
   */
  public void put(Key key, List<Object[]> rows, String currency, Duration ttl, Instant fetchedAt) {
    if (!enabled || ttl.isZero() || ttl.isNegative()) {
      return;
    }
    Entry entry = new Entry(ImmutableList.copyOf(rows), true, currency, fetchedAt, fetchedAt.plus(ttl));
    entries.put(key, entry);
    toTiers(key, entry);
  }

  /** The instant by this cache's clock, which decides expiries and the age of reports. */
  public Instant now() {
    return clock.instant();
  }

  private void toTiers(Key key, Entry entry) {
    if (key.text().isPresent()) {
      StoredReport stored = new StoredReport(key.text().get(), entry.rows, entry.complete, entry.currency,
          entry.fetchedAt, entry.expiresAt);
      tiers.forEach(tier -> tier.write(key.application, stored));
    }
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
    if (!enabled || ttl.isZero() || ttl.isNegative() || rows.isEmpty()) {
      return;
    }
    Optional<Entry> present = get(key);
    if (present.isPresent()
        && (present.get().complete || present.get().rows.size() >= rows.size())) {
      return;
    }
    Entry entry = new Entry(ImmutableList.copyOf(rows), false, currency, fetchedAt, fetchedAt.plus(ttl));
    entries.put(key, entry);
    toTiers(key, entry);
  }

  /**
   * The complete, unexpired reports of one application, so that a request none of them matches
   * exactly can still be answered from one whose rows hold its rows.
   */
  public List<CachedReport> completeReports(String application) {
    Instant now = clock.instant();
    List<CachedReport> reports = new ArrayList<>();
    Set<String> inMemory = new HashSet<>();
    entries.asMap().forEach((key, entry) -> {
      if (key.application.equals(application) && entry.complete && entry.expiresAt.isAfter(now)) {
        reports.add(new CachedReport(key.request, entry));
        key.text().map(ReportFileNames::entryFile).ifPresent(inMemory::add);
      }
    });
    for (ReportTier tier : tiers) {
      for (StoredReport stored : tier.readAll(application, inMemory,
          stored -> stored.complete() && ReportKeyText.statisticsKey(stored.key()).isPresent())) {
        ReportKeyText.statisticsKey(stored.key())
            .filter(key -> key.application.equals(application))
            .flatMap(key -> promote(key, stored).map(entry -> new CachedReport(key.request, entry)))
            .ifPresent(report -> {
              reports.add(report);
              inMemory.add(ReportFileNames.entryFile(stored.key()));
            });
      }
    }
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

  /**
   * A request of one application: same request with other credentials is another entry. A key
   * that also knows the row shape of its report can be kept on disk; the shape is not part of its
   * identity in memory, where a request always has the same shape.
   */
  public static final class Key {
    private final String application;
    private final Object request;
    private final RowShape shape;
    private volatile Optional<String> text;

    public Key(String application, Object request) {
      this(application, request, null);
    }

    public Key(String application, Object request, RowShape shape) {
      this.application = Objects.requireNonNull(application, "application");
      this.request = Objects.requireNonNull(request, "request");
      this.shape = shape;
    }

    /** The full key the disk tier writes and checks, when the entry can be kept there. */
    Optional<String> text() {
      if (text == null) {
        text = ReportKeyText.of(application, request, shape);
      }
      return text;
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
