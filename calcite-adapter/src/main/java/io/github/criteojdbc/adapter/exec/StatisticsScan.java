package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.adapter.AdapterSettings;
import io.github.criteojdbc.adapter.QueryRejectedException;
import io.github.criteojdbc.adapter.catalog.ColumnDef;
import io.github.criteojdbc.adapter.catalog.ColumnRole;
import io.github.criteojdbc.adapter.catalog.TableCatalog;
import io.github.criteojdbc.adapter.catalog.TimeGranularity;
import io.github.criteojdbc.adapter.plan.PushdownPolicy;
import io.github.criteojdbc.adapter.plan.RequestPushdown;
import io.github.criteojdbc.adapter.plan.ScanSpec;
import io.github.criteojdbc.client.ColumnRequest;
import io.github.criteojdbc.client.ReportListener;
import io.github.criteojdbc.client.RowShape;
import io.github.criteojdbc.client.StatisticsReportRequest;

import com.google.common.collect.Iterables;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs a scan of the {@code statistics} table: resolves the pushed filters' values, builds the
 * async statistics request, and streams its rows (from the cache when the same report was fetched
 * recently).
 */
public final class StatisticsScan implements ReportScan {
  /** The API serves data up to two years back. */
  static final int MAX_YEARS_BACK = 2;
  static final String TABLE = "statistics";
  static final int HOURLY_CHUNK_DAYS = 31;
  /** Columns whose {@code =}/{@code IN} filters become request attributes. */
  private static final Set<String> REQUEST_FILTERS =
      Set.of("advertiser_id", "ad_set_id", "ad_set", "currency");

  private final TableCatalog catalog;
  private final ReportContext context;

  public StatisticsScan(TableCatalog catalog, ReportContext context) {
    this.catalog = catalog;
    this.context = context;
  }

  @Override public PushdownPolicy pushdown() {
    return RequestPushdown.of(REQUEST_FILTERS, column -> column.role() == ColumnRole.TIME,
        bound -> bound.granularity() != TimeGranularity.HOUR
            || DateRangeResolver.isWholeDayHourBound(bound));
  }

  @Override public Enumerable<Object[]> enumerable(DataContext root, ScanSpec spec) {
    return ReportPlan.enumerable(root, spec, context.settings(),
        () -> plan(root, spec, context.settings()::warn));
  }

  /**
   * For {@code EXPLAIN}: how the cached reports would answer the scan if it ran now, or empty when
   * it would create its report(s), or when the request is only known once {@code ?} parameters
   * are bound or cannot be built (the run will say why).
   */
  @Override public Optional<String> describeCacheAnswer(ScanSpec spec) {
    if (spec.isEmpty() || spec.needsParameters()) {
      return Optional.empty();
    }
    try {
      return plan(new ExplainTimeContext(Clock.systemUTC(), context.settings().timezone()), spec,
          warning -> { }).flatMap(Plan::describeCacheAnswer);
    } catch (QueryRejectedException e) {
      return Optional.empty();
    }
  }

  @Override public String describe(ScanSpec spec) {
    StatisticsGrain grain = StatisticsGrain.of(catalog, spec.requestColumns());
    return new RequestText(spec, context.settings())
        .add("dimensions", grain.apiDimensions())
        .add("metrics", grain.apiMetrics())
        .advertisers("advertiserIds")
        .dates()
        .currency()
        .timezone()
        .addIfFiltered("adSetIds", "ad_set_id")
        .addIfFiltered("adSetNames", "ad_set")
        .of("async-statistics");
  }

