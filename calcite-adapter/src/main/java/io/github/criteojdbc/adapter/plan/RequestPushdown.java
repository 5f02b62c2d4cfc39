package io.github.criteojdbc.adapter.plan;

import io.github.criteojdbc.adapter.catalog.ColumnDef;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A report endpoint's {@link PushdownPolicy} as data: the columns whose {@code =}/{@code IN}
 * filters become request attributes, the time columns whose ranges become its dates, which time
 * bounds the request answers exactly, and why a residual filter on a column is refused.
 */
public record RequestPushdown(Set<String> equalityColumns, Predicate<ColumnDef> timeRangeColumns,
    Predicate<TimeBound> exactBounds, Function<ColumnDef, Optional<String>> residualRejections)
    implements PushdownPolicy {

  public RequestPushdown {
    equalityColumns = Set.copyOf(equalityColumns);
  }

  /** A pushdown that refuses no residual filter. */
  public static RequestPushdown of(Set<String> equalityColumns,
      Predicate<ColumnDef> timeRangeColumns, Predicate<TimeBound> exactBounds) {
    return new RequestPushdown(equalityColumns, timeRangeColumns, exactBounds,
        column -> Optional.empty());
  }

  @Override public boolean pushesEquality(ColumnDef column) {
    return equalityColumns.contains(column.name());
  }

  @Override public boolean pushesTimeRange(ColumnDef column) {
    return timeRangeColumns.test(column);
  }

  @Override public boolean isExact(TimeBound bound) {
    return exactBounds.test(bound);
  }

  @Override public Optional<String> residualRejection(ColumnDef column) {
    return residualRejections.apply(column);
  }
}
