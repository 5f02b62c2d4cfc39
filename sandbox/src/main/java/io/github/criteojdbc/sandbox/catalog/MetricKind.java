package io.github.criteojdbc.sandbox.catalog;

/** How a metric aggregates: the adapter may push a SUM down only for the additive kinds. */
public enum MetricKind {
  /** An additive integer: the sum over rows of a base measure. */
  COUNT,
  /** An additive amount of money: the sum over rows of a base measure, converted to the report currency. */
  MONEY,
  /** {@code numerator * factor / denominator} of two summed base measures, computed after aggregation. */
  RATIO;

  public boolean isAdditive() {
    return this != RATIO;
  }
}
