package io.github.criteojdbc.driver;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Dates and times as the reports have them: local calendar values in the report zone (the
 * {@code timezone} property), whatever the JVM's zone. Calcite keeps a DATE as its epoch day and a
 * TIMESTAMP as its wall-clock milliseconds read as UTC; these helpers turn them into
 * {@code java.time} values and back without going through the JVM's zone, and turn the values an
 * application binds into the report zone's local values.
 */
final class ReportTime {
  static final long MILLIS_PER_DAY = 86_400_000L;
  static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  /** {@code yyyy-MM-dd HH:mm:ss[.fraction]}, as SQL writes timestamps; a {@code T} is accepted too. */
  private static final DateTimeFormatter SQL_TIMESTAMP = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral(' ').optionalEnd()
      .optionalStart().appendLiteral('T').optionalEnd()
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .toFormatter(Locale.ROOT);
  private static final DateTimeFormatter SQL_TIMESTAMP_TEXT = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .appendLiteral(' ')
      .appendPattern("HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
      .toFormatter(Locale.ROOT);

  private ReportTime() {
  }

  /** A fresh UTC calendar, for Avatica's calendar-taking calls (one per JDBC object). */
  static Calendar utcCalendar() {
    return Calendar.getInstance(UTC, Locale.ROOT);
  }

  static LocalDate dateOfEpochDay(long epochDay) {
    return LocalDate.ofEpochDay(epochDay);
  }

  /** Calcite's TIMESTAMP value: wall-clock milliseconds read as UTC. */
  static LocalDateTime dateTimeOfLocalMillis(long millis) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L), (int) Math.floorMod(millis, 1000L) * 1_000_000,
        ZoneOffset.UTC);
  }

  static LocalTime timeOfMillis(long millisOfDay) {
    return LocalTime.ofNanoOfDay(Math.floorMod(millisOfDay, MILLIS_PER_DAY) * 1_000_000L);
  }

  static long localMillis(LocalDateTime value) {
    return value.toEpochSecond(ZoneOffset.UTC) * 1000L + value.getNano() / 1_000_000;
  }

  static ZoneId zoneOf(Calendar calendar) {
    return calendar.getTimeZone().toZoneId();
  }

  /** A date, time or timestamp a string spells: {@code 2026-11-20}, {@code 2026-11-20 10:00:00}, ISO forms, {@code 10:00}. */
  static Temporal parse(String text, ZoneId reportZone) throws SQLException {
    String value = text.trim();
    try {
      if (value.length() == 10 && value.charAt(4) == '-') {
        return LocalDate.parse(value);
      }
      if (value.indexOf('-') == 4) {
        if (value.endsWith("Z") || value.lastIndexOf('+') > 9 || value.lastIndexOf('-') > 9 || value.contains("[")) {
          return LocalDateTime.ofInstant(ZonedDateTime.parse(value.replace(' ', 'T')).toInstant(), reportZone);
        }
        return LocalDateTime.parse(value, SQL_TIMESTAMP);
      }
      return LocalTime.parse(value);
    } catch (DateTimeException e) {
      throw new SQLDataException("Invalid date/time value '" + SqlErrors.cap(text) + "': expected a date such as"
          + " 2026-11-20, a timestamp such as 2026-11-20 10:00:00 or a time such as 10:00:00",
          SqlErrors.INVALID_DATETIME, e);
    }
  }

  /**
   * The local value in the report zone that a bound value means: JDBC's date/time classes and the
   * local {@code java.time} classes are local values already (in the JVM's zone for the JDBC
   * classes, as JDBC has them); an instant-like value (Instant, OffsetDateTime, ZonedDateTime,
   * java.util.Date, Calendar) is the report zone's wall clock at that instant.
   *
   * @return null when {@code value} is not a date/time value
   */
  static Temporal localValue(Object value, ZoneId reportZone) {
    if (value instanceof java.sql.Date) {
      return ((java.sql.Date) value).toLocalDate();
    }
    if (value instanceof Timestamp) {
      return ((Timestamp) value).toLocalDateTime();
    }
    if (value instanceof Time) {
      return ((Time) value).toLocalTime();
    }
    if (value instanceof LocalDate || value instanceof LocalDateTime || value instanceof LocalTime) {
      return (Temporal) value;
    }
    if (value instanceof OffsetDateTime) {
      return ((OffsetDateTime) value).atZoneSameInstant(reportZone).toLocalDateTime();
    }
    if (value instanceof ZonedDateTime) {
      return ((ZonedDateTime) value).withZoneSameInstant(reportZone).toLocalDateTime();
    }
    if (value instanceof Instant) {
      return LocalDateTime.ofInstant((Instant) value, reportZone);
    }
    if (value instanceof OffsetTime) {
      return ((OffsetTime) value).toLocalTime();
    }
    if (value instanceof java.util.Date) {
      return LocalDateTime.ofInstant(((java.util.Date) value).toInstant(), reportZone);
    }
    if (value instanceof Calendar) {
      return LocalDateTime.ofInstant(((Calendar) value).toInstant(), reportZone);
    }
    return null;
  }

  static LocalDate toDate(Temporal value) throws SQLException {
    if (value instanceof LocalDate) {
      return (LocalDate) value;
    }
    if (value instanceof LocalDateTime) {
      return ((LocalDateTime) value).toLocalDate();
    }
    throw new SQLDataException("A time of day (" + value + ") cannot be used as a date", SqlErrors.INVALID_CAST);
  }

  static LocalDateTime toDateTime(Temporal value) throws SQLException {
    if (value instanceof LocalDateTime) {
      return (LocalDateTime) value;
    }
    if (value instanceof LocalDate) {
      return ((LocalDate) value).atStartOfDay();
    }
    throw new SQLDataException("A time of day (" + value + ") cannot be used as a timestamp", SqlErrors.INVALID_CAST);
  }

  static LocalTime toTime(Temporal value) throws SQLException {
    if (value instanceof LocalTime) {
      return (LocalTime) value;
    }
    if (value instanceof LocalDateTime) {
      return ((LocalDateTime) value).toLocalTime();
    }
    throw new SQLDataException("A date (" + value + ") cannot be used as a time of day", SqlErrors.INVALID_CAST);
  }

  /** SQL's text of a local value: {@code 2026-11-20}, {@code 2026-11-20 10:00:00}, {@code 10:00:00}. */
  static String text(Temporal value) {
    if (value instanceof LocalDateTime) {
      return SQL_TIMESTAMP_TEXT.format(value);
    }
    if (value instanceof LocalTime) {
      return DateTimeFormatter.ISO_LOCAL_TIME.format(value);
    }
    return value.toString();
  }
}
