package io.github.criteojdbc.sandbox.statistics;

import io.github.criteojdbc.sandbox.catalog.Currencies;
import io.github.criteojdbc.sandbox.catalog.Metric;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A metric's output value from summed base measures: counts as {@code Long}, money converted exactly, ratios
 * computed after aggregation ({@code null} when the denominator is 0). Money ratios are rounded half-up to four
 * decimals; other ratios are the double quotient.
 */
public final class MetricValue {
  public static final int MONEY_RATIO_SCALE = 4;

  private MetricValue() {}

  public static Object of(Metric metric, long numerator, long denominator, BigDecimal perEuro) {
    return switch (metric.kind()) {
      case COUNT -> numerator;
      case MONEY -> Currencies.fromEuroCents(numerator, perEuro);
      case RATIO -> ratio(metric, numerator, denominator, perEuro);
    };
  }

  private static Object ratio(Metric metric, long numerator, long denominator, BigDecimal perEuro) {
    if (denominator == 0) {
      return null;
    }
    if (metric.money()) {
      return Currencies.fromEuroCents(numerator, perEuro).multiply(BigDecimal.valueOf(metric.factor()))
          .divide(BigDecimal.valueOf(denominator), MONEY_RATIO_SCALE, RoundingMode.HALF_UP);
    }
    return (double) numerator * metric.factor() / denominator;
  }
}
