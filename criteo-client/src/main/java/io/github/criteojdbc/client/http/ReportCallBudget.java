package io.github.criteojdbc.client.http;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The report-call budget of one application: at most N report calls in any sliding
 * {@link #WINDOW}, and a pause for all of them after the API answered 429. Criteo counts the
 * calls per application wherever they come from, so every client of an application must ask the
 * same budget: the JVM's own ({@link SlidingWindowRateLimiter}), or one that servers share.
 */
public interface ReportCallBudget {
  Duration WINDOW = Duration.ofSeconds(60);
  /**
   * A slot is held this much longer than the API's window: the API counts a call when it arrives, and a call that
   * took its slot earlier than another but arrived later would otherwise let one API window see a call too many.
   */
  Duration TRANSIT_MARGIN = Duration.ofSeconds(1);
  Duration SLOT_HELD = WINDOW.plus(TRANSIT_MARGIN);

  /**
   * Takes a slot if one is free now.
   *
   * @param maxCalls the caller's budget per window; clients of one app may differ, each is honoured
   * @return zero when the slot was taken, else how long to wait before asking again
   */
  Duration tryAcquire(Instant now, int maxCalls);

  /**
   * The budget as it stands, taking nothing: calls in the last {@link #WINDOW}, and when the next
   * call could start ({@code now} if at once).
   */
  Usage usage(Instant now, int maxCalls);

  /** After a 429: no report call of this application starts before {@code until}. */
  void pauseUntil(Instant until);

  /** What the users of this budget should be told about it now, such as a budget cut while it cannot be shared. */
  default Optional<String> notice() {
    return Optional.empty();
  }

  /** @param nextCallAt the earliest a report call can start, {@code now} when a slot is free */
  record Usage(int callsInWindow, Instant nextCallAt) {}
}
