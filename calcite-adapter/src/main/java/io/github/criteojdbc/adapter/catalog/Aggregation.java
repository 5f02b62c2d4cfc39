package io.github.criteojdbc.adapter.catalog;

/** How a metric combines across rows of a finer grain. */
public enum Aggregation {
  /** The value at a coarser grain is the sum of the values at the finer grain (clicks, cost). */
  ADDITIVE,
  /**
   * Ratios, averages and unique counts: only the API can compute the value at another grain,
   * except a ratio whose column carries the API's documented {@link Formula} of additive metrics.
   */
  NON_ADDITIVE
}
