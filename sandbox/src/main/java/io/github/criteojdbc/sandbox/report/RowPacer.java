package io.github.criteojdbc.sandbox.report;

import java.io.Flushable;
import java.io.IOException;
import java.time.Duration;

/** Slows a download down: after every thousand rows it flushes what it has and pauses. */
final class RowPacer {
  private static final int ROWS_PER_PAUSE = 1000;

  private final Duration pause;
  private long rows;

  RowPacer(Duration pause) {
    this.pause = pause;
  }

  void rowWritten(Flushable out) throws IOException {
    rows++;
    if (pause.isZero() || rows % ROWS_PER_PAUSE != 0) {
      return;
    }
    out.flush();
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("download interrupted", e);
    }
  }
}
