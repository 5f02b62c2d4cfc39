package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.adapter.AdapterSettings;
import io.github.criteojdbc.adapter.QueryRejectedException;
import io.github.criteojdbc.adapter.catalog.ColumnDef;
import io.github.criteojdbc.adapter.catalog.ColumnRole;
import io.github.criteojdbc.adapter.catalog.TableCatalog;
import io.github.criteojdbc.adapter.plan.PushdownPolicy;
import io.github.criteojdbc.adapter.plan.RequestPushdown;
import io.github.criteojdbc.adapter.plan.ScanSpec;
import io.github.criteojdbc.adapter.plan.ValueRef;
import io.github.criteojdbc.client.AudiencePerformanceReportRequest;
import io.github.criteojdbc.client.ColumnRequest;
import io.github.criteojdbc.client.ReportListener;
import io.github.criteojdbc.client.RowShape;
import io.github.criteojdbc.client.ValueType;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a scan of the {@code audience_performance} table. The API takes one advertiser and one
 * breakdown per report, so the scan asks for one report per (advertiser, breakdown) pair, creates
 * and awaits them in parallel, and merges their rows, each tagged with its advertiser, breakdown
 * and dates. Every rule the API checks on the request is checked here first, before any call.
 */
public final class AudiencePerformanceScan implements ReportScan {
  /** The six breakdowns, in the API reference's order; no breakdown filter fetches them all. */
  public static final ImmutableList<String> BREAKDOWNS = ImmutableList.of(
      "Top30BrandsByDisplays", "Top30BrandsByClicks", "Top30BrandsBySales",
      "Top30InterestsByDisplays", "Top30InterestsByClicks", "Top30InterestsBySales");
  static final String TABLE = "audience_performance";
  /** The API needs a metric; the rows (the top 30) do not depend on which one. */
  static final String PLACEHOLDER_METRIC = "Clicks";
  /** Create, status and output: the fewest calls a report costs. */
  static final int CALLS_PER_REPORT = 3;
  /** Columns whose {@code =}/{@code IN} filters become request attributes. */
  private static final Set<String> REQUEST_FILTERS = Set.of("advertiser_id", "breakdown",
      "currency", "ad_set_id", "audience_id", "segment_id");
  /** What each column that only chooses the report accepts, said when another filter is used. */
  private static final ImmutableMap<String, String> ACCEPTED_FILTERS = ImmutableMap.of(
      "ad_set_id", "ad_set_id = '...' or ad_set_id IN ('...', ...) (request attribute adSetIds)",
      "audience_id", "audience_id = '...' or audience_id IN ('...', ...) (request attribute "
          + "audienceIds)",
      "segment_id", "segment_id = '...' or segment_id IN ('...', ...) (request attribute "
          + "segmentsIds)",
      "start_date", "start_date = DATE 'yyyy-MM-dd' or start_date >= DATE '...' (the first day "
          + "of the report)",
      "end_date", "end_date = DATE 'yyyy-MM-dd' or end_date <= DATE '...' (the last day of the "
          + "report)");
  /** Columns whose value is fixed by the request, appended to each output row in this order. */
  private static final ImmutableList<String> TAGGED_COLUMNS = ImmutableList.of("advertiser_id",
      "breakdown", "start_date", "end_date", "ad_set_id", "audience_id", "segment_id");

  private final TableCatalog catalog;
  private final ReportContext context;

  public AudiencePerformanceScan(TableCatalog catalog, ReportContext context) {
    this.catalog = catalog;
    this.context = context;
  }

  /**
   * Dates become the report's first and last day, or are refused, so every bound is exact; a
   * column that only chooses the report has no value of its own in each row for Calcite to
   * filter, so a residual filter on it is refused with the forms the request accepts.
   */
  @Override public PushdownPolicy pushdown() {
    return new RequestPushdown(REQUEST_FILTERS,
        column -> column.name().equals("start_date") || column.name().equals("end_date"),
        bound -> true,
        column -> Optional.ofNullable(ACCEPTED_FILTERS.get(column.name())).map(accepted ->
            TABLE + ": " + column.name() + " only chooses the report, so it takes only "
                + accepted + ", joined to the rest of WHERE with AND; the filter on "
                + column.name() + " here cannot be sent to the API"));
  }

  @Override public Enumerable<Object[]> enumerable(DataContext root, ScanSpec spec) {
    return ReportPlan.enumerable(root, spec, context.settings(),
        () -> Optional.of(plan(root, spec)));
  }

