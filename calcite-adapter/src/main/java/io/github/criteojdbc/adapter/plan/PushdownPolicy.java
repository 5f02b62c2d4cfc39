package io.github.criteojdbc.adapter.plan;

import io.github.criteojdbc.adapter.catalog.ColumnDef;

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
}
