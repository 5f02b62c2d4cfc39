package io.github.criteojdbc.client.http;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * The report-call budget of one application in this JVM: the times of the calls of the last
 * window, in memory. Holds no threads; callers ask for a slot and wait (cancellably) as long as
 * they are told.
 */
public final class SlidingWindowRateLimiter implements ReportCallBudget {

  private final Deque<Instant> recentCalls = new ArrayDeque<>();
  private Instant pausedUntil = Instant.MIN;

  @Override public synchronized Duration tryAcquire(Instant now, int maxCalls) {
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

  @Override public synchronized Usage usage(Instant now, int maxCalls) {
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

  @Override public synchronized void pauseUntil(Instant until) {
    if (until.isAfter(pausedUntil)) {
      pausedUntil = until;
    }
  }
}
