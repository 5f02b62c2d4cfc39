package io.github.criteojdbc.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock moved by hand, for a sandbox ({@link SandboxOptions.Builder#clock}) and the driver under test to
 * share, so that a session can be replayed at another time ("24 hours later") without waiting.
 */
public final class MovableClock extends Clock {
  private volatile Instant now;

  public MovableClock(Instant start) {
    this.now = start;
  }

  public void set(Instant instant) {
    now = instant;
  }

  public void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override public Instant instant() {
    return now;
  }

  @Override public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a movable clock is in UTC only");
  }
}
