package io.github.criteojdbc.driver;

import java.util.function.Consumer;

/**
 * Receives one connection's adapter warnings and hands each to the statement it belongs to: the
 * statement running on the warning's thread, else the statement that last started running (reports
 * fetched on other threads), else the connection. Reports are created lazily, so warnings arrive
 * during {@code execute} and during the first {@code ResultSet.next()} alike.
 */
final class WarningRouter implements Consumer<String> {
  private final WarningChain connectionWarnings = new WarningChain();
  private final ThreadLocal<WarningChain> running = new ThreadLocal<>();
  private volatile WarningChain latest;

  @Override public void accept(String message) {
    WarningChain target = running.get();
    if (target == null) {
      target = latest;
    }
    (target == null ? connectionWarnings : target).add(message);
  }

  WarningChain connectionWarnings() {
    return connectionWarnings;
  }

  /**
   * Starts a step of a statement's execution: until {@link #exit}, warnings go to {@code chain}.
   * Allocation-free, as it runs around every {@code ResultSet.next()}.
   *
   * @return what {@link #exit} restores
   */
  WarningChain enter(WarningChain chain) {
    WarningChain outer = running.get();
    running.set(chain);
    latest = chain;
    return outer;
  }

  /** Ends the step {@link #enter} started. */
  void exit(WarningChain outer) {
    if (outer == null) {
      running.remove();
    } else {
      running.set(outer);
    }
  }
}
