package io.github.criteojdbc.driver;

import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code logLevel} property. The driver logs through java.util.logging, which every host has
 * and which never clashes with the host's own SLF4J set-up (Calcite's SLF4J calls are bound to it
 * inside the jar). SLF4J-style names are accepted because that is what users know.
 */
final class LogLevels {
  /** Held strongly: java.util.logging keeps loggers weakly, and a collected logger forgets its level. */
  private static final Logger DRIVER_LOGGER = Logger.getLogger("io.github.criteojdbc");
  private static Handler stderr;

  private LogLevels() {
  }

  /** @param name a choice of {@link DriverProperty#LOG_LEVEL}, already checked */
  static Level parse(String name) {
    switch (name.toUpperCase(Locale.ROOT)) {
      case "ERROR":
        return Level.SEVERE;
      case "WARN":
        return Level.WARNING;
      case "DEBUG":
        return Level.FINE;
      case "TRACE":
        return Level.FINEST;
      default:
        return Level.parse(name.toUpperCase(Locale.ROOT));
    }
  }

  /**
   * Sets the level of the driver's logger and prints its records at that level to stderr, so
   * that {@code logLevel=DEBUG} shows the polls without a logging.properties file.
   */
  static synchronized void apply(Level level) {
    DRIVER_LOGGER.setLevel(level);
    if (stderr == null) {
      stderr = new ConsoleHandler();
      DRIVER_LOGGER.addHandler(stderr);
      // Our handler prints the records already; the root's console handler would print them twice.
      DRIVER_LOGGER.setUseParentHandlers(false);
    }
    stderr.setLevel(level);
  }
}
