package io.github.criteojdbc.client.http;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * The report-call budget of one application: at most N calls in any sliding 60-second window, and
 * a pause for everyone after the API answered 429. Holds no threads; callers ask for a slot and
 * wait (cancellably) as long as they are told.
 */
public final class SlidingWindowRateLimiter {
  public static final Duration WINDOW = Duration.ofSeconds(60);
  /**
   * A slot is held this much longer than the API's window: the API counts a call when it arrives, and a call that
   * took its slot earlier than another but arrived later would otherwise let one API window see a call too many.
   */
  static final Duration TRANSIT_MARGIN = Duration.ofSeconds(1);
  private static final Duration SLOT_HELD = WINDOW.plus(TRANSIT_MARGIN);

  private final Deque<Instant> recentCalls = new ArrayDeque<>();
  private Instant pausedUntil = Instant.MIN;

  /**
   * Takes a slot if one is free now.
   *
   * @param maxCalls the caller's budget per window; clients of one app may differ, each is honoured
   * @return zero when the slot was taken, else how long to wait before asking again
   */
  public synchronized Duration tryAcquire(Instant now, int maxCalls) {
    if (now.isBefore(pausedUntil)) {
      return Duration.between(now, pausedUntil);
    }
    Instant windowStart = now.minus(SLOT_HELD);
    while (!recentCalls.isEmpty() && !recentCalls.peekFirst().isAfter(windowStart)) {
      recentCalls.removeFirst();
    }
    if (recentCalls.size() < maxCalls) {
      recentCalls.addLast(now);
      return Duration.ZERO;
    }
    // The slot frees when the call that makes the window full ages out of it.
    Iterator<Instant> oldestFirst = recentCalls.iterator();
    for (int i = 0; i < recentCalls.size() - maxCalls; i++) {
      oldestFirst.next();
    }
    return Duration.between(now, oldestFirst.next().plus(SLOT_HELD));
  }

  /**
   * The budget as it stands, taking nothing: calls in the last {@link #WINDOW}, and when the next
   * call could start ({@code now} if at once).
   */
  public synchronized Usage usage(Instant now, int maxCalls) {
    Instant windowStart = now.minus(WINDOW);
    int calls = (int) recentCalls.stream().filter(call -> call.isAfter(windowStart)).count();
    Instant next = now;
    if (recentCalls.size() >= maxCalls) {
      Iterator<Instant> oldestFirst = recentCalls.iterator();
      for (int i = 0; i < recentCalls.size() - maxCalls; i++) {
        oldestFirst.next();
      }
      Instant frees = oldestFirst.next().plus(SLOT_HELD);
      next = frees.isAfter(now) ? frees : now;
    }
    if (pausedUntil.isAfter(next)) {
      next = pausedUntil;
    }
    return new Usage(calls, next);
  }

  /** @param nextCallAt the earliest a report call can start, {@code now} when a slot is free */
  public record Usage(int callsInWindow, Instant nextCallAt) {}

  /** After a 429: no report call of this application starts before {@code until}. */
  public synchronized void pauseUntil(Instant until) {
    if (until.isAfter(pausedUntil)) {
      pausedUntil = until;
    }
  }
}
