package io.github.criteojdbc.adapter.plan;

import io.github.criteojdbc.adapter.catalog.ColumnDef;

import java.util.Optional;

/** What a report table's API can filter on, consulted by {@link FilterTranslator}. */
public interface PushdownPolicy {
  /** Whether {@code column = value} and {@code column IN (...)} become a request filter. */
  boolean pushesEquality(ColumnDef column);

  /** Whether comparisons on this time column become the request's date range. */
  boolean pushesTimeRange(ColumnDef column);

  /**
   * Whether the request answers the bound exactly, so the query needs neither the column nor a
   * residual filter; otherwise the bound narrows the request and Calcite still applies it.
   */
  boolean isExact(TimeBound bound);

  /**
   * Why a filter on this column that the request does not answer is refused, if it is. A column
   * that only chooses the report has no value of its own in each row for Calcite to filter, so
   * the message says which filter forms the request accepts.
   */
  default Optional<String> residualRejection(ColumnDef column) {
    return Optional.empty();
  }
}
