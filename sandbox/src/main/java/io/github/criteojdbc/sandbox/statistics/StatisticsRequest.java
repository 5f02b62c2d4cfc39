package io.github.criteojdbc.sandbox.statistics;

import io.github.criteojdbc.sandbox.catalog.AsyncDimension;
import io.github.criteojdbc.sandbox.catalog.Metric;
import io.github.criteojdbc.sandbox.data.AdSetStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * A validated async statistics request. Empty filter sets mean "no filter".
 *
 * @param dimensions as requested, duplicates removed
 * @param perEuro the conversion factor of {@code currency}
 * @param timezone the zone name as requested (echoed in the Interval columns)
 */
public record StatisticsRequest(
    List<String> advertiserIds,
    LocalDate startDate,
    LocalDate endDate,
    List<AsyncDimension> dimensions,
    List<Metric> metrics,
    String currency,
    BigDecimal perEuro,
    String timezone,
    ZoneId zone,
    Set<String> adSetIds,
    Set<String> adSetNames,
    Set<AdSetStatus> adSetStatuses) {

  public StatisticsRequest {
    advertiserIds = List.copyOf(advertiserIds);
    dimensions = List.copyOf(dimensions);
    metrics = List.copyOf(metrics);
    adSetIds = Set.copyOf(adSetIds);
    adSetNames = Set.copyOf(adSetNames);
    adSetStatuses = Set.copyOf(adSetStatuses);
  }
}
