package io.github.criteojdbc.sandbox.mpo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** A validated MPO real-time export request; the interval is [from, to) in UTC. Empty filters mean all. */
public record MpoRequest(
    Set<String> advertiserIds,
    Set<String> campaignIds,
    Set<String> sellerIds,
    Set<String> partnerIds,
    List<MpoDimension> dimensions,
    List<MpoMetric> metrics,
    Instant from,
    Instant to,
    ZoneId zone,
    MpoFileFormat fileFormat,
    BigDecimal perEuro) {

  public MpoRequest {
    advertiserIds = Set.copyOf(advertiserIds);
    campaignIds = Set.copyOf(campaignIds);
    sellerIds = Set.copyOf(sellerIds);
    partnerIds = Set.copyOf(partnerIds);
    dimensions = List.copyOf(dimensions);
    metrics = List.copyOf(metrics);
  }
}
