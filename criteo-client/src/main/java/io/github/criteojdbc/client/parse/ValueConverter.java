package io.github.criteojdbc.client.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.criteojdbc.client.ValueType;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Converts output values to the type the caller asked for, whatever JSON token type the API used
 * (the API sends {@code String}-typed ids as JSON numbers). Throws {@link IllegalArgumentException}
 * for a value that does not fit; the row reader names the column and the value.
 */
public final class ValueConverter {
  private ValueConverter() {}

  /** Converts the scalar at {@code token}; the parser is positioned on it. */
  public static Object fromToken(JsonParser parser, JsonToken token, ValueType type) throws IOException {
    switch (token) {
      case VALUE_NULL:
        return null;
      case VALUE_NUMBER_INT:
        JsonParser.NumberType size = parser.getNumberType();
        if (type == ValueType.LONG && size != JsonParser.NumberType.BIG_INTEGER) {
          return parser.getLongValue();
        }
        if (type == ValueType.INTEGER && size == JsonParser.NumberType.INT) {
          return parser.getIntValue();
        }
        if (type == ValueType.DECIMAL) {
          return parser.getDecimalValue();
        }
        return fromText(parser.getText(), type);
      case VALUE_NUMBER_FLOAT:
        if (type == ValueType.DOUBLE) {
          return parser.getDoubleValue();
        }
        return type == ValueType.DECIMAL ? parser.getDecimalValue() : fromText(parser.getText(), type);
      case VALUE_TRUE:
      case VALUE_FALSE:
      case VALUE_STRING:
        return fromText(parser.getText(), type);
      default:
        throw new IllegalArgumentException("a nested JSON " + (token == JsonToken.START_OBJECT ? "object" : "array")
            + " where a single value belongs");
    }
  }

  /** Converts a value's text; an empty text is null for every type but STRING. */
  public static Object fromText(String text, ValueType type) {
    if (type == ValueType.STRING) {
      return text;
    }
    String t = text.trim();
    if (t.isEmpty()) {
      return null;
    }
    try {
      return switch (type) {
        case STRING -> text;
        case INTEGER -> Math.toIntExact(wholeNumber(t));
        case LONG -> wholeNumber(t);
        case DOUBLE -> Double.valueOf(t);
        case DECIMAL -> new BigDecimal(t);
        case BOOLEAN -> bool(t);
        case DATE -> Math.toIntExact(date(datePart(t)).toEpochDay());
        case TIMESTAMP -> timestampMillis(t);
      };
    } catch (ArithmeticException | DateTimeException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static long wholeNumber(String t) {
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException notPlain) {
      // "12.0" or "1e3" are whole numbers too; anything fractional is not.
      return new BigDecimal(t).longValueExact();
    }
  }

  private static Boolean bool(String t) {
    switch (t.toLowerCase(Locale.ROOT)) {
      case "true", "1":
        return Boolean.TRUE;
      case "false", "0":
        return Boolean.FALSE;
      default:
        throw new IllegalArgumentException("not a boolean");
    }
  }

  /** The date before a 'T' or ' ' time separator. */
  private static String datePart(String t) {
    int separator = timeSeparator(t);
    return separator < 0 ? t : t.substring(0, separator);
  }

  private static int timeSeparator(String t) {
    int tee = t.indexOf('T');
    int space = t.indexOf(' ');
    if (tee < 0) {
      return space;
    }
    return space < 0 ? tee : Math.min(tee, space);
  }

  /** {@code yyyy-MM-dd}, {@code yyyy/M/d} (the sync reports' style) or {@code yyyy-MM} (a month bucket). */
  private static LocalDate date(String d) {
    if (d.indexOf('/') > 0) {
      String[] parts = d.split("/", -1);
      if (parts.length == 3) {
        return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
      }
    } else if (d.length() == 7 && d.charAt(4) == '-') {
      return LocalDate.of(Integer.parseInt(d.substring(0, 4)), Integer.parseInt(d.substring(5)), 1);
    } else {
      return isoDate(d);
    }
    throw new IllegalArgumentException("not a date");
  }

  /**
   * {@code yyyy-MM-dd} read digit by digit, as the formatter costs more than all the other values of a
   * statistics row; any other form, and an impossible date, go to {@link LocalDate#parse} and its messages.
   */
  private static LocalDate isoDate(String d) {
    if (d.length() == 10 && d.charAt(4) == '-' && d.charAt(7) == '-') {
      int year = digits(d, 0, 4);
      int month = digits(d, 5, 7);
      int day = digits(d, 8, 10);
      if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= Month.of(month).length(Year.isLeap(year))) {
        return LocalDate.of(year, month, day);
      }
    }
    return LocalDate.parse(d);
  }

  /** The number the ASCII digits from {@code start} to {@code end} spell, or -1 if another character is there. */
  private static int digits(String text, int start, int end) {
    int value = 0;
    for (int i = start; i < end; i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  /** Wall-clock millis: the local date-time read as UTC; an offset or zone in the text is dropped. */
  private static long timestampMillis(String t) {
    int separator = timeSeparator(t);
    LocalDate date = date(separator < 0 ? t : t.substring(0, separator));
    LocalTime time = separator < 0 ? LocalTime.MIDNIGHT : LocalTime.parse(withoutOffset(t.substring(separator + 1)));
    LocalDateTime local = LocalDateTime.of(date, time);
    return local.toEpochSecond(ZoneOffset.UTC) * 1000 + local.getNano() / 1_000_000;
  }

  private static String withoutOffset(String time) {
    int end = time.length();
    int zone = time.indexOf('[');
    if (zone >= 0) {
      end = zone;
    }
    String t = time.substring(0, end);
    if (t.endsWith("Z") || t.endsWith("z")) {
      return t.substring(0, t.length() - 1);
    }
    int sign = Math.max(t.lastIndexOf('+'), t.lastIndexOf('-'));
    return sign > 0 ? t.substring(0, sign) : t;
  }
}