  private Optional<Plan> plan(DataContext root, ScanSpec spec, Consumer<String> warnings) {
    AdapterSettings settings = context.settings();
    PushedValues pushed = new PushedValues(TABLE, spec, root);
    List<String> advertisers = pushed.advertisers(settings, "the API requires advertiserIds");
    DateRangeResolver.rejectTimePredicatesWithoutDates("statistics", spec, "day >= DATE '2026-11-01', "
        + "day BETWEEN ? AND ?, day >= CURRENT_DATE - INTERVAL '30' DAY or "
        + "day >= FLOOR(CURRENT_TIMESTAMP TO MONTH)");
    LocalDate today = today(root);
    Optional<DateRange> dates = new DateRangeResolver(settings.defaultLookbackDays(), warnings)
        .resolve("statistics", spec.timeBounds(), root, today);
    if (dates.isEmpty()) {
      return Optional.empty();
    }
    LocalDate oldest = today.minusYears(MAX_YEARS_BACK);
    if (dates.get().start().isBefore(oldest)) {
      throw new QueryRejectedException(String.format("statistics: the date range starts %s, but "
          + "the API serves the last %d years only (from %s); narrow the filter on day",
          dates.get().start(), MAX_YEARS_BACK, oldest));
    }
    StatisticsGrain grain = StatisticsGrain.of(catalog, spec.requestColumns());
    if (grain.rolledUp && advertisers.size() > 1 && !grain.nonAdditiveMetrics().isEmpty()) {
      throw new QueryRejectedException("statistics: " + grain.nonAdditiveMetrics() + " cannot be "
          + "combined across " + advertisers.size() + " advertisers, only the API computes them; "
          + "add advertiser_id (or another dimension) to the select list, or filter one advertiser");
    }
    Optional<String> currency = pushed.currency(settings);

    StatisticsReportRequest.Builder request = StatisticsReportRequest.builder()
        .advertiserIds(advertisers)
        .dimensions(grain.apiDimensions())
        .metrics(grain.apiMetrics())
        .timezone(settings.timezone().getId())
        .adSetIds(pushed.of("ad_set_id"))
        .adSetNames(pushed.of("ad_set"));
    currency.ifPresent(request::currency);

    List<ColumnRequest> shape = columnsOf(catalog, grain.apiDimensions(), grain.apiMetrics());
    List<ColumnSource> columns = new ArrayList<>();
    for (String name : spec.columns()) {
      columns.add(source(catalog.column(name).orElseThrow(), grain, shape));
    }
    Duration ttl = RestatementWindow.settled(dates.get().end(), settings.timezone(), context.cache().now())
        ? settings.cacheTtl() : min(settings.recentDataCacheTtl(), settings.cacheTtl());
    List<Boolean> additive = new ArrayList<>();
    for (ColumnRequest column : shape) {
      ColumnDef def = catalog.columnForApiName(column.apiName()).orElseThrow();
      additive.add(def.isMetric() && def.isAdditive());
    }
    List<StatisticsReportRequest> requests = new ArrayList<>();
    for (DateRange chunk : chunks(dates.get(), grain)) {
      requests.add(request.startDate(chunk.start()).endDate(chunk.end()).build());
    }
    return Optional.of(new Plan(requests, columns, grain.rolledUp,
        grain.asksPlaceholderMetric(), additive, ttl, currency.orElse(null)));
  }

  /**
   * Hourly reports over more than {@value #HOURLY_CHUNK_DAYS} days are split into chunks of that
   * size (older API versions capped hourly ranges at a month, and parallel waits are faster).
   * Rows of different chunks are distinct because the hour is part of every row.
   */
  static List<DateRange> chunks(DateRange range, StatisticsGrain grain) {
    boolean hourly = grain.time.flatMap(ColumnDef::granularity)
        .filter(g -> g.compareTo(TimeGranularity.HOUR) <= 0).isPresent();
    if (!hourly || range.days() <= HOURLY_CHUNK_DAYS) {
      return List.of(range);
    }
    List<DateRange> chunks = new ArrayList<>();
    for (LocalDate start = range.start(); !start.isAfter(range.end());
        start = start.plusDays(HOURLY_CHUNK_DAYS)) {
      LocalDate end = start.plusDays(HOURLY_CHUNK_DAYS - 1);
      chunks.add(new DateRange(start, end.isAfter(range.end()) ? range.end() : end));
    }
    return chunks;
  }

  /** How the output of a report of these dimensions and metrics is read, in that order. */
  static List<ColumnRequest> columnsOf(TableCatalog catalog, List<String> dimensions,
      List<String> metrics) {
    List<ColumnRequest> shape = new ArrayList<>();
    for (String name : Iterables.concat(dimensions, metrics)) {
      shape.add(new ColumnRequest(name, ValueTypes.of(catalog.columnForApiName(name).orElseThrow()), true));
    }
    return shape;
  }

