package io.github.criteojdbc.sandbox;

import io.github.criteojdbc.sandbox.report.ReportPlan;
import io.github.criteojdbc.sandbox.report.ReportPlan.Outcome;
import io.github.criteojdbc.sandbox.report.ReportVariant;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Fixes how a new report will behave from the fault switches at its creation and its serial number, which picks
 * its variant unless a switch pins one; at most one outcome fault fires.
 */
final class ReportPlans {
  private final SandboxFaults faults;
  private final Duration reportTtl;

  ReportPlans(SandboxFaults faults, Duration reportTtl) {
    this.faults = faults;
    this.reportTtl = reportTtl;
  }

  ReportPlan next(Instant now, long serial) {
    Optional<String> failure = faults.takeReportFailure();
    boolean expired = failure.isEmpty() && faults.takeReportExpiry();
    boolean expireOnDownload = failure.isEmpty() && !expired && faults.takeExpireAfterDone();
    Outcome outcome = failure.isPresent() ? Outcome.FAILURE : expired ? Outcome.EXPIRED : Outcome.DONE;
    ReportVariant variant = faults.pinnedVariant().orElseGet(() -> ReportVariant.forSerial(serial));
    if (faults.pendingPolls().isPresent()) {
      variant = variant.withPendingPolls(faults.pendingPolls().getAsInt());
    }
    return new ReportPlan(variant, now.plus(faults.pendingFor()), outcome, failure.orElse(null),
        expireOnDownload, now.plus(reportTtl));
  }
}
