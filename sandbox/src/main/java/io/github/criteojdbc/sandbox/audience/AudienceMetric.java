package io.github.criteojdbc.sandbox.audience;

import io.github.criteojdbc.sandbox.catalog.Currencies;
import io.github.criteojdbc.sandbox.data.AudienceFact;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The metrics of the audience performance report. All are sums over facts except {@code CostPerVisit}, which is
 * summed cost over summed visits (money, rounded half-up to four decimals, null without visits).
 */
public enum AudienceMetric {
  CLICKS("Clicks"),
  DISPLAYS("Displays"),
  VISITS("Visits"),
  SALES("Sales"),
  REVENUE("Revenue"),
  COST_PER_VISIT("CostPerVisit"),
  EXPOSED_USERS("ExposedUsers");

  private final String apiName;

  AudienceMetric(String apiName) {
    this.apiName = apiName;
  }

  public String apiName() {
    return apiName;
  }

  public boolean isMoney() {
    return this == REVENUE || this == COST_PER_VISIT;
  }

  public static Optional<AudienceMetric> byApiName(String name) {
    return Arrays.stream(values()).filter(value -> value.apiName.equals(name)).findFirst();
  }

  public static List<String> apiNames() {
    return Arrays.stream(values()).map(AudienceMetric::apiName).toList();
  }

  /** The sums a report keeps per brand or interest, in this order. */
  static long[] measures(AudienceFact fact) {
    return new long[] {fact.clicks(), fact.displays(), fact.visits(), fact.sales(), fact.revenueCents(),
        fact.costCents(), fact.exposedUsers()};
  }

  /** The value to rank by or to output, from the sums of {@link #measures}. */
  Object value(long[] sums, BigDecimal perEuro) {
    return switch (this) {
      case CLICKS -> sums[0];
      case DISPLAYS -> sums[1];
      case VISITS -> sums[2];
      case SALES -> sums[3];
      case REVENUE -> Currencies.fromEuroCents(sums[4], perEuro);
      case COST_PER_VISIT -> sums[2] == 0 ? null : Currencies.fromEuroCents(sums[5], perEuro)
          .divide(BigDecimal.valueOf(sums[2]), 4, RoundingMode.HALF_UP);
      case EXPOSED_USERS -> sums[6];
    };
  }
}
