package io.github.criteojdbc.adapter.catalog;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;

/** The time buckets a report can be broken down by, finest first. */
public enum TimeGranularity {
  MINUTE, HOUR, DAY, WEEK, MONTH, YEAR;

  /** First day of the bucket that contains {@code day}. */
  public LocalDate bucketStart(LocalDate day) {
    switch (this) {
    case WEEK:
      return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    case MONTH:
      return day.withDayOfMonth(1);
    case YEAR:
      return day.withDayOfYear(1);
    default:
      return day;
    }
  }

  /** Last day of the bucket that contains {@code day}. */
  public LocalDate bucketEnd(LocalDate day) {
    switch (this) {
    case WEEK:
      return bucketStart(day).plusDays(6);
    case MONTH:
      return day.with(TemporalAdjusters.lastDayOfMonth());
    case YEAR:
      return day.with(TemporalAdjusters.lastDayOfYear());
    default:
      return day;
    }
  }

  /** Start of the bucket that contains {@code time}. */
  public LocalDateTime bucketStart(LocalDateTime time) {
    switch (this) {
    case MINUTE:
      return time.withSecond(0).withNano(0);
    case HOUR:
      return time.withMinute(0).withSecond(0).withNano(0);
    default:
      return bucketStart(time.toLocalDate()).atStartOfDay();
    }
  }
}
