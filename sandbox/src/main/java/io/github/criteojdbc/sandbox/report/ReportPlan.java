package io.github.criteojdbc.sandbox.report;

import java.time.Instant;

/**
 * How a new report will behave, fixed when it is created from the fault switches of that moment.
 *
 * @param variant how the report's answers are worded, and how many status calls answer Pending before the
 *     outcome shows
 * @param readyAt the report stays Pending until this instant
 * @param outcome what the report turns into once it is no longer Pending
 * @param failureMessage the status message of a failing report
 * @param expireOnFirstDownload whether the first download of a Done report finds it expired
 * @param expiresAt when the cached result is gone (the guide promises at least an hour)
 */
public record ReportPlan(
    ReportVariant variant,
    Instant readyAt,
    Outcome outcome,
    String failureMessage,
    boolean expireOnFirstDownload,
    Instant expiresAt) {

  /** The terminal state a report reaches. */
  public enum Outcome { DONE, FAILURE, EXPIRED }
}
