package io.github.criteojdbc.sandbox.data;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One day of one ad set for one audience segment and one brand or interest. The audience performance report
 * sums these over its dates and filters and ranks the brands or interests.
 */
public record AudienceFact(
    LocalDate day,
    String advertiserId,
    String adSetId,
    String audienceId,
    String segmentId,
    AudienceBreakdown breakdown,
    String value,
    long displays,
    long clicks,
    long visits,
    long sales,
    long revenueCents,
    long costCents,
    long exposedUsers) {

  /** Revenue in EUR. */
  public BigDecimal revenue() {
    return BigDecimal.valueOf(revenueCents, 2);
  }

  /** Advertiser cost in EUR (the base of {@code CostPerVisit}). */
  public BigDecimal cost() {
    return BigDecimal.valueOf(costCents, 2);
  }
}
