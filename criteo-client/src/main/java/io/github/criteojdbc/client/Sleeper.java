package io.github.criteojdbc.client;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** How the client waits. Replaceable so tests can run on a fake clock without real waiting. */
@FunctionalInterface
public interface Sleeper {
  /**
   * Waits for {@code duration}, returning early as soon as {@code wakeUp} is true. Implementations
   * must notice {@code wakeUp} within a fraction of a second.
   */
  void sleep(Duration duration, BooleanSupplier wakeUp) throws InterruptedException;

  /** Real time, checking {@code wakeUp} every 20 ms. */
  static Sleeper system() {
    return (duration, wakeUp) -> {
      long end = System.nanoTime() + duration.toNanos();
      long left;
      while (!wakeUp.getAsBoolean() && (left = end - System.nanoTime()) > 0) {
        Thread.sleep(Math.max(1, Math.min(20, left / 1_000_000)));
      }
    };
  }
}
