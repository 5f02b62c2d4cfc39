package io.github.criteojdbc.sandbox.request;

import io.github.criteojdbc.sandbox.catalog.Currencies;
import io.github.criteojdbc.sandbox.http.Problem;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/** The attributes the two Marketing Solutions report requests share, validated with the documented codes. */
public final class ReportAttributes {
  public static final String DEFAULT_TIMEZONE = "UTC";
  private static final int MAX_YEARS_BACK = 2;

  private ReportAttributes() {}

  /** A required date; only its date part counts. */
  public static Optional<LocalDate> date(AttributeReader reader, String attribute) {
    return reader.string(attribute, true).flatMap(text -> {
      Optional<LocalDate> date = RequestDates.datePart(text);
      if (date.isEmpty()) {
        String field = AttributeReader.path(attribute);
        reader.add(Problem.validation("invalid-date-format", "Invalid date format",
            field + " '" + text + "' is not a date: use yyyy-MM-dd or an ISO-8601 date-time", field));
      }
      return date;
    });
  }

  /** Start must not be after end, nor more than two years before today (data is kept two years). */
  public static void checkRange(AttributeReader reader, LocalDate start, LocalDate end, LocalDate today) {
    String startField = AttributeReader.path("startDate");
    if (start.isAfter(end)) {
      reader.add(Problem.validation("start-after-end-date", "The start date can not be after the end date.",
          "startDate " + start + " is after endDate " + end, startField));
    }
    if (start.isBefore(today.minusYears(MAX_YEARS_BACK))) {
      reader.add(Problem.validation("invalid-timespan", "Invalid timespan",
          "startDate " + start + " is more than " + MAX_YEARS_BACK + " years before today (" + today + ")", startField));
    }
  }

  /** The currency code and its factor; absent means EUR. */
  public static Optional<CurrencyChoice> currency(AttributeReader reader) {
    Optional<String> code = reader.string("currency", false);
    if (code.isEmpty()) {
      return reader.has("currency") ? Optional.empty() : Optional.of(CurrencyChoice.of(Currencies.DEFAULT));
    }
    Optional<BigDecimal> perEuro = Currencies.perEuro(code.get());
    if (perEuro.isEmpty()) {
      String field = AttributeReader.path("currency");
      reader.add(Problem.validation("invalid-currency", "Invalid currency",
          field + " '" + code.get() + "' is not a supported ISO-4217 code; supported: " + Currencies.codes(), field));
      return Optional.empty();
    }
    return Optional.of(new CurrencyChoice(code.get(), perEuro.get()));
  }

  /** The time zone name and zone; absent means UTC. */
  public static Optional<ZoneChoice> timezone(AttributeReader reader) {
    Optional<String> name = reader.string("timezone", false);
    if (name.isEmpty()) {
      return reader.has("timezone") ? Optional.empty() : Optional.of(new ZoneChoice(DEFAULT_TIMEZONE, ZoneId.of("UTC")));
    }
    Optional<ZoneId> zone = zone(name.get());
    if (zone.isEmpty()) {
      String field = AttributeReader.path("timezone");
      reader.add(Problem.validation("invalid-timezone", "Invalid timezone",
          field + " '" + name.get() + "' is not a tz database time zone", field));
      return Optional.empty();
    }
    return Optional.of(new ZoneChoice(name.get(), zone.get()));
  }

  public static Optional<ZoneId> zone(String name) {
    try {
      return Optional.of(ZoneId.of(name));
    } catch (DateTimeException unknownZone) {
      return Optional.empty();
    }
  }

  /** A report currency. */
  public record CurrencyChoice(String code, BigDecimal perEuro) {
    static CurrencyChoice of(String code) {
      return new CurrencyChoice(code, Currencies.perEuro(code).orElseThrow());
    }
  }

  /** A report time zone, keeping the name as the client spelled it. */
  public record ZoneChoice(String name, ZoneId zone) {}
}
