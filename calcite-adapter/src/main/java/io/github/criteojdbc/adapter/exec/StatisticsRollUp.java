package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.adapter.catalog.ColumnDef;
import io.github.criteojdbc.adapter.catalog.ColumnRole;
import io.github.criteojdbc.adapter.catalog.Formula;
import io.github.criteojdbc.adapter.catalog.TableCatalog;
import io.github.criteojdbc.adapter.catalog.TimeGranularity;
import io.github.criteojdbc.client.StatisticsReportRequest;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * How the rows of a statistics request are computed exactly from the rows of another report with
 * the same time zone, currency and ad set name and status filters: keep its rows of the days
 * asked for and of the advertisers and ad sets asked for (when it holds them as dimensions), then
 * group them by the dimensions asked for, coarser time buckets derived from its finer ones (and
 * the advertiser of a report of one advertiser read from its request), and sum the metrics.
 * Rows are summed only when every metric asked for is additive in the catalog, or a ratio whose
 * catalog formula (the API's documented definition) names additive metrics the other report
 * holds: the ratio of a group is then its formula of the group's sums, as the API computes it at
 * that grain. Other ratios and unique-user counts at a coarser grain are the API's to compute, so
 * such a request is answered only when each of its rows is one row of the other report. A
 * placeholder metric, asked for only because the API needs one and never read, need not be in the
 * other report; it reads as NULL.
 */
final class StatisticsRollUp {
  private static final long MILLIS_PER_DAY = 86_400_000L;
  private static final String ADVERTISER_ID = "AdvertiserId";
  private static final String AD_SET_ID = "AdSetId";

  private final StatisticsReportRequest source;
  private final StatisticsReportRequest target;
  /** Index in a source row of its time bucket, or -1. */
  private final int sourceTime;
  private final TimeGranularity sourceGranularity;
  private final boolean narrowsDates;
  private final ImmutableList<RowFilter> filters;
  private final ImmutableList<ColumnSource> dimensions;
  /** Indexes in a source row of the values kept, and summed when rows merge, for the metrics. */
  private final int[] reads;
  private final ImmutableList<MetricColumn> metrics;
  private final boolean merges;

  private StatisticsRollUp(StatisticsReportRequest source, StatisticsReportRequest target,
      int sourceTime, TimeGranularity sourceGranularity, boolean narrowsDates,
      List<RowFilter> filters, List<ColumnSource> dimensions, int[] reads, List<MetricColumn> metrics,
      boolean merges) {
    this.source = source;
    this.target = target;
    this.sourceTime = sourceTime;
    this.sourceGranularity = sourceGranularity;
    this.narrowsDates = narrowsDates;
    this.filters = ImmutableList.copyOf(filters);
    this.dimensions = ImmutableList.copyOf(dimensions);
    this.reads = reads;
    this.metrics = ImmutableList.copyOf(metrics);
    this.merges = merges;
  }

  /** How {@code target}'s rows follow from {@code source}'s, or empty when they do not. */
  static Optional<StatisticsRollUp> of(TableCatalog catalog, StatisticsReportRequest source,
      StatisticsReportRequest target, boolean placeholderMetrics) {
    Optional<TimeGranularity> sourceTime = timeOf(catalog, source);
    Optional<TimeGranularity> targetTime = timeOf(catalog, target);
    boolean narrowsDates = !source.startDate().equals(target.startDate())
        || !source.endDate().equals(target.endDate());
    if (!sameParametersAndCoveringDates(source, target)
        || targetTime.isPresent() && !(sourceTime.isPresent() && derives(sourceTime.get(), targetTime.get()))
        || narrowsDates && !sourceTime.filter(t -> t.compareTo(TimeGranularity.DAY) <= 0).isPresent()) {
      return Optional.empty();
    }
    Optional<List<RowFilter>> filters = rowFilters(source, target);
    Optional<List<ColumnSource>> dimensions = dimensionSources(catalog, source, target);
    if (filters.isEmpty() || dimensions.isEmpty()) {
      return Optional.empty();
    }
    boolean merges = !ImmutableSet.copyOf(source.dimensions())
        .equals(ImmutableSet.copyOf(target.dimensions()));
    List<Integer> reads = new ArrayList<>();
    List<MetricColumn> metrics = new ArrayList<>();
    for (String metric : target.metrics()) {
      Optional<ColumnDef> def = catalog.columnForApiName(metric);
      Optional<Formula> formula = def.flatMap(ColumnDef::formula).filter(f ->
          source.metrics().contains(f.numerator()) && source.metrics().contains(f.denominator()));
      if (source.metrics().contains(metric) && (!merges || def.map(ColumnDef::isAdditive).orElse(false))) {
        metrics.add(MetricColumn.read(slot(reads, source, metric)));
      } else if (formula.isPresent()) {
        metrics.add(MetricColumn.ratio(formula.get(), slot(reads, source, formula.get().numerator()),
            slot(reads, source, formula.get().denominator()), describe(catalog, def.get(), formula.get())));
      } else if (placeholderMetrics) {
        metrics.add(MetricColumn.UNREAD);
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(new StatisticsRollUp(source, target, timeIndex(catalog, source),
        sourceTime.orElse(null), narrowsDates, filters.get(), dimensions.get(),
        reads.stream().mapToInt(Integer::intValue).toArray(), metrics, merges));
  }

  /**
   * The metrics a finer report must hold for rows of these to be summed from it: each ratio with
   * a formula by the formula's parts, the others as they are.
   */
  static List<String> summableMetrics(TableCatalog catalog, List<String> metrics) {
    Set<String> summable = new LinkedHashSet<>();
    for (String metric : metrics) {
      Optional<Formula> formula = catalog.columnForApiName(metric).filter(c -> !c.isAdditive())
          .flatMap(ColumnDef::formula);
      if (formula.isPresent()) {
        summable.add(formula.get().numerator());
        summable.add(formula.get().denominator());
      } else {
        summable.add(metric);
      }
    }
    return new ArrayList<>(summable);
  }

  /** The position among {@code reads} of a source metric's value, added when not yet read. */
  private static int slot(List<Integer> reads, StatisticsReportRequest source, String metric) {
    int index = source.dimensions().size() + source.metrics().indexOf(metric);
    if (!reads.contains(index)) {
      reads.add(index);
    }
    return reads.indexOf(index);
  }

  private static String describe(TableCatalog catalog, ColumnDef ratio, Formula formula) {
    return ratio.name() + " = " + (formula.factor() == 1 ? "" : formula.factor() + " * ")
        + sqlName(catalog, formula.numerator()) + " / " + sqlName(catalog, formula.denominator());
  }

  private static String sqlName(TableCatalog catalog, String apiName) {
    return catalog.columnForApiName(apiName).orElseThrow().name();
  }

  private static boolean sameParametersAndCoveringDates(StatisticsReportRequest source,
      StatisticsReportRequest target) {
    return source.timezone().equals(target.timezone()) && source.currency().equals(target.currency())
        && source.adSetNames().equals(target.adSetNames())
        && source.adSetStatus().equals(target.adSetStatus())
        && !source.startDate().isAfter(target.startDate()) && !source.endDate().isBefore(target.endDate());
  }

  /**
   * The filters that keep the target's advertisers and ad sets among the source's rows, or empty
   * when the source does not hold them all or lacks the dimension to tell them apart.
   */
  private static Optional<List<RowFilter>> rowFilters(StatisticsReportRequest source,
      StatisticsReportRequest target) {
    List<RowFilter> filters = new ArrayList<>();
    if (!ImmutableSet.copyOf(source.advertiserIds()).equals(ImmutableSet.copyOf(target.advertiserIds()))) {
      if (!source.advertiserIds().containsAll(target.advertiserIds())
          || !source.dimensions().contains(ADVERTISER_ID)) {
        return Optional.empty();
      }
      filters.add(new RowFilter(ADVERTISER_ID, source.dimensions().indexOf(ADVERTISER_ID),
          target.advertiserIds()));
    }
    if (!ImmutableSet.copyOf(source.adSetIds()).equals(ImmutableSet.copyOf(target.adSetIds()))) {
      if (target.adSetIds().isEmpty()
          || !source.adSetIds().isEmpty() && !source.adSetIds().containsAll(target.adSetIds())
          || !source.dimensions().contains(AD_SET_ID)) {
        return Optional.empty();
      }
      filters.add(new RowFilter(AD_SET_ID, source.dimensions().indexOf(AD_SET_ID), target.adSetIds()));
    }
    return Optional.of(filters);
  }

  /** How each target dimension is read from a source row, or empty when one cannot be. */
  private static Optional<List<ColumnSource>> dimensionSources(TableCatalog catalog,
      StatisticsReportRequest source, StatisticsReportRequest target) {
    int sourceTime = timeIndex(catalog, source);
    List<ColumnSource> dimensions = new ArrayList<>();
    for (String dimension : target.dimensions()) {
      if (isTime(catalog, dimension)) {
        TimeGranularity from = timeOf(catalog, source).orElseThrow();
        TimeGranularity to = timeOf(catalog, target).orElseThrow();
        dimensions.add(from == to ? ColumnSource.field(sourceTime)
            : ColumnSource.derivedTime(sourceTime, from, to));
      } else if (source.dimensions().contains(dimension)) {
        dimensions.add(ColumnSource.field(source.dimensions().indexOf(dimension)));
      } else if (dimension.equals(ADVERTISER_ID) && source.advertiserIds().size() == 1) {
        dimensions.add(ColumnSource.constant(source.advertiserIds().get(0)));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(dimensions);
  }

  private static int timeIndex(TableCatalog catalog, StatisticsReportRequest request) {
    for (int i = 0; i < request.dimensions().size(); i++) {
      if (isTime(catalog, request.dimensions().get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static Optional<TimeGranularity> timeOf(TableCatalog catalog, StatisticsReportRequest request) {
    return request.dimensions().stream().filter(d -> isTime(catalog, d)).findFirst()
        .flatMap(catalog::columnForApiName).flatMap(ColumnDef::granularity);
  }

  private static boolean isTime(TableCatalog catalog, String apiDimension) {
    return catalog.columnForApiName(apiDimension).map(c -> c.role() == ColumnRole.TIME).orElse(false);
  }

  /**
   * Whether buckets of {@code coarser} are unions of whole buckets of {@code finer}: hours and
   * days make every coarser bucket, months make years, weeks (which straddle months) only weeks.
   */
  private static boolean derives(TimeGranularity finer, TimeGranularity coarser) {
    return finer == coarser || finer.compareTo(TimeGranularity.DAY) <= 0 && finer.compareTo(coarser) < 0
        || finer == TimeGranularity.MONTH && coarser == TimeGranularity.YEAR;
  }

  /** The target's rows, in the order of its row shape: its dimensions, then its metrics. */
  List<Object[]> apply(List<Object[]> sourceRows) {
    Map<List<Object>, Object[]> groups = new LinkedHashMap<>();
    List<Object[]> rows = new ArrayList<>();
    int first = dimensions.size();
    for (Object[] row : sourceRows) {
      if (narrowsDates && !inTargetDates(row) || !filters.stream().allMatch(f -> f.keeps(row))) {
        continue;
      }
      Object[] group = new Object[first + reads.length];
      for (int i = 0; i < first; i++) {
        group[i] = dimensions.get(i).read(row, null);
      }
      for (int i = 0; i < reads.length; i++) {
        group[first + i] = row[reads[i]];
      }
      if (!merges) {
        rows.add(group);
        continue;
      }
      Object[] held = groups.putIfAbsent(Arrays.asList(Arrays.copyOf(group, first)), group);
      if (held != null) {
        for (int i = first; i < group.length; i++) {
          held[i] = MetricSums.add(held[i], group[i]);
        }
      }
    }
    List<Object[]> out = new ArrayList<>();
    for (Object[] group : merges ? groups.values() : rows) {
      out.add(output(group));
    }
    return out;
  }

  /** A target row from a group's dimensions and kept (summed) values. */
  private Object[] output(Object[] group) {
    int first = dimensions.size();
    Object[] row = Arrays.copyOf(group, first + metrics.size());
    for (int i = 0; i < metrics.size(); i++) {
      row[first + i] = metrics.get(i).value(group, first);
    }
    return row;
  }

  private boolean inTargetDates(Object[] row) {
    Object time = row[sourceTime];
    if (time == null) {
      return false;
    }
    long day = sourceGranularity == TimeGranularity.HOUR
        ? Math.floorDiv((Long) time, MILLIS_PER_DAY) : ((Number) time).longValue();
    return day >= target.startDate().toEpochDay() && day <= target.endDate().toEpochDay();
  }

  /** For {@code EXPLAIN}: the report the rows come from and what is done to them. */
  String describe() {
    StringJoiner steps = new StringJoiner(", ");
    if (narrowsDates) {
      steps.add("dates narrowed to " + target.startDate() + ".." + target.endDate());
    }
    filters.forEach(filter -> steps.add(filter.toString()));
    if (merges) {
      steps.add("rolled up from " + source.dimensions() + " to " + target.dimensions());
    }
    formulas().forEach(steps::add);
    if (steps.length() == 0) {
      steps.add("its rows as they are");
    }
    return "cached report{dimensions=" + source.dimensions() + ", metrics=" + source.metrics()
        + ", advertiserIds=" + source.advertiserIds() + ", dates=" + source.startDate() + ".."
        + source.endDate() + (source.adSetIds().isEmpty() ? "" : ", adSetIds=" + source.adSetIds())
        + "}: " + steps;
  }

  /**
   * How a target metric's value follows from its group's kept values: one of them, the formula of
   * two of them, or NULL for a placeholder metric the source lacks.
   */
  private static final class MetricColumn {
    static final MetricColumn UNREAD = new MetricColumn(-1, null, -1, -1, null);

    private final int read;
    private final Formula ratio;
    private final int numerator;
    private final int denominator;
    private final String description;

    private MetricColumn(int read, Formula ratio, int numerator, int denominator, String description) {
      this.read = read;
      this.ratio = ratio;
      this.numerator = numerator;
      this.denominator = denominator;
      this.description = description;
    }

    static MetricColumn read(int slot) {
      return new MetricColumn(slot, null, -1, -1, null);
    }

    static MetricColumn ratio(Formula formula, int numerator, int denominator, String description) {
      return new MetricColumn(-1, formula, numerator, denominator, description);
    }

    Object value(Object[] group, int first) {
      if (ratio != null) {
        return ratio.valueOf((Number) group[first + numerator], (Number) group[first + denominator]);
      }
      return read < 0 ? null : group[first + read];
    }

    /** For {@code EXPLAIN}, how a ratio is computed ({@code click_through_rate = clicks / displays}). */
    Optional<String> formula() {
      return Optional.ofNullable(description);
    }
  }

  /** For {@code EXPLAIN}, how each ratio computed from its parts is ({@code click_through_rate = clicks / displays}). */
  List<String> formulas() {
    return metrics.stream().map(MetricColumn::formula).flatMap(Optional::stream).collect(Collectors.toList());
  }

  /** Rows a target filter keeps, by the value of a dimension the source holds. */
  private static final class RowFilter {
    private final String dimension;
    private final int index;
    private final Set<String> values;

    RowFilter(String dimension, int index, List<String> values) {
      this.dimension = dimension;
      this.index = index;
      this.values = ImmutableSet.copyOf(values);
    }

    boolean keeps(Object[] row) {
      return row[index] != null && values.contains(row[index].toString());
    }

    @Override public String toString() {
      return "rows of " + dimension + " " + values;
    }
  }
}
