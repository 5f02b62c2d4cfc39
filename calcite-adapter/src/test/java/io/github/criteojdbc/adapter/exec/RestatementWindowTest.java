package io.github.criteojdbc.adapter.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A day is settled once 120 hours have passed since its last midnight in the report's zone. */
class RestatementWindowTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 10);
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Test void dayIsSettledExactly120HoursAfterItEnds() {
    assertThat(RestatementWindow.settled(DAY, ZoneOffset.UTC, Instant.parse("2026-11-16T00:00:00Z"))).isTrue();
    assertThat(RestatementWindow.settled(DAY, ZoneOffset.UTC, Instant.parse("2026-11-15T23:59:59Z"))).isFalse();
  }

  @Test void dayEndsAtMidnightOfTheReportZone() {
    // 11 November 00:00 in Paris is 10 November 23:00 UTC.
    assertThat(RestatementWindow.settled(DAY, PARIS, Instant.parse("2026-11-15T23:00:00Z"))).isTrue();
    assertThat(RestatementWindow.settled(DAY, PARIS, Instant.parse("2026-11-15T22:59:59Z"))).isFalse();
  }

  @Test void shortDayOfASummerTimeChangeEndsAtItsOwnMidnight() {
    // 29 March 2026 has 23 hours in Paris; it ends at 30 March 00:00+02:00, 22:00 UTC on the 29th.
    LocalDate spring = LocalDate.of(2026, 3, 29);
    assertThat(RestatementWindow.settled(spring, PARIS, Instant.parse("2026-04-03T22:00:00Z"))).isTrue();
    assertThat(RestatementWindow.settled(spring, PARIS, Instant.parse("2026-04-03T21:59:59Z"))).isFalse();
  }

  @Test void lastSettledDayOfAFetchAtNoonIsSixDaysBefore() {
    assertThat(RestatementWindow.lastSettledDay(ZoneOffset.UTC, Instant.parse("2026-11-22T12:30:00Z")))
        .isEqualTo(LocalDate.of(2026, 11, 16));
  }
}
