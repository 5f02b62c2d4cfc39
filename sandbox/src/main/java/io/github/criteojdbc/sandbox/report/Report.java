package io.github.criteojdbc.sandbox.report;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * One async report (or MPO export) and its life: Pending (the first time Unknown, if its variant says so) for the
 * planned number of polls and time, then Done, Failure or Expired as planned, and Expired once its cache time is
 * over. The rows are computed once, when the report turns Done, from data as of the creation instant.
 */
public final class Report {
  private final String id;
  private final String clientId;
  private final ReportPlan plan;
  private final Supplier<ExportTable> content;
  private ReportStatus status = ReportStatus.PENDING;
  private int pendingPollsLeft;
  private ExportTable table;

  public Report(String id, String clientId, ReportPlan plan, Supplier<ExportTable> content) {
    this.id = id;
    this.clientId = clientId;
    this.plan = plan;
    this.content = content;
    this.pendingPollsLeft = plan.variant().pendingPolls();
  }

  public ReportVariant variant() {
    return plan.variant();
  }

  public String id() {
    return id;
  }

  public String clientId() {
    return clientId;
  }

  /** A status call: uses up one planned Pending answer, if any are left. */
  public synchronized ReportStatus poll(Instant now, boolean holdPending) {
    expireIfDue(now);
    if (status == ReportStatus.PENDING && pendingPollsLeft > 0) {
      boolean first = pendingPollsLeft == plan.variant().pendingPolls();
      pendingPollsLeft--;
      return first && plan.variant().unknownFirst() ? ReportStatus.UNKNOWN : status;
    }
    return current(now, holdPending);
  }

  /** The status as it stands, without using up a planned Pending answer. */
  public synchronized ReportStatus current(Instant now, boolean holdPending) {
    expireIfDue(now);
    if (status == ReportStatus.PENDING && pendingPollsLeft == 0 && !holdPending && !now.isBefore(plan.readyAt())) {
      settle();
    }
    return status;
  }

  /** The status without moving the report on: what a reused create request reports. */
  public synchronized ReportStatus observed(Instant now) {
    expireIfDue(now);
    return status;
  }

  /** The status message: {@code rows_count=N} when Done, the failure text on Failure, else none. */
  public synchronized String message() {
    return switch (status) {
      case DONE -> "rows_count=" + table.rowCount();
      case FAILURE -> plan.failureMessage();
      case UNKNOWN, PENDING, EXPIRED -> null;
    };
  }

  public synchronized Download download(Instant now, boolean holdPending) {
    return switch (current(now, holdPending)) {
      case UNKNOWN, PENDING -> new Download.NotReady(status);
      case FAILURE -> new Download.Failed(plan.failureMessage());
      case EXPIRED -> new Download.Expired();
      case DONE -> firstDownload();
    };
  }

  /** Whether an identical request may be answered with this report: it still holds, or will hold, rows. */
  public synchronized boolean isReusable(Instant now) {
    expireIfDue(now);
    return status == ReportStatus.PENDING || status == ReportStatus.DONE;
  }

  private Download firstDownload() {
    if (plan.expireOnFirstDownload()) {
      expire();
      return new Download.Expired();
    }
    return new Download.Ready(table);
  }

  private void settle() {
    switch (plan.outcome()) {
      case DONE -> {
        table = content.get();
        status = ReportStatus.DONE;
      }
      case FAILURE -> status = ReportStatus.FAILURE;
      case EXPIRED -> status = ReportStatus.EXPIRED;
    }
  }

  private void expireIfDue(Instant now) {
    if (!now.isBefore(plan.expiresAt())) {
      expire();
    }
  }

  private void expire() {
    status = ReportStatus.EXPIRED;
    table = null;
  }
}
