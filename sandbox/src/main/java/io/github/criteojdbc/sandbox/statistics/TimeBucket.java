package io.github.criteojdbc.sandbox.statistics;

import io.github.criteojdbc.sandbox.catalog.AsyncDimension;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * Puts a UTC hour into a time bucket of the report's zone: the local hour it starts in, its local day, ISO week
 * (starting Monday), month (first day) or year. Buckets are keyed by their start so rows sort chronologically.
 */
final class TimeBucket {
  private TimeBucket() {}

  static Object of(AsyncDimension dimension, Instant hour, ZoneId zone) {
    LocalDateTime local = LocalDateTime.ofInstant(hour, zone);
    return switch (dimension) {
      case HOUR -> local.truncatedTo(ChronoUnit.HOURS);
      case DAY -> local.toLocalDate();
      case WEEK -> local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> local.toLocalDate().withDayOfMonth(1);
      case YEAR -> local.getYear();
      default -> throw new IllegalArgumentException(dimension + " is not a time bucket");
    };
  }

  static String outputType(AsyncDimension dimension) {
    return switch (dimension) {
      case HOUR -> "DateTime";
      case YEAR -> "Number";
      default -> "Date";
    };
  }
}
