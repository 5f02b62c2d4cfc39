package io.github.criteojdbc.sandbox.audience;

import io.github.criteojdbc.sandbox.data.AudienceBreakdown;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The six breakdowns of the audience performance report: what is ranked, and by which metric. */
public enum AudienceDimension {
  TOP30_BRANDS_BY_DISPLAYS("Top30BrandsByDisplays", AudienceBreakdown.BRAND, AudienceMetric.DISPLAYS),
  TOP30_BRANDS_BY_CLICKS("Top30BrandsByClicks", AudienceBreakdown.BRAND, AudienceMetric.CLICKS),
  TOP30_BRANDS_BY_SALES("Top30BrandsBySales", AudienceBreakdown.BRAND, AudienceMetric.SALES),
  TOP30_INTERESTS_BY_DISPLAYS("Top30InterestsByDisplays", AudienceBreakdown.INTEREST, AudienceMetric.DISPLAYS),
  TOP30_INTERESTS_BY_CLICKS("Top30InterestsByClicks", AudienceBreakdown.INTEREST, AudienceMetric.CLICKS),
  TOP30_INTERESTS_BY_SALES("Top30InterestsBySales", AudienceBreakdown.INTEREST, AudienceMetric.SALES);

  public static final int TOP = 30;

  private final String apiName;
  private final AudienceBreakdown breakdown;
  private final AudienceMetric rankedBy;

  AudienceDimension(String apiName, AudienceBreakdown breakdown, AudienceMetric rankedBy) {
    this.apiName = apiName;
    this.breakdown = breakdown;
    this.rankedBy = rankedBy;
  }

  public String apiName() {
    return apiName;
  }

  public AudienceBreakdown breakdown() {
    return breakdown;
  }

  public AudienceMetric rankedBy() {
    return rankedBy;
  }

  public static Optional<AudienceDimension> byApiName(String name) {
    return Arrays.stream(values()).filter(value -> value.apiName.equals(name)).findFirst();
  }

  public static List<String> apiNames() {
    return Arrays.stream(values()).map(AudienceDimension::apiName).toList();
  }
}
