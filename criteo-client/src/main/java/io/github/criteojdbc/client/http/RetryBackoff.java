package io.github.criteojdbc.client.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: attempt n waits between half and all of {@code base × 2^(n-1)},
 * capped at 30 s. The jitter keeps many clients that failed together from retrying together; with
 * this range each wait is still at least as long as the previous one.
 */
public final class RetryBackoff {
  static final Duration CAP = Duration.ofSeconds(30);

  private final Duration base;

  public RetryBackoff(Duration base) {
    this.base = base;
  }

  /** @param attempt 1 for the first retry */
  public Duration delay(int attempt) {
    long ceiling = Math.min(CAP.toNanos(), base.toNanos() << Math.min(attempt - 1, 30));
    if (ceiling <= 0) {
      ceiling = CAP.toNanos();
    }
    double factor = 0.5 + 0.5 * ThreadLocalRandom.current().nextDouble();
    return Duration.ofNanos((long) (ceiling * factor));
  }
}
