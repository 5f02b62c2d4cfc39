package io.github.criteojdbc.driver.shell;

import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Prints a line on stderr each time a report is created or polled, so a shell user sees that a
 * query is waiting for Criteo rather than hanging. It listens to the client's report lifecycle
 * log, which carries exactly these events at FINE.
 */
final class ReportProgress extends Handler {
  /** Held strongly: java.util.logging keeps loggers weakly, and a collected logger forgets its level. */
  private static final Logger LIFECYCLE = Logger.getLogger("io.github.criteojdbc.client.ReportLifecycle");

  private final PrintStream out;

  private ReportProgress(PrintStream out) {
    this.out = out;
    setLevel(Level.FINE);
  }

  static void printTo(PrintStream out) {
    LIFECYCLE.setLevel(Level.FINE);
    LIFECYCLE.setUseParentHandlers(false);
    LIFECYCLE.addHandler(new ReportProgress(out));
  }

  @Override public void publish(LogRecord record) {
    if (isLoggable(record)) {
      out.println("... " + record.getMessage());
    }
  }

  @Override public void flush() {
    out.flush();
  }

  @Override public void close() {
    flush();
  }
}
