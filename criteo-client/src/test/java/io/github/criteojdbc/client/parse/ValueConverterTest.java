package io.github.criteojdbc.client.parse;

import static io.github.criteojdbc.client.parse.ValueConverter.fromText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.criteojdbc.client.ValueType;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueConverterTest {
  static int day(int y, int m, int d) {
    return (int) LocalDate.of(y, m, d).toEpochDay();
  }

  static long wallClockMillis(int y, int mo, int d, int h, int mi, int s) {
    return LocalDateTime.of(y, mo, d, h, mi, s).toEpochSecond(ZoneOffset.UTC) * 1000;
  }

  @Test
  void datesFromIsoSlashedMonthAndDateTimeText() {
    assertThat(fromText("2022-01-02", ValueType.DATE)).isEqualTo(day(2022, 1, 2));
    assertThat(fromText("2020/9/10", ValueType.DATE)).isEqualTo(day(2020, 9, 10));
    assertThat(fromText("2022-03", ValueType.DATE)).isEqualTo(day(2022, 3, 1));
    assertThat(fromText("2022-01-02T23:00:00+02:00", ValueType.DATE)).isEqualTo(day(2022, 1, 2));
    assertThat(fromText("2022-01-02 05:00", ValueType.DATE)).isEqualTo(day(2022, 1, 2));
  }

  @Test
  void timestampsKeepTheWallClockAndDropAnyOffset() {
    long expected = wallClockMillis(2026, 1, 9, 8, 30, 0);
    assertThat(fromText("2026-01-09T08:30", ValueType.TIMESTAMP)).isEqualTo(expected);
    assertThat(fromText("2026-01-09T08:30:00", ValueType.TIMESTAMP)).isEqualTo(expected);
    assertThat(fromText("2026-01-09T08:30:00Z", ValueType.TIMESTAMP)).isEqualTo(expected);
    assertThat(fromText("2026-01-09T08:30:00+05:30", ValueType.TIMESTAMP)).isEqualTo(expected);
    assertThat(fromText("2026-01-09T08:30:00-0800", ValueType.TIMESTAMP)).isEqualTo(expected);
    assertThat(fromText("2026-01-09 08:30:00", ValueType.TIMESTAMP)).isEqualTo(expected);
    assertThat(fromText("2026-01-09T08:30:00.250", ValueType.TIMESTAMP)).isEqualTo(expected + 250);
    assertThat(fromText("2026-01-09", ValueType.TIMESTAMP)).isEqualTo(wallClockMillis(2026, 1, 9, 0, 0, 0));
  }

  @Test
  void numbersConvertFromTheirText() {
    assertThat(fromText("12", ValueType.INTEGER)).isEqualTo(12);
    assertThat(fromText("12.0", ValueType.LONG)).isEqualTo(12L);
    assertThat(fromText("9007199254740993", ValueType.LONG)).isEqualTo(9007199254740993L);
    assertThat(fromText("0.1", ValueType.DOUBLE)).isEqualTo(0.1);
    assertThat(fromText("0.10", ValueType.DECIMAL)).isEqualTo(new BigDecimal("0.10"));
  }

  @Test
  void emptyTextIsNullExceptForStrings() {
    assertThat(fromText("", ValueType.LONG)).isNull();
    assertThat(fromText(" ", ValueType.DATE)).isNull();
    assertThat(fromText("", ValueType.STRING)).isEqualTo("");
  }

  @Test
  void booleansFromWordsAndDigits() {
    assertThat(fromText("TRUE", ValueType.BOOLEAN)).isEqualTo(true);
    assertThat(fromText("0", ValueType.BOOLEAN)).isEqualTo(false);
  }

  @Test
  void valuesThatDoNotFitAreRejected() {
    assertThatThrownBy(() -> fromText("12.5", ValueType.LONG)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fromText("3000000000", ValueType.INTEGER)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fromText("2022-13-01", ValueType.DATE)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fromText("maybe", ValueType.BOOLEAN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fromText("abc", ValueType.DECIMAL)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void isoDatesReadAsTheFormatterReadsThem() {
    for (LocalDate date = LocalDate.of(1999, 1, 1); date.isBefore(LocalDate.of(2001, 1, 1)); date = date.plusDays(1)) {
      assertThat(fromText(date.toString(), ValueType.DATE)).isEqualTo((int) date.toEpochDay());
    }
    assertThat(fromText("0000-02-29", ValueType.DATE)).isEqualTo((int) LocalDate.of(0, 2, 29).toEpochDay());
    assertThat(fromText("+10000-01-01", ValueType.DATE)).isEqualTo((int) LocalDate.of(10000, 1, 1).toEpochDay());
  }

  @Test
  void impossibleIsoDatesAreRejected() {
    for (String text : new String[] {"2023-02-29", "2022-04-31", "2022-00-10", "2022-01-00", "2022-1a-01",
        "20x2-01-01", "2022-01-32", "2022_01_01"}) {
      assertThatThrownBy(() -> fromText(text, ValueType.DATE)).as(text).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void decimalsFromJsonNumbersKeepTheirDigitsAndScale() throws IOException {
    String[] numbers = {"1.50", "12", "-0.000", "1e3", "2.5E-3", "123456789012345678901234567890.000001",
        "98765432109876543210987654321"};
    List<Object> read = fromTokens(numbers, ValueType.DECIMAL);
    for (int i = 0; i < numbers.length; i++) {
      assertThat(read.get(i)).as(numbers[i]).isInstanceOf(BigDecimal.class);
      BigDecimal expected = new BigDecimal(numbers[i]);
      assertThat((BigDecimal) read.get(i)).as(numbers[i]).isEqualTo(expected).hasScaleOf(expected.scale());
    }
  }

  @Test
  void doublesFromJsonNumbersAreTheNearestDouble() throws IOException {
    String[] numbers = {"0.1", "0.30000000000000004", "2.2250738585072011e-308", "4.9e-324", "1.7976931348623157e308",
        "9007199254740993.0", "0.0012345678901234567890", "-123.456e-7", "1e400", "3"};
    List<Object> read = fromTokens(numbers, ValueType.DOUBLE);
    for (int i = 0; i < numbers.length; i++) {
      assertThat(read.get(i)).as(numbers[i]).isEqualTo(Double.parseDouble(numbers[i]));
    }
  }

  private static List<Object> fromTokens(String[] numbers, ValueType type) throws IOException {
    List<Object> values = new ArrayList<>();
    try (JsonParser parser = ColumnarJsonParser.FACTORY.createParser("[" + String.join(",", numbers) + "]")) {
      parser.nextToken();
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        values.add(ValueConverter.fromToken(parser, token, type));
      }
    }
    return values;
  }
}
