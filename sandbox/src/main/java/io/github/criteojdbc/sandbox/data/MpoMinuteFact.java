package io.github.criteojdbc.sandbox.data;

import java.math.BigDecimal;
import java.time.Instant;

/** One UTC minute of one product of one seller in one MPO campaign. Only minutes with activity exist. */
public record MpoMinuteFact(
    Instant minute,
    String advertiserId,
    String partnerId,
    String campaignId,
    String sellerId,
    String sellerName,
    String productId,
    long clicks,
    long displays,
    long costNanos) {

  /** Cost in EUR, exact (nine decimals at most), the unrounded amount the export prints. */
  public BigDecimal cost() {
    return BigDecimal.valueOf(costNanos, 9);
  }
}
