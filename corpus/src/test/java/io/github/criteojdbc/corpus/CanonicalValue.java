package io.github.criteojdbc.corpus;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Renders a value to one string per meaning, so relations compare what a value says and not its Java class:
 * dates as ISO dates, timestamps as ISO local date-times with seconds, every number as a plain decimal without
 * trailing zeros ({@code 12.30}, {@code 12.3} and {@code 12.3e0} agree), doubles first rounded to
 * {@value #SIGNIFICANT_DIGITS} significant digits (a relative tolerance of about 1e-10). A value whose class does
 * not fit its column type is not rendered: that mismatch is itself a bug clients hit.
 */
final class CanonicalValue {
  static final String NULL = "NULL";
  private static final int SIGNIFICANT_DIGITS = 10;
  private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSSSSSSSS]");

  private CanonicalValue() {
  }

  static String of(ValueKind kind, Object value) {
    if (value == null) {
      return NULL;
    }
    return switch (kind) {
      case DATE -> date(value);
      case TIMESTAMP -> timestamp(value);
      case INTEGER, BIGINT, DECIMAL -> exactNumber(value);
      case APPROXIMATE -> approximate(value);
      case BOOLEAN -> expect(Boolean.class, kind, value).toString();
      case TEXT -> expect(String.class, kind, value);
    };
  }

  /** The text a client reads through {@code getString}, parsed by the column's kind. */
  static String ofText(ValueKind kind, String text) {
    if (text == null) {
      return NULL;
    }
    return switch (kind) {
      case DATE -> LocalDate.parse(text).toString();
      case TIMESTAMP -> timestamp(LocalDateTime.parse(text.replace(' ', 'T')));
      case INTEGER, BIGINT, DECIMAL -> exactNumber(new BigDecimal(text));
      case APPROXIMATE -> approximate(Double.parseDouble(text));
      case BOOLEAN -> Boolean.valueOf(text).toString();
      case TEXT -> text;
    };
  }

  /** A canonical exact number as a double would say it, to compare with {@code getDouble}. */
  static String approximateOf(String canonicalNumber) {
    return canonicalNumber.equals(NULL) ? NULL : approximate(new BigDecimal(canonicalNumber).doubleValue());
  }

  private static String date(Object value) {
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate().toString();
    }
    return expect(LocalDate.class, ValueKind.DATE, value).toString();
  }

  private static String timestamp(Object value) {
    if (value instanceof java.sql.Timestamp timestamp) {
      return LOCAL_DATE_TIME.format(timestamp.toLocalDateTime()).replaceAll("\\.0+$", "");
    }
    return LOCAL_DATE_TIME.format(expect(LocalDateTime.class, ValueKind.TIMESTAMP, value)).replaceAll("\\.0+$", "");
  }

  private static String exactNumber(Object value) {
    BigDecimal decimal = value instanceof BigDecimal exact ? exact
        : value instanceof Double || value instanceof Float ? BigDecimal.valueOf(((Number) value).doubleValue())
        : BigDecimal.valueOf(expect(Number.class, ValueKind.DECIMAL, value).longValue());
    return plain(decimal);
  }

  private static String approximate(Object value) {
    double number = expect(Number.class, ValueKind.APPROXIMATE, value).doubleValue();
    if (Double.isNaN(number) || Double.isInfinite(number)) {
      return Double.toString(number);
    }
    return plain(new BigDecimal(number).round(new MathContext(SIGNIFICANT_DIGITS)));
  }

  private static String plain(BigDecimal decimal) {
    return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
  }

  private static <T> T expect(Class<T> type, ValueKind kind, Object value) {
    if (!type.isInstance(value)) {
      throw new IllegalStateException("a " + kind + " column gave a " + value.getClass().getName() + ": " + describe(value));
    }
    return type.cast(value);
  }

  private static String describe(Object value) {
    return value instanceof Object[] array ? java.util.Arrays.deepToString(array) : String.valueOf(value);
  }
}
