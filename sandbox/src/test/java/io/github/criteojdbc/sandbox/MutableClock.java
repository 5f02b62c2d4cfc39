package io.github.criteojdbc.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand. Test helper. */
final class MutableClock extends Clock {
  /** A Wednesday morning, well inside the data window of every test. */
  static final Instant NOW = Instant.parse("2026-03-18T10:30:00Z");

  private volatile Instant now;

  MutableClock(Instant now) {
    this.now = now;
  }

  static MutableClock atNow() {
    return new MutableClock(NOW);
  }

  void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("tests use UTC");
  }
}
