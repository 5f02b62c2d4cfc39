package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.client.QueryControl;
import io.github.criteojdbc.client.ReportListener;

import org.apache.calcite.DataContext;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** Builds the client's cancellation and deadline from a statement's {@link DataContext}. */
final class QueryControls {
  private QueryControls() {
  }

  /**
   * {@code Statement.cancel()} sets the cancel flag; {@code setQueryTimeout} sets the timeout
   * variable, which Calcite itself only enforces between rows; {@code closed} is set when the
   * scan is abandoned, so reports still being waited for are given up.
   */
  static QueryControl from(DataContext root, AtomicBoolean closed, ReportListener listener) {
    AtomicBoolean cancelFlag = DataContext.Variable.CANCEL_FLAG.get(root);
    Long timeoutMillis = DataContext.Variable.TIMEOUT.get(root);
    Optional<Instant> deadline = timeoutMillis == null || timeoutMillis <= 0
        ? Optional.empty() : Optional.of(Instant.now().plusMillis(timeoutMillis));
    return QueryControl.of(() -> closed.get() || cancelFlag != null && cancelFlag.get(), deadline,
        listener);
  }
}
