package io.github.criteojdbc.client;

import java.time.Duration;

/** Progress of one query's reports. Called on the querying thread; every method defaults to no-op. */
public interface ReportListener {
  ReportListener NONE = new ReportListener() {};

  /** @param kind {@code statistics}, {@code audience-performance} or {@code mpo-realtime} */
  default void reportCreated(String kind, String reportId, String requestSummary) {}

  default void statusPolled(String reportId, String status, Duration waited) {}

  default void downloadStarted(String reportId, Duration waited) {}

  /** A report call (create, status or output, a retry included) is about to be sent. */
  default void reportCallSent() {}

  /** The call about to be sent waited this long for a slot of the application's call budget. */
  default void waitedForBudget(Duration waited) {}

  /** API deprecation notices and response {@code warnings}; each distinct text once per client. */
  default void warning(String message) {}
}
