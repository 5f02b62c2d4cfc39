package io.github.criteojdbc.sandbox.report;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * All reports of one server. Like the MPO guide says, identical export requests may reuse cached results: an
 * identical request gets the earlier export back while it is Pending or Done and not expired. Nothing documents
 * such reuse for the statistics and audience reports, so each of their creations makes a new report.
 */
public final class ReportRegistry {
  private final Map<String, Report> reportsById = new ConcurrentHashMap<>();
  private final Map<RequestKey, Report> reportsByRequest = new HashMap<>();

  public synchronized void add(Report report) {
    reportsById.put(report.id(), report);
  }

  public synchronized Report findOrCreate(RequestKey key, Instant now, Supplier<Report> create) {
    Report earlier = reportsByRequest.get(key);
    if (earlier != null && earlier.isReusable(now)) {
      return earlier;
    }
    forgetExpired(now);
    Report report = create.get();
    reportsById.put(report.id(), report);
    reportsByRequest.put(key, report);
    return report;
  }

  /** A report is visible only to the client that created it. */
  public Optional<Report> find(String id, String clientId) {
    return Optional.ofNullable(reportsById.get(id)).filter(report -> report.clientId().equals(clientId));
  }

  /** Drops the request index entries of expired reports; their rows are already released. */
  private void forgetExpired(Instant now) {
    reportsByRequest.values().removeIf(report -> !report.isReusable(now));
  }
}
