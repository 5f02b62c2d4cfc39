package io.github.criteojdbc.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;

class RetryBackoffTest {
  final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1));

  @RepeatedTest(20)
  void doublesPerAttemptWithJitterBetweenHalfAndFull() {
    for (int attempt = 1; attempt <= 4; attempt++) {
      long ceiling = 1000L << (attempt - 1);
      assertThat(backoff.delay(attempt).toMillis()).isBetween(ceiling / 2, ceiling);
    }
  }

  @RepeatedTest(20)
  void neverExceedsTheCapHoweverManyAttempts() {
    assertThat(backoff.delay(40)).isLessThanOrEqualTo(RetryBackoff.CAP);
  }
}
