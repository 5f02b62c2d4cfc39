package io.github.criteojdbc.sandbox;

import java.time.Instant;

/** The instant the sandbox's tests start at. */
final class TestTime {
  /** A Wednesday morning, well inside the data window of every test. */
  static final Instant NOW = Instant.parse("2026-03-18T10:30:00Z");

  private TestTime() {
  }

  /** A clock at {@link #NOW}, which the test may move. */
  static MovableClock clock() {
    return new MovableClock(NOW);
  }
}
