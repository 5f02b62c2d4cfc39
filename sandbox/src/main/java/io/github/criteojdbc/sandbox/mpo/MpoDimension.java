package io.github.criteojdbc.sandbox.mpo;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The MPO export dimensions: the seven of the guide plus the spec's SellerName, Day, Week, Month and Year.
 * Requests may spell them in lower camel (guide) or PascalCase (spec); output columns use lower camel.
 */
public enum MpoDimension {
  ADVERTISER_ID("advertiserId"),
  PARTNER_ID("partnerId"),
  CAMPAIGN_ID("campaignId"),
  SELLER_ID("sellerId"),
  SELLER_NAME("sellerName"),
  PRODUCT_ID("productId"),
  HOUR("hour"),
  MINUTE("minute"),
  DAY("day"),
  WEEK("week"),
  MONTH("month"),
  YEAR("year");

  /** The default of the spec's description, used when a request names no dimension. */
  public static final List<MpoDimension> DEFAULTS = List.of(ADVERTISER_ID, CAMPAIGN_ID, SELLER_ID, PRODUCT_ID, DAY);
  /** Only one of these per request (guide: "Dimension combination constraints"). */
  public static final List<MpoDimension> EXCLUSIVE = List.of(PRODUCT_ID, HOUR, MINUTE);

  private final String columnName;

  MpoDimension(String columnName) {
    this.columnName = columnName;
  }

  public String columnName() {
    return columnName;
  }

  public static Optional<MpoDimension> byName(String name) {
    return Arrays.stream(values()).filter(value -> value.columnName.equalsIgnoreCase(name.toLowerCase(Locale.ROOT)))
        .findFirst();
  }
}
