package io.github.criteojdbc.client;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What a caller hands each call: a way to cancel it (from any thread), an optional deadline and a
 * progress listener.
 */
public final class QueryControl {
  private final BooleanSupplier cancelledByCaller;
  private final Optional<Instant> deadline;
  private final ReportListener listener;
  private volatile boolean cancelled;

  private QueryControl(BooleanSupplier cancelledByCaller, Optional<Instant> deadline, ReportListener listener) {
    this.cancelledByCaller = cancelledByCaller;
    this.deadline = deadline;
    this.listener = listener;
  }

  /** No deadline, no listener; still cancellable through {@link #cancel()}. */
  public static QueryControl none() {
    return new QueryControl(() -> false, Optional.empty(), ReportListener.NONE);
  }

  /**
   * @param cancelled polled while the call waits or downloads, also from the client's watchdog
   *     thread, so it must be thread-safe and cheap; true means stop
   * @param deadline when the call must give up with {@link ReportTimeoutException}
   */
  public static QueryControl of(BooleanSupplier cancelled, Optional<Instant> deadline, ReportListener listener) {
    return new QueryControl(
        cancelled != null ? cancelled : () -> false,
        Objects.requireNonNull(deadline, "deadline"),
        listener != null ? listener : ReportListener.NONE);
  }

  /** Cancels the call using this control; it stops within a second. Safe from any thread. */
  public void cancel() {
    cancelled = true;
  }

  public boolean isCancelled() {
    return cancelled || cancelledByCaller.getAsBoolean();
  }

  public Optional<Instant> deadline() {
    return deadline;
  }

  public ReportListener listener() {
    return listener;
  }
}
