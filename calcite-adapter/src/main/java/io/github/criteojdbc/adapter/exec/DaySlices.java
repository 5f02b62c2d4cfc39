package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.adapter.catalog.ColumnDef;
import io.github.criteojdbc.adapter.catalog.ColumnRole;
import io.github.criteojdbc.adapter.catalog.TableCatalog;
import io.github.criteojdbc.adapter.catalog.TimeGranularity;
import io.github.criteojdbc.client.StatisticsReportRequest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A statistics request whose days are partly held by cached reports by day or hour: the held days
 * are read from them (each day from one report, see {@link StatisticsRollUp}), and one report is
 * asked for the contiguous range from the first day no cached report holds, or holds settled, to
 * the last. A request without a day or hour bucket is sliced by day, which its metrics must allow
 * (all additive, or ratios with a formula, asked by day as their parts), and summed back: its
 * missing days are asked for by day too, so that they slice again tomorrow, but only when at most {@value #MAX_MISSING_DAYS_BY_DAY} are missing, as asking
 * by day multiplies its rows by the number of days.
 */
final class DaySlices {
  /**
   * A re-run the next day misses the six days that were not settled when cached, or seven when
   * it reads today's hours too.
   */
  static final int MAX_MISSING_DAYS_BY_DAY = 7;

  private final StatisticsReportRequest target;
  private final StatisticsReportRequest byDay;
  private final List<Slice> slices;
  /** How the target's rows are summed from its rows by day, when it has no day or hour bucket. */
  private final Optional<StatisticsRollUp> summed;

  private DaySlices(StatisticsReportRequest target, StatisticsReportRequest byDay, List<Slice> slices,
      Optional<StatisticsRollUp> summed) {
    this.target = target;
    this.byDay = byDay;
    this.slices = slices;
    this.summed = summed;
  }

  /**
   * How {@code target} is answered from {@code reports} and one new report at most, or empty when
   * no cached report holds a day outside the range a new report would have to span anyway.
   */
  static Optional<DaySlices> find(TableCatalog catalog, List<ReportCache.CachedReport> reports,
      ReadableDays readable, StatisticsReportRequest target, boolean placeholderMetrics) {
    Optional<StatisticsReportRequest> byDay = byDay(catalog, target, placeholderMetrics);
    if (byDay.isEmpty()) {
      return Optional.empty();
    }
    List<Held> held = new ArrayList<>();
    for (ReportCache.CachedReport report : reports) {
      if (!(report.request() instanceof StatisticsReportRequest)) {
        continue;
      }
      StatisticsReportRequest source = (StatisticsReportRequest) report.request();
      readable.of(source, report.entry())
          .flatMap(days -> intersection(days, target))
          .filter(days -> StatisticsRollUp.of(catalog, source, dates(byDay.get(), days),
              placeholderMetrics).isPresent())
          .ifPresent(days -> held.add(new Held(source, report.entry(), days)));
    }
    LocalDate firstMissing = null;
    LocalDate lastMissing = null;
    for (LocalDate day = target.startDate(); !day.isAfter(target.endDate()); day = day.plusDays(1)) {
      LocalDate d = day;
      if (held.stream().noneMatch(h -> !d.isBefore(h.days.start()) && !d.isAfter(h.days.end()))) {
        firstMissing = firstMissing == null ? day : firstMissing;
        lastMissing = day;
      }
    }
    if (held.isEmpty() || target.startDate().equals(firstMissing) && target.endDate().equals(lastMissing)
        || firstMissing != null && !byDay.get().equals(target)
            && new DateRange(firstMissing, lastMissing).days() > MAX_MISSING_DAYS_BY_DAY) {
      return Optional.empty();
    }
    List<Slice> slices = new ArrayList<>();
    if (firstMissing == null) {
      tile(catalog, held, byDay.get(), target.startDate(), target.endDate(), placeholderMetrics, slices);
    } else {
      tile(catalog, held, byDay.get(), target.startDate(), firstMissing.minusDays(1), placeholderMetrics,
          slices);
      slices.add(new Slice(null, null, null, new DateRange(firstMissing, lastMissing)));
      tile(catalog, held, byDay.get(), lastMissing.plusDays(1), target.endDate(), placeholderMetrics,
          slices);
    }
    return Optional.of(new DaySlices(target, byDay.get(), slices, byDay.get().equals(target) ? Optional.empty()
        : Optional.of(StatisticsRollUp.of(catalog, byDay.get(), target, placeholderMetrics).orElseThrow())));
  }

  /**
   * The target itself when it has a day or hour bucket, else the target by day when its rows can
   * be summed from days (no bucket, or weeks, months or years, and metrics that roll up), with the
   * parts of its ratios in place of the ratios.
   */
  private static Optional<StatisticsReportRequest> byDay(TableCatalog catalog,
      StatisticsReportRequest target, boolean placeholderMetrics) {
    List<String> dimensions = new ArrayList<>();
    for (String dimension : target.dimensions()) {
      Optional<ColumnDef> column = catalog.columnForApiName(dimension);
      Optional<TimeGranularity> time = column.filter(c -> c.role() == ColumnRole.TIME)
          .flatMap(ColumnDef::granularity);
      if (time.isPresent() && time.get().compareTo(TimeGranularity.DAY) <= 0) {
        return Optional.of(target);
      }
      if (time.isEmpty()) {
        dimensions.add(dimension);
      }
    }
    if (!placeholderMetrics && !target.metrics().stream()
        .allMatch(m -> catalog.columnForApiName(m).map(ColumnDef::rollsUp).orElse(false))) {
      return Optional.empty();
    }
    dimensions.add(dayDimension(catalog));
    return Optional.of(target.toBuilder().dimensions(dimensions)
        .metrics(StatisticsRollUp.summableMetrics(catalog, target.metrics())).build());
  }

  static String dayDimension(TableCatalog catalog) {
    return catalog.columns().stream()
        .filter(c -> c.role() == ColumnRole.TIME && c.granularity().orElseThrow() == TimeGranularity.DAY)
        .findFirst().orElseThrow().apiName();
  }

  /**
   * Covers {@code first..last}, every day of which some report holds, with as few reports as
   * possible: from each day on, the report that holds the longest run of the days that follow.
   */
  private static void tile(TableCatalog catalog, List<Held> held, StatisticsReportRequest byDay,
      LocalDate first, LocalDate last, boolean placeholderMetrics, List<Slice> slices) {
    for (LocalDate day = first; !day.isAfter(last); ) {
      LocalDate from = day;
      Held best = held.stream()
          .filter(h -> !from.isBefore(h.days.start()) && !from.isAfter(h.days.end()))
          .max((a, b) -> a.days.end().compareTo(b.days.end())).orElseThrow();
      DateRange days = new DateRange(from, best.days.end().isAfter(last) ? last : best.days.end());
      slices.add(new Slice(best.source, best.entry, StatisticsRollUp.of(catalog, best.source,
          dates(byDay, days), placeholderMetrics).orElseThrow(), days));
      day = days.end().plusDays(1);
    }
  }

  private static Optional<DateRange> intersection(DateRange days, StatisticsReportRequest target) {
    LocalDate start = days.start().isAfter(target.startDate()) ? days.start() : target.startDate();
    LocalDate end = days.end().isBefore(target.endDate()) ? days.end() : target.endDate();
    return start.isAfter(end) ? Optional.empty() : Optional.of(new DateRange(start, end));
  }

  static StatisticsReportRequest dates(StatisticsReportRequest request, DateRange days) {
    return request.toBuilder().startDate(days.start()).endDate(days.end()).build();
  }

  /** The request of the one new report, if any day is missing. */
  Optional<StatisticsReportRequest> missing() {
    return slices.stream().filter(s -> s.source == null).findFirst().map(s -> dates(byDay, s.days));
  }

  /**
   * The target's rows: the slices in date order, the missing one from {@code download}, summed
   * back from days when the target has no day or hour bucket.
   */
  RawRows rows(Function<StatisticsReportRequest, RawRows> download, AtomicBoolean closed) {
    List<Supplier<RawRows>> parts = new ArrayList<>();
    for (Slice slice : slices) {
      parts.add(slice.source == null ? () -> download.apply(dates(byDay, slice.days))
          : () -> new CachedRows(slice.rollUp.apply(slice.entry.rows()), slice.entry.currency()));
    }
    RawRows days = parts.size() == 1 ? parts.get(0).get() : new ChunkedRows(parts, closed, false);
    if (summed.isEmpty()) {
      return days;
    }
    List<Object[]> rows = new ArrayList<>();
    String currency = null;
    try (RawRows read = days) {
      for (Object[] row = read.next(); row != null; row = read.next()) {
        rows.add(row);
        currency = currency == null ? read.currency() : currency;
      }
    }
    return new CachedRows(summed.get().apply(rows), currency);
  }

  /** For {@code EXPLAIN}: where each range of days comes from. */
  String describe() {
    StringJoiner parts = new StringJoiner("; ", "by day: ", summed.map(rollUp -> "; summed from "
        + byDay.dimensions() + " to " + target.dimensions()
        + rollUp.formulas().stream().map(formula -> ", " + formula).collect(Collectors.joining())).orElse(""));
    for (Slice slice : slices) {
      parts.add(slice.days + " " + (slice.source == null ? "a new report of " + byDay.dimensions()
          : "from " + slice.rollUp.describe()));
    }
    return parts.toString();
  }

  /** A cached report and the days of the target it may answer now. */
  private record Held(StatisticsReportRequest source, ReportCache.Entry entry, DateRange days) {
  }

  /** Days of the target read from a cached report, or asked for anew when its source is null. */
  private record Slice(StatisticsReportRequest source, ReportCache.Entry entry, StatisticsRollUp rollUp,
      DateRange days) {
  }
}