  @Override public String describe(ScanSpec spec) {
    AdapterSettings settings = context.settings();
    ImmutableList<ValueRef> advertisers = spec.equality("advertiser_id");
    ImmutableList<ValueRef> breakdowns = spec.equality("breakdown");
    int advertiserCount = advertisers.isEmpty() ? settings.advertiserIds().size() : advertisers.size();
    int breakdownCount = breakdowns.isEmpty() ? BREAKDOWNS.size() : breakdowns.size();
    return new RequestText(spec, settings)
        .add("reports", advertiserCount == 0 ? "none"
            : advertiserCount * breakdownCount + " (one per advertiserId and dimension)")
        .advertisers("advertiserId")
        .add("dimension", breakdowns.isEmpty() ? BREAKDOWNS + " (no breakdown filter)" : breakdowns)
        .add("metrics", apiMetrics(spec.columns()))
        .dates()
        .currency()
        .timezone()
        .addIfFiltered("adSetIds", "ad_set_id")
        .addIfFiltered("audienceIds", "audience_id")
        .addIfFiltered("segmentsIds", "segment_id")
        .of("async-audience-performance");
  }

  private Plan plan(DataContext root, ScanSpec spec) {
    AdapterSettings settings = context.settings();
    PushedValues pushed = new PushedValues(TABLE, spec, root);
    List<String> advertisers = pushed.advertisers(settings, "the API takes one per report, and "
        + "each advertiser filtered is a report of its own");
    List<String> breakdowns = breakdowns(pushed);
    Optional<String> currency = pushed.currency(settings);
    DateRange dates = dates(spec, root);
    List<String> adSetIds = pushed.of("ad_set_id");
    List<String> audienceIds = pushed.of("audience_id");
    List<String> segmentIds = pushed.of("segment_id");
    List<String> metrics = apiMetrics(spec.columns());

    List<Report> reports = new ArrayList<>();
    for (String advertiser : advertisers) {
      for (String breakdown : breakdowns) {
        AudiencePerformanceReportRequest.Builder request = AudiencePerformanceReportRequest.builder()
            .advertiserId(advertiser)
            .dimension(breakdown)
            .startDate(dates.start())
            .endDate(dates.end())
            .metrics(metrics)
            .timezone(settings.timezone().getId())
            .adSetIds(adSetIds)
            .audienceIds(audienceIds)
            .segmentsIds(segmentIds);
        currency.ifPresent(request::currency);
        reports.add(new Report(request.build(), new Object[] {advertiser, breakdown,
            (int) dates.start().toEpochDay(), (int) dates.end().toEpochDay(), single(adSetIds),
            single(audienceIds), single(segmentIds)}));
      }
    }
    List<ColumnSource> columns = new ArrayList<>();
    for (String name : spec.columns()) {
      columns.add(source(catalog.column(name).orElseThrow(), metrics));
    }
    boolean recent = dates.end().plusDays(1).atStartOfDay()
        .isAfter(LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC)
            .minus(RestatementWindow.LENGTH));
    Duration ttl = recent ? StatisticsScan.min(settings.recentDataCacheTtl(), settings.cacheTtl())
        : settings.cacheTtl();
    return new Plan(reports, advertisers.size(), breakdowns.size(), columns, ttl,
        currency.orElse(null));
  }

  /**
   * A fan-out whose calls exceed the per-minute budget waits for the budget to refill, which a
   * user may not expect of one query; reports in the cache cost no call. A scan reading only its
   * first rows creates reports one at a time and may need few of them, so it is not warned.
   */
  private void warnIfOverBudget(List<Report> reports, int advertisers, int breakdowns) {
    long calls = reports.stream().filter(report -> context.cache().get(cacheKey(report)).isEmpty())
        .count() * CALLS_PER_REPORT;
    int budget = context.client().config().maxCallsPerMinute();
    if (calls > budget) {
      context.settings().warn(String.format("%s: %d reports (%d advertisers x %d breakdowns) need "
          + "at least %d report calls, more than the budget of %d a minute, so the query waits for "
          + "the budget; filter advertiser_id or breakdown to ask for fewer reports", TABLE,
          reports.size(), advertisers, breakdowns, calls, budget));
    }
  }

  private ReportCache.Key cacheKey(Report report) {
    return new ReportCache.Key(context.application(), report.request, shape(report.request));
  }

  private DateRange dates(ScanSpec spec, DataContext root) {
    AdapterSettings settings = context.settings();
    LocalDate today = StatisticsScan.today(root);
    DateRange dates = new ReportDateRange(TABLE, "start_date", "end_date",
        settings.defaultLookbackDays(), settings::warn).resolve(spec.timeBounds(), root, today);
    LocalDate oldest = today.minusYears(StatisticsScan.MAX_YEARS_BACK);
    if (dates.start().isBefore(oldest)) {
      throw new QueryRejectedException(String.format("%s: start_date %s is more than %d years "
          + "back, and the API serves data from %s on; choose a later start_date", TABLE,
          dates.start(), StatisticsScan.MAX_YEARS_BACK, oldest));
    }
    return dates;
  }

  private static List<String> breakdowns(PushedValues pushed) {
    List<String> breakdowns = pushed.of("breakdown");
    for (String breakdown : breakdowns) {
      if (!BREAKDOWNS.contains(breakdown)) {
        throw new QueryRejectedException(String.format("%s: breakdown '%s' is not one the API "
            + "knows; use one of %s (exact spelling), or no breakdown filter for all six", TABLE,
            breakdown, String.join(", ", BREAKDOWNS)));
      }
    }
    return breakdowns.isEmpty() ? BREAKDOWNS : breakdowns;
  }

  private static String single(List<String> values) {
    return values.size() == 1 ? values.get(0) : null;
  }

  /** API names of the metric columns a scan outputs, in catalog order. */
  private List<String> apiMetrics(List<String> columns) {
    List<String> metrics = catalog.apiMetricNames(columns);
    return metrics.isEmpty() ? List.of(PLACEHOLDER_METRIC) : metrics;
  }

  /**
   * How a column is read from a tagged row: the breakdown value, then the metrics in request
   * order, then the {@link #TAGGED_COLUMNS}.
   */
  private static ColumnSource source(ColumnDef column, List<String> metrics) {
    if (column.role() == ColumnRole.CURRENCY) {
      return ColumnSource.currency();
    }
    if (column.isMetric()) {
      return ColumnSource.field(1 + metrics.indexOf(column.apiName()));
    }
    int tag = TAGGED_COLUMNS.indexOf(column.name());
    return tag < 0 ? ColumnSource.field(0) : ColumnSource.field(1 + metrics.size() + tag);
  }

  private RowShape shape(AudiencePerformanceReportRequest request) {
    List<ColumnRequest> columns = new ArrayList<>();
    columns.add(new ColumnRequest(request.dimension(), ValueType.STRING, true));
    for (String metric : request.metrics()) {
      columns.add(new ColumnRequest(metric,
          ValueTypes.of(catalog.columnForApiName(metric).orElseThrow()), true));
    }
    return new RowShape(columns);
  }

  /** One report of the fan-out and the values its rows are tagged with. */
  private static final class Report {
    final AudiencePerformanceReportRequest request;
    final Object[] tags;

    Report(AudiencePerformanceReportRequest request, Object[] tags) {
      this.request = request;
      this.tags = tags;
    }
  }

  /** A resolved scan: its reports, how to read their rows, and how long to keep them. */
  private final class Plan implements ReportPlan {
    final List<Report> reports;
    final int advertisers;
    final int breakdowns;
    final List<ColumnSource> columns;
    final Duration ttl;
    final String requestedCurrency;

    Plan(List<Report> reports, int advertisers, int breakdowns, List<ColumnSource> columns,
        Duration ttl, String requestedCurrency) {
      this.reports = reports;
      this.advertisers = advertisers;
      this.breakdowns = breakdowns;
      this.columns = columns;
      this.ttl = ttl;
      this.requestedCurrency = requestedCurrency;
    }

    @Override public List<ColumnSource> columns() {
      return columns;
    }

    @Override public RawRows open(DataContext root, boolean onDemand) {
      if (!onDemand) {
        warnIfOverBudget(reports, advertisers, breakdowns);
      }
      AtomicBoolean closed = new AtomicBoolean();
      return ChunkedRows.of(reports, report -> open(report, root, closed), closed, onDemand);
    }

    private RawRows open(Report report, DataContext root, AtomicBoolean closed) {
      ReportCache.Key key = cacheKey(report);
      RawRows rows = context.journal().read(context, TABLE, key, report.request,
          QueryControls.from(root, closed, ReportListener.NONE),
          listener -> new StreamingRows(context.client().audiencePerformanceReport(report.request,
              shape(report.request), QueryControls.from(root, closed, listener)),
          context.cache(), key, ttl, requestedCurrency));
      return new TaggedRows(rows, report.tags);
    }
  }
}
