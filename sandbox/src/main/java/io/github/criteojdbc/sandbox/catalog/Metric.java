package io.github.criteojdbc.sandbox.catalog;

/**
 * One async statistics metric and how the sandbox computes it.
 *
 * <p>Additive metrics ({@link MetricKind#COUNT}, {@link MetricKind#MONEY}) are the base measure of the same
 * name, summed. A {@link MetricKind#RATIO} is {@code sum(numerator) * factor / sum(denominator)}.
 *
 * @param name the API spelling, e.g. {@code ClickThroughRate}
 * @param money whether the output column is typed {@code Money} (carries a currency) rather than {@code Number}
 * @param numerator base measure on top; for additive metrics the metric's own name
 * @param denominator base measure below; {@code null} for additive metrics
 * @param factor multiplier applied to the numerator, 1 except for per-mille metrics such as {@code ECpm}
 */
public record Metric(String name, MetricKind kind, boolean money, String numerator, String denominator, int factor) {

  public boolean isAdditive() {
    return kind.isAdditive();
  }

  public String outputType() {
    return money ? "Money" : "Number";
  }
}
