package io.github.criteojdbc.driver;

import java.sql.SQLWarning;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The warnings of one statement execution (or of a connection), as JDBC's chained
 * {@link SQLWarning}s. Warnings arrive from the querying thread and from report threads, so access
 * is synchronized; a message raised twice (planning and execution both resolve the date range) is
 * kept once.
 */
final class WarningChain {
  /** SQLState of a general warning. */
  static final String WARNING_STATE = "01000";

  private final Set<String> messages = new LinkedHashSet<>();
  private SQLWarning head;
  private SQLWarning tail;

  synchronized void add(String message) {
    if (!messages.add(message)) {
      return;
    }
    SQLWarning warning = new SQLWarning(message, WARNING_STATE);
    if (head == null) {
      head = warning;
    } else {
      tail.setNextWarning(warning);
    }
    tail = warning;
  }

  /** The first warning, chained to the others, or null when there is none. */
  synchronized SQLWarning head() {
    return head;
  }

  synchronized void clear() {
    messages.clear();
    head = null;
    tail = null;
  }
}
