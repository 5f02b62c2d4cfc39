package io.github.criteojdbc.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The canonical form compares meaning: equal values of different classes agree, different values never do. */
class CanonicalValueTest {

  @Test
  void decimalsAgreeWhateverTheirScaleOrClass() {
    assertThat(CanonicalValue.of(ValueKind.DECIMAL, new BigDecimal("12.30")))
        .isEqualTo(CanonicalValue.of(ValueKind.DECIMAL, new BigDecimal("12.3")))
        .isEqualTo(CanonicalValue.ofText(ValueKind.DECIMAL, "12.300"))
        .isEqualTo("12.3");
    assertThat(CanonicalValue.of(ValueKind.BIGINT, 1200L)).isEqualTo(CanonicalValue.of(ValueKind.DECIMAL, new BigDecimal("1.2E+3")));
  }

  @Test
  void doublesAgreeWithinTenSignificantDigitsOnly() {
    assertThat(CanonicalValue.of(ValueKind.APPROXIMATE, 0.1 + 0.2)).isEqualTo(CanonicalValue.of(ValueKind.APPROXIMATE, 0.3));
    assertThat(CanonicalValue.of(ValueKind.APPROXIMATE, 0.30001)).isNotEqualTo(CanonicalValue.of(ValueKind.APPROXIMATE, 0.3));
  }

  @Test
  void datesAndTimestampsAreIsoLocalValuesWhateverTheirClass() {
    assertThat(CanonicalValue.of(ValueKind.DATE, Date.valueOf("2026-11-24")))
        .isEqualTo(CanonicalValue.of(ValueKind.DATE, LocalDate.of(2026, 11, 24)))
        .isEqualTo(CanonicalValue.ofText(ValueKind.DATE, "2026-11-24"));
    assertThat(CanonicalValue.of(ValueKind.TIMESTAMP, Timestamp.valueOf("2026-11-24 07:00:00")))
        .isEqualTo(CanonicalValue.of(ValueKind.TIMESTAMP, LocalDateTime.of(2026, 11, 24, 7, 0)))
        .isEqualTo(CanonicalValue.ofText(ValueKind.TIMESTAMP, "2026-11-24 07:00:00"))
        .isEqualTo("2026-11-24T07:00:00");
  }

  @Test
  void aValueOfTheWrongClassIsReportedNotRendered() {
    assertThatThrownBy(() -> CanonicalValue.of(ValueKind.BIGINT, new Object[] {1L}))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("[1]");
  }

  @Test
  void multisetsCountDuplicates() {
    List<List<String>> once = List.of(List.of("a"), List.of("b"));
    List<List<String>> twice = List.of(List.of("a"), List.of("b"), List.of("b"));
    assertThat(RowMultiset.difference("x", once, "y", List.of(List.of("b"), List.of("a")))).isEmpty();
    assertThat(RowMultiset.difference("x", once, "y", twice)).contains("only in y: 1 ([b])");
  }
}
