package io.github.criteojdbc.client.parse;

import static io.github.criteojdbc.client.parse.ValueConverter.fromText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.criteojdbc.client.ValueType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
}
