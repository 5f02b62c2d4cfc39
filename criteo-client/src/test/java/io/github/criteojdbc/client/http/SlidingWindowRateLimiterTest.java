package io.github.criteojdbc.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlidingWindowRateLimiterTest {
  final SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter();
  final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void grantsUpToTheBudgetThenSaysWhenTheOldestCallAgesOut() {
    assertThat(limiter.tryAcquire(t0, 3)).isZero();
    assertThat(limiter.tryAcquire(t0.plusSeconds(10), 3)).isZero();
    assertThat(limiter.tryAcquire(t0.plusSeconds(20), 3)).isZero();

    assertThat(limiter.tryAcquire(t0.plusSeconds(30), 3)).isEqualTo(Duration.ofSeconds(31));
    assertThat(limiter.tryAcquire(t0.plusSeconds(61), 3)).isZero();
  }

  @Test
  void aSlotIsHeldOneSecondPastTheApiWindowSoACallSlowInTransitNeverCrowdsIt() {
    assertThat(limiter.tryAcquire(t0, 1)).isZero();

    assertThat(limiter.tryAcquire(t0.plusSeconds(60), 1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(limiter.tryAcquire(t0.plusSeconds(61), 1)).isZero();
  }

  @Test
  void neverAllowsMoreThanTheBudgetInAnySlidingMinute() {
    List<Instant> granted = new ArrayList<>();
    Instant now = t0;
    while (granted.size() < 20) {
      Duration wait = limiter.tryAcquire(now, 4);
      if (wait.isZero()) {
        granted.add(now);
        now = now.plusSeconds(7);
      } else {
        now = now.plus(wait);
      }
    }
    for (Instant start : granted) {
      long inWindow = granted.stream().filter(t -> !t.isBefore(start) && t.isBefore(start.plusSeconds(60))).count();
      assertThat(inWindow).isLessThanOrEqualTo(4);
    }
  }

  @Test
  void eachClientOfAnAppIsHeldToItsOwnBudget() {
    limiter.tryAcquire(t0, 5);
    limiter.tryAcquire(t0, 5);

    assertThat(limiter.tryAcquire(t0, 2)).isPositive();
    assertThat(limiter.tryAcquire(t0, 5)).isZero();
  }

  @Test
  void pauseAfterA429HoldsEveryoneUntilTheReset() {
    limiter.pauseUntil(t0.plusSeconds(42));

    assertThat(limiter.tryAcquire(t0, 40)).isEqualTo(Duration.ofSeconds(42));
    assertThat(limiter.tryAcquire(t0.plusSeconds(42), 40)).isZero();
  }

  @Test
  void anEarlierPauseNeverShortensALaterOne() {
    limiter.pauseUntil(t0.plusSeconds(30));
    limiter.pauseUntil(t0.plusSeconds(10));

    assertThat(limiter.tryAcquire(t0, 40)).isEqualTo(Duration.ofSeconds(30));
  }
}
