package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.adapter.catalog.ColumnDef;
import io.github.criteojdbc.adapter.catalog.ColumnRole;
import io.github.criteojdbc.adapter.catalog.TableCatalog;
import io.github.criteojdbc.adapter.catalog.TimeGranularity;
import io.github.criteojdbc.client.StatisticsReportRequest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The union of coalesced statistics requests, and how many rows a report is estimated to have, so
 * that a union is only asked for when it is not far larger than its parts. A report has at most
 * one row per combination of its dimensions' values: the estimate multiplies, per advertiser, the
 * number of values of each dimension (the most a cached report of that dimension held, per
 * advertiser, else {@link #DEFAULT_VALUES}), counting an ad set's campaign and a campaign's
 * advertiser once by the finest level asked, and a name (Campaign) as its id (CampaignId); then the
 * time buckets of the dates (days, hours, weeks...) and the advertisers. A union is bounded when
 * its estimate is at most {@value #GROWTH} times the sum of its parts' estimates, or
 * {@value #SMALL_ROWS} rows.
 */
final class UnionSize {
  static final int GROWTH = 8;
  static final long SMALL_ROWS = 50_000;
  /** Values per advertiser assumed for a dimension no cached report holds yet. */
  static final Map<String, Long> DEFAULT_VALUES = Map.ofEntries(Map.entry("CampaignId", 10L),
      Map.entry("AdSetId", 30L), Map.entry("AdId", 100L), Map.entry("CategoryId", 50L),
      Map.entry("Device", 5L), Map.entry("Os", 10L), Map.entry("Country", 30L),
      Map.entry("Region", 200L), Map.entry("PostalCode", 5_000L), Map.entry("CouponId", 50L));
  static final long OTHER_DEFAULT_VALUES = 20;
  /** Finer levels of the advertiser's hierarchy, each of which holds one value of the next ones. */
  private static final List<String> HIERARCHY = List.of("AdSetId", "CampaignId", "AdvertiserId");

  private final TableCatalog catalog;
  private final List<ReportCache.CachedReport> cached;

  UnionSize(TableCatalog catalog, List<ReportCache.CachedReport> cached) {
    this.catalog = catalog;
    this.cached = cached;
  }

  /**
   * Whether a request's rows may be summed from a finer report's: all its metrics are additive or
   * ratios with a formula of additive parts.
   */
  static boolean rollsUp(TableCatalog catalog, StatisticsReportRequest request, boolean placeholderMetric) {
    return placeholderMetric || request.metrics().stream()
        .allMatch(m -> catalog.columnForApiName(m).map(ColumnDef::rollsUp).orElse(false));
  }

  /**
   * The request of the members' dimensions and metrics, with the finest time bucket any asks and
   * the parts of a ratio with a formula in place of the ratio, when every member's rows follow
   * from it exactly; else empty.
   */
  static Optional<StatisticsReportRequest> union(TableCatalog catalog, List<ReportCoalescer.Member> members) {
    Set<String> dimensions = new LinkedHashSet<>();
    Set<String> metrics = new LinkedHashSet<>();
    Optional<ColumnDef> finest = Optional.empty();
    for (ReportCoalescer.Member member : members) {
      for (String dimension : member.request.dimensions()) {
        Optional<ColumnDef> time = time(catalog, dimension);
        if (time.isEmpty()) {
          dimensions.add(dimension);
        } else if (finest.isEmpty()
            || time.get().granularity().orElseThrow().compareTo(finest.get().granularity().orElseThrow()) < 0) {
          finest = time;
        }
      }
      metrics.addAll(StatisticsRollUp.summableMetrics(catalog, member.request.metrics()));
    }
    List<String> all = new ArrayList<>();
    finest.ifPresent(time -> all.add(time.apiName()));
    all.addAll(dimensions);
    StatisticsReportRequest union = members.get(0).request.toBuilder()
        .dimensions(all).metrics(new ArrayList<>(metrics)).build();
    boolean exact = members.stream().allMatch(m ->
        StatisticsRollUp.of(catalog, union, m.request, m.placeholderMetric).isPresent());
    return exact ? Optional.of(union) : Optional.empty();
  }

  boolean bounded(StatisticsReportRequest union, List<ReportCoalescer.Member> members) {
    double parts = members.stream().mapToDouble(m -> rows(m.request)).sum();
    return rows(union) <= Math.max(GROWTH * parts, SMALL_ROWS);
  }

  /** The estimated row count of a report of this request. */
  double rows(StatisticsReportRequest request) {
    int advertisers = request.advertiserIds().size();
    double rows = advertisers;
    for (String dimension : request.dimensions()) {
      Optional<ColumnDef> column = catalog.columnForApiName(dimension);
      if (column.isEmpty() || column.get().relatedTo().isPresent()) {
        continue;
      }
      if (column.get().role() == ColumnRole.TIME) {
        rows *= buckets(column.get().granularity().orElseThrow(), request);
      } else if (!impliedByFiner(dimension, request.dimensions())) {
        rows *= valuesPerAdvertiser(dimension);
      }
    }
    return rows;
  }

  /** Whether the dimension's values are counted by a finer level (the advertiser always is). */
  private static boolean impliedByFiner(String dimension, List<String> dimensions) {
    int level = HIERARCHY.indexOf(dimension);
    return level == HIERARCHY.size() - 1
        || level > 0 && HIERARCHY.subList(0, level).stream().anyMatch(dimensions::contains);
  }

  private static double buckets(TimeGranularity granularity, StatisticsReportRequest request) {
    long days = request.endDate().toEpochDay() - request.startDate().toEpochDay() + 1;
    switch (granularity) {
    case HOUR:
      return days * 24.0;
    case DAY:
      return days;
    case WEEK:
      return days / 7 + 1;
    case MONTH:
      return days / 28 + 1;
    default:
      return days / 365 + 1;
    }
  }

  /** The most values a cached report held per advertiser, else the default. */
  private double valuesPerAdvertiser(String dimension) {
    double observed = 0;
    for (ReportCache.CachedReport report : cached) {
      if (!(report.request() instanceof StatisticsReportRequest)) {
        continue;
      }
      StatisticsReportRequest request = (StatisticsReportRequest) report.request();
      int index = request.dimensions().indexOf(dimension);
      if (index < 0) {
        continue;
      }
      Set<Object> values = new HashSet<>();
      for (Object[] row : report.entry().rows()) {
        values.add(row[index]);
      }
      observed = Math.max(observed, Math.ceil((double) values.size() / request.advertiserIds().size()));
    }
    return observed > 0 ? observed : DEFAULT_VALUES.getOrDefault(dimension, OTHER_DEFAULT_VALUES);
  }

  private static Optional<ColumnDef> time(TableCatalog catalog, String apiDimension) {
    return catalog.columnForApiName(apiDimension).filter(c -> c.role() == ColumnRole.TIME);
  }
}
