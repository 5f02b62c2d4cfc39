package io.github.criteojdbc.driver;

import java.util.function.Consumer;

/**
 * Receives one connection's adapter warnings and hands each to the statement it belongs to: the
 * statement running on the warning's thread, else the statement that last started running (reports
 * fetched on other threads), else the connection. Reports are created lazily, so warnings arrive
 * during {@code execute} and during the first {@code ResultSet.next()} alike. It also tells the
 * adapter the row cap of the statement running on the calling thread.
 */
final class WarningRouter implements Consumer<String> {
  private final WarningChain connectionWarnings = new WarningChain();
  private final ThreadLocal<StatementScope> running = new ThreadLocal<>();
  private volatile StatementScope latest;

  @Override public void accept(String message) {
    StatementScope target = running.get();
    if (target == null) {
      target = latest;
    }
    (target == null ? connectionWarnings : target.warnings()).add(message);
  }

  WarningChain connectionWarnings() {
    return connectionWarnings;
  }

  /** {@code setMaxRows} of the statement running on this thread, 0 when none is or it has none. */
  long runningMaxRows() {
    StatementScope scope = running.get();
    return scope == null ? 0 : scope.maxRows();
  }

  /**
   * Starts a step of a statement's execution: until {@link #exit}, warnings go to {@code scope}.
   * Allocation-free, and without a volatile write when the same statement goes on reading, as it
   * runs around every {@code ResultSet.next()}.
   *
   * @return what {@link #exit} restores
   */
  StatementScope enter(StatementScope scope) {
    StatementScope outer = running.get();
    running.set(scope);
    if (latest != scope) {
      latest = scope;
    }
    return outer;
  }

  /**
   * Ends the step {@link #enter} started. Leaves an empty slot rather than removing the thread's
   * entry, as a removal also sweeps the thread's map, a cost paid per row.
   */
  void exit(StatementScope outer) {
    running.set(outer);
  }
}
