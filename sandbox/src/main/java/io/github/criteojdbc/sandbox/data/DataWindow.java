package io.github.criteojdbc.sandbox.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The hours that have data as of a given instant: from midnight UTC {@code dataDays} days before today up to
 * the current hour, excluded (the current hour is still being processed, as with the real API).
 */
public record DataWindow(Instant firstHour, Instant endHour) {

  public static DataWindow asOf(Instant now, int dataDays) {
    Instant firstHour = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(dataDays).atStartOfDay(ZoneOffset.UTC).toInstant();
    return new DataWindow(firstHour, now.truncatedTo(ChronoUnit.HOURS));
  }

  /** The part of [from, to) that has data, with {@code from} rounded up to a whole hour. */
  public DataWindow clip(Instant fromInclusive, Instant toExclusive) {
    Instant from = ceilToHour(fromInclusive.isAfter(firstHour) ? fromInclusive : firstHour);
    Instant to = toExclusive.isBefore(endHour) ? toExclusive : endHour;
    return new DataWindow(from, to.isBefore(from) ? from : to);
  }

  private static Instant ceilToHour(Instant instant) {
    Instant floor = instant.truncatedTo(ChronoUnit.HOURS);
    return floor.equals(instant) ? floor : floor.plus(1, ChronoUnit.HOURS);
  }
}
