package io.github.criteojdbc.client.http;

import io.github.criteojdbc.client.QueryControl;
import io.github.criteojdbc.client.ReportCancelledException;
import io.github.criteojdbc.client.ReportListener;
import io.github.criteojdbc.client.ReportTimeoutException;
import io.github.criteojdbc.client.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Everything one client call needs to know about its caller: whether to stop (cancelled, deadline
 * passed, client closed), how to tell time and wait, and where progress and warnings go.
 */
public final class CallContext {
  private final QueryControl control;
  private final Clock clock;
  private final Sleeper sleeper;
  private final BooleanSupplier clientClosed;
  private final Consumer<String> warnings;

  /** @param warnings receives each warning text; the client de-duplicates before the listener sees it */
  public CallContext(QueryControl control, Clock clock, Sleeper sleeper, BooleanSupplier clientClosed,
      Consumer<String> warnings) {
    this.control = control;
    this.clock = clock;
    this.sleeper = sleeper;
    this.clientClosed = clientClosed;
    this.warnings = warnings;
  }

  public Instant now() {
    return clock.instant();
  }

  public ReportListener listener() {
    return control.listener();
  }

  public void warn(String text) {
    warnings.accept(text);
  }

  /** True once the call must end: cancelled, past the caller's deadline, or the client closed. Any thread. */
  public boolean shouldStop() {
    return clientClosed.getAsBoolean() || control.isCancelled() || deadlinePassed();
  }

  private boolean deadlinePassed() {
    return control.deadline().map(d -> !clock.instant().isBefore(d)).orElse(false);
  }

  /** @throws ReportCancelledException or ReportTimeoutException if the call must end */
  public void checkContinue(String activity) {
    if (shouldStop()) {
      throw stopped(activity);
    }
  }

  /** The exception that says why the call ended while it was doing {@code activity}. */
  public RuntimeException stopped(String activity) {
    if (clientClosed.getAsBoolean()) {
      return new ReportCancelledException("The Criteo client was closed while " + activity);
    }
    if (control.isCancelled()) {
      return new ReportCancelledException("Query cancelled while " + activity);
    }
    return new ReportTimeoutException("Query deadline " + control.deadline().orElseThrow() + " passed while "
        + activity + "; allow more time (query timeout) or narrow the request");
  }

  /** Waits, ending early (with the matching exception) as soon as the call must stop. */
  public void sleep(Duration duration, String activity) {
    if (duration.isNegative() || duration.isZero()) {
      checkContinue(activity);
      return;
    }
    try {
      sleeper.sleep(duration, this::shouldStop);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReportCancelledException("Thread interrupted while " + activity);
    }
    checkContinue(activity);
  }
}
