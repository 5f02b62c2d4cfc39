package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.adapter.QueryRejectedException;
import io.github.criteojdbc.adapter.plan.RuntimeValues;
import io.github.criteojdbc.adapter.plan.TimeBound;

import org.apache.calcite.DataContext;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * The day range of a report chosen through two parameter columns, one naming the first day and
 * one the last (inclusive). Each column must name one day: {@code =}, or the bound that points
 * the right way ({@code start >= d}, {@code end <= d}); a filter that leaves several days open
 * for one of them is refused, because only one report can be asked for.
 */
final class ReportDateRange {
  private final String table;
  private final String startColumn;
  private final String endColumn;
  private final int defaultLookbackDays;
  private final Consumer<String> warnings;

  ReportDateRange(String table, String startColumn, String endColumn, int defaultLookbackDays,
      Consumer<String> warnings) {
    this.table = table;
    this.startColumn = startColumn;
    this.endColumn = endColumn;
    this.defaultLookbackDays = defaultLookbackDays;
    this.warnings = warnings;
  }

  DateRange resolve(List<TimeBound> bounds, DataContext root, LocalDate today) {
    Interval start = new Interval();
    Interval end = new Interval();
    for (TimeBound bound : bounds) {
      LocalDate value = DateRangeResolver.asDate(RuntimeValues.evaluate(bound.value(), root));
      if (bound.column().equals(startColumn)) {
        start.add(bound.op(), value);
      } else if (bound.column().equals(endColumn)) {
        end.add(bound.op(), value);
      }
    }
    LocalDate first = start.isEmpty() ? null : day(start, startColumn, true);
    LocalDate last = end.isEmpty() ? null : day(end, endColumn, false);
    int lookback = defaultLookbackDays;
    if (first == null && last == null) {
      last = today;
      first = today.minusDays(lookback - 1);
      warnings.accept(String.format("%s: no %s/%s filter, so the report covers the last %d days "
          + "(%s to %s); add WHERE %s = DATE '...' AND %s = DATE '...' or set defaultLookbackDays",
          table, startColumn, endColumn, lookback, first, last, startColumn, endColumn));
    } else if (first == null) {
      first = last.minusDays(lookback - 1);
      warnings.accept(String.format("%s: no %s filter, so the report covers the %d days up to "
          + "%s (%s to %s); add %s = DATE '...'", table, startColumn, lookback, endColumn, first,
          last, startColumn));
    } else if (last == null) {
      last = first.isAfter(today) ? first : today;
    }
    if (first.isAfter(last)) {
      throw new QueryRejectedException(String.format("%s: %s %s is after %s %s; the first day of "
          + "the report must not be after its last day", table, startColumn, first, endColumn, last));
    }
    return new DateRange(first, last);
  }

  /**
   * The one day a column's bounds choose: the lower bound for the first day ({@code >=} leaves
   * the later days to the last-day column), the upper bound for the last day.
   */
  private LocalDate day(Interval interval, String column, boolean firstDay) {
    LocalDate chosen = firstDay ? interval.low : interval.high;
    LocalDate other = firstDay ? interval.high : interval.low;
    if (chosen != null && (other == null || other.equals(chosen))) {
      return chosen;
    }
    if (interval.low != null && interval.high != null && interval.low.isAfter(interval.high)) {
      throw new QueryRejectedException(String.format("%s: the filters on %s allow no day (from %s "
          + "to %s); name one day with %s = DATE 'yyyy-MM-dd'", table, column, interval.low,
          interval.high, column));
    }
    throw new QueryRejectedException(String.format("%s: %s chooses one day of the report, but its "
        + "filter allows %s; use %s = DATE 'yyyy-MM-dd' (or %s %s DATE '...')", table, column,
        interval, column, column, firstDay ? ">=" : "<="));
  }

  /** The days a column's bounds allow, each side open when no bound limits it. */
  private static final class Interval {
    LocalDate low;
    LocalDate high;

    void add(TimeBound.Op op, LocalDate value) {
      switch (op) {
      case GE:
        raiseLow(value);
        break;
      case GT:
        raiseLow(value.plusDays(1));
        break;
      case LE:
        lowerHigh(value);
        break;
      case LT:
        lowerHigh(value.minusDays(1));
        break;
      default:
        raiseLow(value);
        lowerHigh(value);
        break;
      }
    }

    boolean isEmpty() {
      return low == null && high == null;
    }

    private void raiseLow(LocalDate value) {
      if (low == null || value.isAfter(low)) {
        low = value;
      }
    }

    private void lowerHigh(LocalDate value) {
      if (high == null || value.isBefore(high)) {
        high = value;
      }
    }

    @Override public String toString() {
      return low == null ? "any day up to " + high
          : high == null ? "any day from " + low : "the days from " + low + " to " + high;
    }
  }
}
