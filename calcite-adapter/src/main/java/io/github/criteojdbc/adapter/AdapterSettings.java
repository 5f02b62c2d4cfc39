package io.github.criteojdbc.adapter;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/** Connection-level choices that shape the report requests of every query on a connection. */
public final class AdapterSettings {
  private final ImmutableList<String> advertiserIds;
  private final Optional<ImmutableSet<String>> allowedAdvertiserIds;
  private final ZoneId timezone;
  private final Optional<String> currency;
  private final int defaultLookbackDays;
  private final Duration cacheTtl;
  private final Duration recentDataCacheTtl;
  private final Duration realtimeCacheTtl;
  private final Duration coalesceWindow;
  private final String mpoFileFormat;
  private final boolean catalogWait;
  private final Consumer<String> warnings;
  private final LongSupplier statementMaxRows;
  private final Optional<String> applicationLabel;

  private AdapterSettings(Builder b) {
    this.advertiserIds = ImmutableList.copyOf(b.advertiserIds);
    this.allowedAdvertiserIds = Optional.ofNullable(b.allowedAdvertiserIds).map(ImmutableSet::copyOf);
    this.timezone = Objects.requireNonNull(b.timezone, "timezone");
    this.currency = Optional.ofNullable(b.currency);
    this.defaultLookbackDays = b.defaultLookbackDays;
    this.cacheTtl = b.cacheTtl;
    this.recentDataCacheTtl = b.recentDataCacheTtl;
    this.realtimeCacheTtl = b.realtimeCacheTtl;
    this.coalesceWindow = b.coalesceWindow;
    this.mpoFileFormat = b.mpoFileFormat;
    this.catalogWait = b.catalogWait;
    this.warnings = b.warnings;
    this.statementMaxRows = b.statementMaxRows;
    this.applicationLabel = Optional.ofNullable(b.applicationLabel);
    if (defaultLookbackDays < 1) {
      throw new IllegalArgumentException("defaultLookbackDays must be at least 1");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Advertisers of queries that do not filter on {@code advertiser_id}. */
  public ImmutableList<String> advertiserIds() {
    return advertiserIds;
  }

  /** The only advertisers the connection may read, when it is restricted to some; empty: any. */
  public Optional<ImmutableSet<String>> allowedAdvertiserIds() {
    return allowedAdvertiserIds;
  }

  /**
   * Whether the connection may read reports of all these advertisers; a restricted connection may
   * not read a report of no known advertiser.
   */
  public boolean mayRead(Collection<String> advertisers) {
    return allowedAdvertiserIds.map(allowed -> !advertisers.isEmpty() && allowed.containsAll(advertisers))
        .orElse(true);
  }

  /** Time zone of every report: time buckets and date ranges are in this zone. */
  public ZoneId timezone() {
    return timezone;
  }

  public Optional<String> currency() {
    return currency;
  }

  public int defaultLookbackDays() {
    return defaultLookbackDays;
  }

  /**
   * How long a finished report's rows are reused (for statistics, its days that Criteo no longer
   * restates); zero turns the cache off.
   */
  public Duration cacheTtl() {
    return cacheTtl;
  }

  /** Reuse time for the days of a report within the last 120 hours, which Criteo may still restate. */
  public Duration recentDataCacheTtl() {
    return recentDataCacheTtl;
  }

  /** Reuse time for the MPO real-time export, whose data keeps changing. */
  public Duration realtimeCacheTtl() {
    return realtimeCacheTtl;
  }

  /**
   * How long a statistics query about to create a report waits for queries of other threads that
   * differ from it only in dimensions and metrics, to create one report for all; zero never waits.
   */
  public Duration coalesceWindow() {
    return coalesceWindow;
  }

  /** {@code csv} or {@code json}: the file format asked of the MPO real-time export. */
  public String mpoFileFormat() {
    return mpoFileFormat;
  }

  /** Whether a catalog batch report query waits while the batch is still being processed. */
  public boolean catalogWait() {
    return catalogWait;
  }

  /**
   * What the connection's users see the application named, where its client id and API root must
   * not show (a team server's clients); empty: the application's own name.
   */
  public Optional<String> applicationLabel() {
    return applicationLabel;
  }

  /** Receives messages that the driver turns into {@code SQLWarning}s. */
  public void warn(String message) {
    warnings.accept(message);
  }

  /** The {@code setMaxRows} of the statement running on the calling thread, if it has one. */
  public OptionalLong statementMaxRows() {
    long rows = statementMaxRows.getAsLong();
    return rows > 0 ? OptionalLong.of(rows) : OptionalLong.empty();
  }

  /** Builder of {@link AdapterSettings}; defaults are the documented connection defaults. */
  public static final class Builder {
    private List<String> advertiserIds = List.of();
    private Collection<String> allowedAdvertiserIds;
    private ZoneId timezone = ZoneId.of("UTC");
    private String currency;
    private String applicationLabel;
    private int defaultLookbackDays = 7;
    private Duration cacheTtl = Duration.ofDays(2);
    private Duration recentDataCacheTtl = Duration.ofSeconds(120);
    private Duration realtimeCacheTtl = Duration.ofSeconds(60);
    private Duration coalesceWindow = Duration.ofMillis(200);
    private String mpoFileFormat = "csv";
    private boolean catalogWait = true;
    private Consumer<String> warnings = message -> { };
    private LongSupplier statementMaxRows = () -> 0;

    public Builder advertiserIds(List<String> ids) {
      this.advertiserIds = ids;
      return this;
    }

    /** Restricts the connection to these advertisers: a query on another is refused before any call. */
    public Builder allowedAdvertiserIds(Collection<String> ids) {
      this.allowedAdvertiserIds = ids;
      return this;
    }

    public Builder timezone(ZoneId zone) {
      this.timezone = zone;
      return this;
    }

    public Builder currency(String code) {
      this.currency = code;
      return this;
    }

    public Builder defaultLookbackDays(int days) {
      this.defaultLookbackDays = days;
      return this;
    }

    public Builder cacheTtl(Duration ttl) {
      this.cacheTtl = ttl;
      return this;
    }

    public Builder recentDataCacheTtl(Duration ttl) {
      this.recentDataCacheTtl = ttl;
      return this;
    }

    public Builder coalesceWindow(Duration window) {
      this.coalesceWindow = window;
      return this;
    }

    public Builder realtimeCacheTtl(Duration ttl) {
      this.realtimeCacheTtl = ttl;
      return this;
    }

    public Builder mpoFileFormat(String format) {
      this.mpoFileFormat = format;
      return this;
    }

    public Builder catalogWait(boolean wait) {
      this.catalogWait = wait;
      return this;
    }

    public Builder warnings(Consumer<String> sink) {
      this.warnings = sink;
      return this;
    }

    /** Where the row cap of the running statement is read, 0 meaning none. */
    public Builder statementMaxRows(LongSupplier source) {
      this.statementMaxRows = source;
      return this;
    }

    public Builder applicationLabel(String label) {
      this.applicationLabel = label;
      return this;
    }

    public AdapterSettings build() {
      return new AdapterSettings(this);
    }
  }
}
