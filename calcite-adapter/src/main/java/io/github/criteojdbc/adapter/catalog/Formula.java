package io.github.criteojdbc.adapter.catalog;

import java.util.Objects;

/**
 * The API's documented definition of a ratio metric from two additive metrics of the same report,
 * {@code factor * numerator / denominator}, with the address of the documentation that says so.
 * Only such a ratio is computed by the driver at a coarser grain than the API returned it.
 *
 * @param numerator API name of the additive count on top (Clicks)
 * @param denominator API name of the additive count below (Displays)
 * @param factor the multiplier of the numerator, 1 for a rate given as a decimal between 0 and 1
 * @param source where Criteo documents the definition
 */
public record Formula(String numerator, String denominator, int factor, String source) {
  public Formula {
    Objects.requireNonNull(numerator, "numerator");
    Objects.requireNonNull(denominator, "denominator");
    Objects.requireNonNull(source, "source");
  }

  /**
   * The ratio of a grain from the sums of its parts at that grain, as the API (and the sandbox)
   * gives it: the quotient as a double, NULL when a part is NULL or the denominator is 0.
   */
  public Double valueOf(Number numerator, Number denominator) {
    if (numerator == null || denominator == null || denominator.longValue() == 0) {
      return null;
    }
    return (double) numerator.longValue() * factor / denominator.longValue();
  }
}
