package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.adapter.catalog.TableCatalog;
import io.github.criteojdbc.client.StatisticsReportRequest;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A cached statistics report from whose rows another request's rows can be computed exactly, so
 * that request costs no API call. Of several such reports the smallest is used.
 */
final class CoveringReport {
  private final ReportCache.Entry entry;
  private final StatisticsRollUp rollUp;

  private CoveringReport(ReportCache.Entry entry, StatisticsRollUp rollUp) {
    this.entry = entry;
    this.rollUp = rollUp;
  }

  /**
   * Of the reports whose days {@code readable} lets the connection read throughout the request's
   * dates; see {@link StatisticsRollUp#of} for {@code placeholderMetrics}.
   */
  static Optional<CoveringReport> find(List<ReportCache.CachedReport> reports, ReadableDays readable,
      TableCatalog catalog, StatisticsReportRequest request, boolean placeholderMetrics) {
    return reports.stream()
        .filter(cached -> cached.request() instanceof StatisticsReportRequest)
        .filter(cached -> readable.of((StatisticsReportRequest) cached.request(), cached.entry())
            .filter(days -> !days.start().isAfter(request.startDate())
                && !days.end().isBefore(request.endDate())).isPresent())
        .flatMap(cached -> StatisticsRollUp.of(catalog, (StatisticsReportRequest) cached.request(), request,
            placeholderMetrics)
            .map(rollUp -> new CoveringReport(cached.entry(), rollUp)).stream())
        .min(Comparator.comparingInt(covering -> covering.entry.rows().size()));
  }

  /** The request's rows, computed now from the cached ones, as a complete report. */
  RawRows rows() {
    return new CachedRows(rollUp.apply(entry.rows()), entry.currency());
  }

  /** For {@code EXPLAIN}. */
  String describe() {
    return rollUp.describe();
  }
}
