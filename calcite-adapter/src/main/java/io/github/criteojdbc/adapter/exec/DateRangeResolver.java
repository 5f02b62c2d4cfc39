package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.adapter.QueryRejectedException;
import io.github.criteojdbc.adapter.catalog.TimeGranularity;
import io.github.criteojdbc.adapter.plan.RuntimeValues;
import io.github.criteojdbc.adapter.plan.ScanSpec;
import io.github.criteojdbc.adapter.plan.TimeBound;

import org.apache.calcite.DataContext;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns the time bounds pushed into a scan into the report's inclusive day range. Bounds on week,
 * month and year buckets are rounded to whole buckets, so {@code month >= DATE '2026-10-15'}
 * becomes "from 2026-11-01", exactly what the bucket comparison means.
 */
public final class DateRangeResolver {
  private final int defaultLookbackDays;
  private final Consumer<String> warnings;

  public DateRangeResolver(int defaultLookbackDays, Consumer<String> warnings) {
    this.defaultLookbackDays = defaultLookbackDays;
    this.warnings = warnings;
  }

  /**
   * Refuses a scan whose time columns the query compares without any of it becoming report dates
   * ({@code CAST(day AS VARCHAR) LIKE '2026-11%'}, {@code EXTRACT(MONTH FROM day) = 11}): the
   * default window would silently answer for other days than the query asks about.
   */
  public static void rejectTimePredicatesWithoutDates(String table, ScanSpec spec, String example) {
    if (spec.timeBounds().isEmpty() && !spec.timePredicateColumns().isEmpty()) {
      String columns = String.join(", ", spec.timePredicateColumns());
      throw new QueryRejectedException(String.format("%s: the condition on %s cannot be turned into "
          + "the report's time range, and without one the report would cover a default window "
          + "instead of the range the query asks about; compare %s directly with a value the "
          + "statement knows, for example %s", table, columns, columns, example));
    }
  }

  /** The day range, or empty when the bounds select a bucket that cannot exist. */
  public Optional<DateRange> resolve(String table, List<TimeBound> bounds, DataContext root,
      LocalDate today) {
    LocalDate low = null;
    LocalDate high = null;
    for (TimeBound bound : bounds) {
      Object value = RuntimeValues.evaluate(bound.value(), root);
      LocalDate[] range = value == null ? null : dayBounds(bound, value);
      if (range == null) {
        return Optional.empty();
      }
      if (range[0] != null && (low == null || range[0].isAfter(low))) {
        low = range[0];
      }
      if (range[1] != null && (high == null || range[1].isBefore(high))) {
        high = range[1];
      }
    }
    int lookback = defaultLookbackDays;
    if (low == null && high == null) {
      high = today;
      low = today.minusDays(lookback - 1);
      warnings.accept(String.format("%s: no date filter, so the report covers the last %d days "
          + "(%s to %s); add WHERE day BETWEEN ... or set defaultLookbackDays", table, lookback,
          low, high));
    } else if (low == null) {
      low = high.minusDays(lookback - 1);
      warnings.accept(String.format("%s: the date filter has no start, so the report starts %d days "
          + "before its end (%s to %s); add a lower bound such as day >= DATE '...'", table,
          lookback, low, high));
    } else if (high == null) {
      high = low.isAfter(today) ? low : today;
    }
    if (low.isAfter(high)) {
      throw new QueryRejectedException(String.format("%s: the date filters select no day (from %s "
          + "to %s); check that the start of the range is not after its end", table, low, high));
    }
    return Optional.of(new DateRange(low, high));
  }

  /** {low, high} inclusive day bounds implied by one bound (either may be null), or null if none. */
  static LocalDate[] dayBounds(TimeBound bound, Object value) {
    TimeGranularity granularity = bound.granularity();
    if (granularity == TimeGranularity.HOUR || granularity == TimeGranularity.MINUTE) {
      return hourBounds(bound.op(), asDateTime(value), granularity);
    }
    if (granularity == TimeGranularity.YEAR) {
      long year = ((Number) value).longValue();
      LocalDate first = LocalDate.of((int) year, 1, 1);
      return bucketBounds(bound.op(), first, TimeGranularity.YEAR);
    }
    if (value instanceof LocalDateTime) {
      return comparedAsTimestamp(bound.op(), (LocalDateTime) value, granularity);
    }
    return bucketBounds(bound.op(), asDate(value), granularity);
  }

