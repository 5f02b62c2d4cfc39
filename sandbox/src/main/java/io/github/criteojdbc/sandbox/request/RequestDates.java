package io.github.criteojdbc.sandbox.request;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses request dates: {@code yyyy-MM-dd} or an ISO-8601 date-time with or without offset. */
public final class RequestDates {
  private RequestDates() {}

  /** The date part only, as the statistics endpoints use it (the time and offset are ignored). */
  public static Optional<LocalDate> datePart(String text) {
    return parse(text, LocalDate::parse, value -> LocalDateTime.parse(value).toLocalDate(),
        value -> OffsetDateTime.parse(value).toLocalDate());
  }

  /** An instant; a date or a date-time without offset is read in UTC, as the MPO guide says. */
  public static Optional<Instant> instant(String text) {
    return parse(text, value -> OffsetDateTime.parse(value).toInstant(),
        value -> LocalDateTime.parse(value).toInstant(ZoneOffset.UTC),
        value -> LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  @SafeVarargs
  private static <T> Optional<T> parse(String text, Parser<T>... parsers) {
    for (Parser<T> parser : parsers) {
      try {
        return Optional.of(parser.parse(text.trim()));
      } catch (DateTimeParseException notThisFormat) {
        // try the next accepted format
      }
    }
    return Optional.empty();
  }

  @FunctionalInterface
  private interface Parser<T> {
    T parse(String text);
  }
}
