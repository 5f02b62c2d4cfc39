package io.github.criteojdbc.sandbox.audience;

import io.github.criteojdbc.sandbox.data.AdSet;
import io.github.criteojdbc.sandbox.data.AudienceFact;
import io.github.criteojdbc.sandbox.data.AudienceFacts;
import io.github.criteojdbc.sandbox.data.Portfolio;
import io.github.criteojdbc.sandbox.report.ExportColumn;
import io.github.criteojdbc.sandbox.report.ExportTable;
import io.github.criteojdbc.sandbox.report.ListTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes an audience performance report: sums the daily facts of the advertiser over the requested dates and
 * filters per brand or interest, and keeps the 30 best by the breakdown's metric (ties by name), best first.
 */
public final class AudienceAggregator {
  private AudienceAggregator() {}

  /**
   * @param lastDayWithData the last complete day of data; days after it have none yet
   * @param firstDayWithData the first day of data
   */
  public static ExportTable aggregate(AudienceRequest request, LocalDate firstDayWithData, LocalDate lastDayWithData) {
    LocalDate first = request.startDate().isAfter(firstDayWithData) ? request.startDate() : firstDayWithData;
    LocalDate last = request.endDate().isBefore(lastDayWithData) ? request.endDate() : lastDayWithData;
    Map<String, long[]> sums = new HashMap<>();
    if (!first.isAfter(last)) {
      AudienceFacts.between(first, last, adSetsOf(request))
          .filter(fact -> fact.breakdown() == request.dimension().breakdown())
          .filter(fact -> request.audienceIds().isEmpty() || request.audienceIds().contains(fact.audienceId()))
          .filter(fact -> request.segmentIds().isEmpty() || request.segmentIds().contains(fact.segmentId()))
          .forEach(fact -> add(sums, fact));
    }
    AudienceMetric rankedBy = request.dimension().rankedBy();
    List<Map.Entry<String, long[]>> ranked = new ArrayList<>(sums.entrySet());
    ranked.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(entry -> (Long) rankedBy.value(entry.getValue(), null))
        .reversed().thenComparing(Map.Entry::getKey));
    List<Object[]> rows = new ArrayList<>();
    for (Map.Entry<String, long[]> entry : ranked.subList(0, Math.min(AudienceDimension.TOP, ranked.size()))) {
      Object[] row = new Object[1 + request.metrics().size()];
      row[0] = entry.getKey();
      for (int m = 0; m < request.metrics().size(); m++) {
        row[1 + m] = request.metrics().get(m).value(entry.getValue(), request.perEuro());
      }
      rows.add(row);
    }
    return new ListTable(columns(request), rows);
  }

  private static List<AdSet> adSetsOf(AudienceRequest request) {
    return Portfolio.standard().adSets().stream()
        .filter(adSet -> adSet.advertiserId().equals(request.advertiserId()))
        .filter(adSet -> request.adSetIds().isEmpty() || request.adSetIds().contains(adSet.id()))
        .toList();
  }

  private static void add(Map<String, long[]> sums, AudienceFact fact) {
    long[] measures = AudienceMetric.measures(fact);
    long[] total = sums.computeIfAbsent(fact.value(), value -> new long[measures.length]);
    for (int i = 0; i < measures.length; i++) {
      total[i] += measures[i];
    }
  }

  private static List<ExportColumn> columns(AudienceRequest request) {
    List<ExportColumn> columns = new ArrayList<>();
    columns.add(ExportColumn.dimension(request.dimension().apiName(), "String"));
    for (AudienceMetric metric : request.metrics()) {
      columns.add(metric.isMoney()
          ? ExportColumn.money(metric.apiName(), request.currency())
          : ExportColumn.number(metric.apiName()));
    }
    return columns;
  }
}