  /**
   * A date bucket compared with a timestamp ({@code day >= TIMESTAMP '2026-11-01 10:00'}) compares
   * its first midnight: the same comparison with the timestamp rounded to the day that keeps it
   * exact.
   */
  private static LocalDate[] comparedAsTimestamp(TimeBound.Op op, LocalDateTime value, TimeGranularity g) {
    LocalDate floor = value.toLocalDate();
    boolean midnight = value.toLocalTime().equals(LocalTime.MIDNIGHT);
    LocalDate ceil = midnight ? floor : floor.plusDays(1);
    switch (op) {
    case GE:
      return bucketBounds(TimeBound.Op.GE, ceil, g);
    case GT:
      return bucketBounds(TimeBound.Op.GT, floor, g);
    case LE:
      return bucketBounds(TimeBound.Op.LE, floor, g);
    case LT:
      return bucketBounds(TimeBound.Op.LT, ceil, g);
    default:
      return midnight ? bucketBounds(TimeBound.Op.EQ, floor, g) : null;
    }
  }

  private static LocalDate[] bucketBounds(TimeBound.Op op, LocalDate value, TimeGranularity g) {
    LocalDate start = g.bucketStart(value);
    LocalDate end = g.bucketEnd(value);
    boolean isBucketStart = start.equals(value);
    switch (op) {
    case GE:
      return new LocalDate[] {isBucketStart ? value : end.plusDays(1), null};
    case GT:
      return new LocalDate[] {end.plusDays(1), null};
    case LE:
      return new LocalDate[] {null, end};
    case LT:
      return new LocalDate[] {null, isBucketStart ? value.minusDays(1) : end};
    default:
      return isBucketStart ? new LocalDate[] {start, end} : null;
    }
  }

  private static LocalDate[] hourBounds(TimeBound.Op op, LocalDateTime value, TimeGranularity g) {
    LocalDateTime floor = g.bucketStart(value);
    LocalDateTime ceil = floor.equals(value) ? value : floor.plus(step(g));
    switch (op) {
    case GE:
      return new LocalDate[] {ceil.toLocalDate(), null};
    case GT:
      return new LocalDate[] {floor.plus(step(g)).toLocalDate(), null};
    case LE:
      return new LocalDate[] {null, floor.toLocalDate()};
    case LT:
      return new LocalDate[] {null, ceil.minus(step(g)).toLocalDate()};
    default:
      return floor.equals(value)
          ? new LocalDate[] {value.toLocalDate(), value.toLocalDate()} : null;
    }
  }

  /** Whether an hour bound on a literal falls on a day boundary, so a day range answers it. */
  public static boolean isWholeDayHourBound(TimeBound bound) {
    if (!bound.value().isConstant() || bound.granularity() != TimeGranularity.HOUR) {
      return false;
    }
    LocalDateTime value = asDateTime(bound.value().constant());
    LocalDateTime floor = TimeGranularity.HOUR.bucketStart(value);
    LocalDateTime ceil = floor.equals(value) ? value : floor.plusHours(1);
    switch (bound.op()) {
    case GE:
      return ceil.toLocalTime().equals(LocalTime.MIDNIGHT);
    case GT:
      return floor.plusHours(1).toLocalTime().equals(LocalTime.MIDNIGHT);
    case LE:
      return floor.toLocalTime().getHour() == 23;
    case LT:
      return ceil.minusHours(1).toLocalTime().getHour() == 23;
    default:
      return false;
    }
  }

  private static java.time.Duration step(TimeGranularity g) {
    return g == TimeGranularity.MINUTE ? java.time.Duration.ofMinutes(1) : java.time.Duration.ofHours(1);
  }

  static LocalDate asDate(Object value) {
    if (value instanceof LocalDateTime) {
      return ((LocalDateTime) value).toLocalDate();
    }
    if (value instanceof String) {
      return LocalDate.parse((String) value);
    }
    return (LocalDate) value;
  }

  static LocalDateTime asDateTime(Object value) {
    if (value instanceof LocalDate) {
      return ((LocalDate) value).atStartOfDay();
    }
    if (value instanceof String) {
      return LocalDateTime.parse(((String) value).replace(' ', 'T'));
    }
    return (LocalDateTime) value;
  }
}
