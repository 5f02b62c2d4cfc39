package io.github.criteojdbc.sandbox.audience;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A validated audience performance request. Empty filter sets mean "no filter". */
public record AudienceRequest(
    String advertiserId,
    LocalDate startDate,
    LocalDate endDate,
    AudienceDimension dimension,
    List<AudienceMetric> metrics,
    String currency,
    BigDecimal perEuro,
    String timezone,
    Set<String> adSetIds,
    Set<String> audienceIds,
    Set<String> segmentIds) {

  public AudienceRequest {
    metrics = List.copyOf(metrics);
    adSetIds = Set.copyOf(adSetIds);
    audienceIds = Set.copyOf(audienceIds);
    segmentIds = Set.copyOf(segmentIds);
  }
}
