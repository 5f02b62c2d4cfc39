package io.github.criteojdbc.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** A sliding 60-second window of admitted report calls per client id. */
final class RateLimiter {
  static final Duration WINDOW = Duration.ofSeconds(60);

  private final Map<String, Deque<Instant>> callsByClient = new HashMap<>();

  /**
   * The verdict on one call and the header values to send.
   *
   * @param resetEpochSeconds when the oldest call in the window leaves it and a slot frees (now if the window is empty)
   */
  record Decision(boolean admitted, int limit, int remaining, long resetEpochSeconds) {}

  synchronized Decision admit(String clientId, int limit, Instant now) {
    Deque<Instant> calls = callsByClient.computeIfAbsent(clientId, id -> new ArrayDeque<>());
    while (!calls.isEmpty() && !calls.peekFirst().plus(WINDOW).isAfter(now)) {
      calls.removeFirst();
    }
    boolean admitted = calls.size() < limit;
    if (admitted) {
      calls.addLast(now);
    }
    Instant reset = calls.isEmpty() ? now : calls.peekFirst().plus(WINDOW);
    return new Decision(admitted, limit, Math.max(0, limit - calls.size()), ceilSeconds(reset));
  }

  static long ceilSeconds(Instant instant) {
    return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
  }
}
