package io.github.criteojdbc.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Every java.util.logging record of the JVM at every level while open: the driver's logger (which stops passing
 * records to the root once {@code logLevel} is set) and the root (Calcite and the relocated SLF4J binding). Each
 * line is kept as formatted, with its stack trace.
 */
final class LogCapture extends Handler implements AutoCloseable {
  private static final String DRIVER_LOGGER = "io.github.criteojdbc";

  private final SimpleFormatter formatter = new SimpleFormatter();
  private final List<String> lines = new ArrayList<>();
  private final Logger root = Logger.getLogger("");
  private final Logger driver = Logger.getLogger(DRIVER_LOGGER);
  private final Level rootLevel = root.getLevel();
  private final Level driverLevel = driver.getLevel();

  private LogCapture() {
    setLevel(Level.ALL);
  }

  static LogCapture everything() {
    LogCapture capture = new LogCapture();
    capture.root.setLevel(Level.ALL);
    capture.driver.setLevel(Level.ALL);
    capture.root.addHandler(capture);
    capture.driver.addHandler(capture);
    return capture;
  }

  @Override
  public synchronized void publish(LogRecord record) {
    StringBuilder line = new StringBuilder(record.getLoggerName() + " " + Thread.currentThread().getName() + " "
        + record.getLevel() + " " + formatter.formatMessage(record));
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      line.append('\n').append(trace);
    }
    lines.add(line.toString());
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void flush() {
  }

  @Override
  public void close() {
    root.removeHandler(this);
    driver.removeHandler(this);
    root.setLevel(rootLevel);
    driver.setLevel(driverLevel);
  }
}
