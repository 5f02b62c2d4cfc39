package io.github.criteojdbc.reliability;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Waits on conditions instead of the clock, each with a deadline generous enough for a loaded 2-core machine: the
 * deadline only turns a condition that never comes into a failure instead of a hung build.
 */
final class Await {
  static final Duration GENEROUSLY = Duration.ofSeconds(60);
  private static final long POLL_MILLIS = 10;

  private Await() {
  }

  static void until(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + GENEROUSLY.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("waited " + GENEROUSLY.toSeconds() + " s, in vain, until " + what);
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  /**
   * Asserts that {@code count} no longer grows once a stopped query is over. A call already on the wire when the
   * query stopped may reach the sandbox's log late, so the count must first hold still for {@code quiet} (it never
   * does while the driver still polls, every 50 ms in this suite); then it must not move for {@code watch}.
   * Absence can only be watched for a time, so this one part waits by the clock.
   */
  static void noMoreCalls(String what, LongSupplier count, Duration quiet, Duration watch)
      throws InterruptedException {
    long deadline = System.nanoTime() + GENEROUSLY.toNanos();
    long calls = count.getAsLong();
    long stillSince = System.nanoTime();
    while (System.nanoTime() - stillSince < quiet.toNanos()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(what + " never held still for " + quiet.toMillis() + " ms: the driver kept calling");
      }
      Thread.sleep(POLL_MILLIS);
      long now = count.getAsLong();
      if (now != calls) {
        calls = now;
        stillSince = System.nanoTime();
      }
    }
    Thread.sleep(watch.toMillis());
    if (count.getAsLong() != calls) {
      throw new AssertionError(what + " went on from " + calls + " to " + count.getAsLong() + " after the error");
    }
  }
}
