package io.github.criteojdbc.adapter.exec;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Criteo may restate a day's figures until 120 hours after the day ends (in the report's time
 * zone). A day of a report is settled when the report was asked for after that: its rows are then
 * final and may be reused for as long as the cache keeps them.
 */
final class RestatementWindow {
  static final Duration LENGTH = Duration.ofHours(120);

  private RestatementWindow() {
  }

  /** The last day of {@code zone} whose end is at least {@link #LENGTH} before {@code at}. */
  static LocalDate lastSettledDay(ZoneId zone, Instant at) {
    return LocalDate.ofInstant(at.minus(LENGTH), zone).minusDays(1);
  }

  static boolean settled(LocalDate day, ZoneId zone, Instant at) {
    return !day.isAfter(lastSettledDay(zone, at));
  }
}
