package io.github.criteojdbc.sandbox;

import io.github.criteojdbc.sandbox.report.ReportPlan;
import io.github.criteojdbc.sandbox.report.ReportPlan.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Fixes how a new report will behave from the fault switches at its creation; at most one outcome fault fires. */
final class ReportPlans {
  private final SandboxFaults faults;
  private final Duration reportTtl;

  ReportPlans(SandboxFaults faults, Duration reportTtl) {
    this.faults = faults;
    this.reportTtl = reportTtl;
  }

  ReportPlan next(Instant now) {
    Optional<String> failure = faults.takeReportFailure();
    boolean expired = failure.isEmpty() && faults.takeReportExpiry();
    boolean expireOnDownload = failure.isEmpty() && !expired && faults.takeExpireAfterDone();
    Outcome outcome = failure.isPresent() ? Outcome.FAILURE : expired ? Outcome.EXPIRED : Outcome.DONE;
    return new ReportPlan(faults.pendingPolls(), now.plus(faults.pendingFor()), outcome, failure.orElse(null),
        expireOnDownload, now.plus(reportTtl));
  }
}
