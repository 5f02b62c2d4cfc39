package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.client.StatisticsReportRequest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Which days of a cached statistics report a connection may read at a given instant: all of them
 * while the report is younger than the connection's time for recent data, then only the days that
 * were settled when it was fetched, for as long as the connection's cache time (see
 * {@link RestatementWindow}). A day still open to restatement is asked for again.
 */
final class ReadableDays {
  private final Duration settledTtl;
  private final Duration recentTtl;
  private final Instant now;

  ReadableDays(Duration settledTtl, Duration recentTtl, Instant now) {
    this.settledTtl = settledTtl;
    this.recentTtl = StatisticsScan.min(recentTtl, settledTtl);
    this.now = now;
  }

  /** The days of {@code request}'s report, fetched as {@code entry}, that may be read now. */
  Optional<DateRange> of(StatisticsReportRequest request, ReportCache.Entry entry) {
    Duration age = Duration.between(entry.fetchedAt(), now);
    if (age.compareTo(recentTtl) < 0) {
      return Optional.of(new DateRange(request.startDate(), request.endDate()));
    }
    if (age.compareTo(settledTtl) >= 0) {
      return Optional.empty();
    }
    LocalDate lastSettled = RestatementWindow.lastSettledDay(zone(request), entry.fetchedAt());
    LocalDate end = request.endDate().isAfter(lastSettled) ? lastSettled : request.endDate();
    return end.isBefore(request.startDate()) ? Optional.empty()
        : Optional.of(new DateRange(request.startDate(), end));
  }

  /** Whether every day of the report fetched as {@code entry} may be read now. */
  boolean all(StatisticsReportRequest request, ReportCache.Entry entry) {
    return of(request, entry).filter(days -> days.end().equals(request.endDate())).isPresent();
  }

  static ZoneId zone(StatisticsReportRequest request) {
    return ZoneId.of(request.timezone().orElse("UTC"));
  }
}
