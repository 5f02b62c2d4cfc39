package io.github.criteojdbc.sandbox.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** How row values are spelled in the outputs (documented in the README). */
final class ValueFormats {
  /** Hour buckets of async reports: local time of the bucket start, without offset. */
  static final DateTimeFormatter LOCAL_HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  /** Hour and minute buckets of MPO exports: ISO-8601 with the offset of the requested time zone. */
  static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  private ValueFormats() {}

  /** The text of a value that is written as a JSON string or a quoted CSV field. */
  static String text(Object value) {
    if (value instanceof LocalDateTime local) {
      return LOCAL_HOUR.format(local);
    }
    if (value instanceof OffsetDateTime offset) {
      return OFFSET_TIME.format(offset);
    }
    if (value instanceof LocalDate date) {
      return date.toString();
    }
    return value.toString();
  }

  static boolean isNumber(Object value) {
    return value instanceof Number;
  }

  static String plainNumber(Object value) {
    return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
  }
}
