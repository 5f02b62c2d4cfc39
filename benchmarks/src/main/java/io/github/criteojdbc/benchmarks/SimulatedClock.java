package io.github.criteojdbc.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The instant a sandbox and a driver's report cache share, moved by the benchmark to replay "24 hours later". */
final class SimulatedClock extends Clock {
  private volatile Instant now;

  SimulatedClock(Instant start) {
    this.now = start;
  }

  void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override public Instant instant() {
    return now;
  }

  @Override public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the simulated clock is UTC only");
  }
}