  private static ColumnSource source(ColumnDef column, StatisticsGrain grain,
      List<ColumnRequest> shape) {
    if (column.role() == ColumnRole.CURRENCY) {
      return ColumnSource.currency();
    }
    if (column.role() == ColumnRole.TIME) {
      ColumnDef time = grain.time.orElseThrow();
      int index = indexOf(shape, time.apiName());
      TimeGranularity from = time.granularity().orElseThrow();
      TimeGranularity to = column.granularity().orElseThrow();
      return from == to ? ColumnSource.field(index) : ColumnSource.derivedTime(index, from, to);
    }
    int index = indexOf(shape, column.apiName());
    return index < 0 ? ColumnSource.absent() : ColumnSource.field(index);
  }

  private static int indexOf(List<ColumnRequest> shape, String apiName) {
    for (int i = 0; i < shape.size(); i++) {
      if (shape.get(i).apiName().equals(apiName)) {
        return i;
      }
    }
    return -1;
  }

  static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Today in the report time zone, which the driver also makes the statement's time zone. */
  static LocalDate today(DataContext root) {
    Long now = DataContext.Variable.CURRENT_TIMESTAMP.get(root);
    return LocalDate.ofEpochDay(Math.floorDiv(now, 86_400_000L));
  }

  /** A resolved scan: the request, how to read its rows, and how long to keep them. */
  private final class Plan implements ReportPlan {
    final List<StatisticsReportRequest> requests;
    final List<ColumnSource> columns;
    final boolean rolledUp;
    final boolean placeholderMetric;
    final List<Boolean> additive;
    final Duration ttl;
    final String requestedCurrency;

    Plan(List<StatisticsReportRequest> requests, List<ColumnSource> columns,
        boolean rolledUp, boolean placeholderMetric, List<Boolean> additive, Duration ttl,
        String requestedCurrency) {
      this.requests = requests;
      this.columns = columns;
      this.rolledUp = rolledUp;
      this.placeholderMetric = placeholderMetric;
      this.additive = additive;
      this.ttl = ttl;
      this.requestedCurrency = requestedCurrency;
    }

    @Override public List<ColumnSource> columns() {
      return columns;
    }

    @Override public RawRows open(DataContext root, boolean onDemand) {
      AtomicBoolean closed = new AtomicBoolean();
      RawRows rows = ChunkedRows.of(requests, request -> open(request, root, closed), closed,
          onDemand);
      return rolledUp ? new RolledUpRows(rows, additive) : rows;
    }

    /**
     * A complete cached copy of the report whose days may all still be read, else the rows
     * computed from a cached report that holds them, else its days held by cached reports with one
     * new report for the others, else the first rows a {@code LIMIT} cached followed by the
     * download, else the download.
     */
    private RawRows open(StatisticsReportRequest request, DataContext root, AtomicBoolean closed) {
      if (cacheOff()) {
        return context.journal().readUncached(context, "statistics", request,
            listener -> download(request, root, closed, listener));
      }
      CacheView view = new CacheView();
      if (!view.cachedInFull(request)) {
        Optional<CoveringReport> covering = view.covering(request);
        if (covering.isPresent()) {
          return context.journal().answeredFromCache(context, "statistics", request, covering.get().rows());
        }
        Optional<DaySlices> slices = view.slices(request);
        if (slices.isPresent()) {
          return slices.get().rows(missing -> coalesced(missing, root, closed, view), closed);
        }
      }
      ReportCache.Key key = key(request);
      return view.readable(request, key)
          ? context.journal().read(context, "statistics", key, request,
              QueryControls.from(root, closed, ReportListener.NONE),
              listener -> download(request, root, closed, listener))
          : coalesced(request, root, closed, view);
    }

    /**
     * The rows of a request no cached report holds: from the union report of queries of other
     * connections that were about to create theirs at the same time, else from its own report.
     */
    private RawRows coalesced(StatisticsReportRequest request, DataContext root, AtomicBoolean closed,
        CacheView view) {
      return context.cache().coalescer().rows(context.application(), catalog, request, placeholderMetric,
              context.settings().coalesceWindow(), view.reports(),
              QueryControls.from(root, closed, ReportListener.NONE),
              union -> downloadInFull(union, root, closed))
          .map(rows -> context.journal().answeredFromCache(context, "statistics", request, rows))
          .orElseGet(() -> context.journal().readFetchedOnce(context, "statistics", key(request), request,
              QueryControls.from(root, closed, ReportListener.NONE),
              listener -> download(request, root, closed, listener)));
    }

    private ReportCoalescer.Downloaded downloadInFull(StatisticsReportRequest union, DataContext root,
        AtomicBoolean closed) {
      List<Object[]> rows = new ArrayList<>();
      try (RawRows read = context.journal().readUncached(context, "statistics", union,
          listener -> download(union, root, closed, listener))) {
        for (Object[] row = read.next(); row != null; row = read.next()) {
          rows.add(row);
        }
        return new ReportCoalescer.Downloaded(rows, read.currency());
      }
    }

    /**
     * The report's rows as they download, kept in the cache for as long as its first day may be
     * read: the cache time when that day is settled, else the time for recent data.
     */
    private RawRows download(StatisticsReportRequest request, DataContext root, AtomicBoolean closed,
        ReportListener listener) {
      Instant fetchedAt = context.cache().now();
      Duration keep = cacheOff() ? Duration.ZERO
          : RestatementWindow.settled(request.startDate(), context.settings().timezone(), fetchedAt)
              ? context.settings().cacheTtl() : ttl;
      RowShape shape = shapeOf(request);
      return new StreamingRows(context.client().statisticsReport(request, shape,
              QueryControls.from(root, closed, listener)),
          context.cache(), new ReportCache.Key(context.application(), request, shape), keep, fetchedAt,
          requestedCurrency);
    }

    /** The cache key of a request, with the row shape its report has, so that it can be kept on disk. */
    private ReportCache.Key key(StatisticsReportRequest request) {
      return new ReportCache.Key(context.application(), request, shapeOf(request));
    }

    private RowShape shapeOf(StatisticsReportRequest request) {
      return new RowShape(columnsOf(catalog, request.dimensions(), request.metrics()));
    }

    /**
     * A connection whose cache time for these dates is zero reads no report from the cache that
     * other connections of the JVM share, as it keeps none in it.
     */
    private boolean cacheOff() {
      return ttl.isZero();
    }

    /** Which cached reports answer each request, when any do, as {@link #open} decides. */
    Optional<String> describeCacheAnswer() {
      if (cacheOff()) {
        return Optional.empty();
      }
      CacheView view = new CacheView();
      List<String> answers = new ArrayList<>();
      boolean anyCached = false;
      for (StatisticsReportRequest request : requests) {
        String answer = view.cachedInFull(request) ? "cached report of the same request"
            : view.covering(request).map(CoveringReport::describe)
                .or(() -> view.slices(request).map(DaySlices::describe)).orElse(null);
        anyCached |= answer != null;
        answers.add((requests.size() == 1 ? "" : request.startDate() + ".." + request.endDate() + ": ")
            + (answer == null ? "a new report" : answer));
      }
      return anyCached ? Optional.of(String.join("; ", answers)) : Optional.empty();
    }

    /** The cached reports of the application and which of their days may be read, as of now. */
    private final class CacheView {
      private final ReadableDays readable = new ReadableDays(context.settings().cacheTtl(),
          context.settings().recentDataCacheTtl(), context.cache().now());
      private List<ReportCache.CachedReport> reports;

      boolean cachedInFull(StatisticsReportRequest request) {
        return context.cache().get(key(request))
            .filter(entry -> entry.complete() && readable.all(request, entry)).isPresent();
      }

      /** Whether a cached copy of the request, complete or its first rows, may be read. */
      boolean readable(StatisticsReportRequest request, ReportCache.Key key) {
        return context.cache().get(key).filter(entry -> readable.all(request, entry)).isPresent();
      }

      Optional<CoveringReport> covering(StatisticsReportRequest request) {
        return CoveringReport.find(reports(), readable, catalog, request, placeholderMetric);
      }

      Optional<DaySlices> slices(StatisticsReportRequest request) {
        return DaySlices.find(catalog, reports(), readable, request, placeholderMetric);
      }

      private List<ReportCache.CachedReport> reports() {
        if (reports == null) {
          reports = context.cache().completeReports(context.application());
        }
        return reports;
      }
    }
  }
}
