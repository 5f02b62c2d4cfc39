package io.github.criteojdbc.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/** Every request the sandbox received, in arrival order, bodies included. Thread-safe. */
public final class RequestLog {
  private final List<LoggedRequest> requests = new ArrayList<>();
  private final LongAdder servingNanos = new LongAdder();

  RequestLog() {}

  synchronized void add(LoggedRequest request) {
    requests.add(request);
  }

  void served(long nanos) {
    servingNanos.add(nanos);
  }

  /**
   * The time the sandbox spent answering its requests, body writing included, added over every
   * request since the last {@link #clear()}: what a benchmark subtracts to find the client's own time.
   */
  public Duration servingTime() {
    return Duration.ofNanos(servingNanos.sum());
  }

  /** A snapshot of the log. */
  public synchronized List<LoggedRequest> all() {
    return List.copyOf(requests);
  }

  public synchronized long count(Predicate<LoggedRequest> which) {
    return requests.stream().filter(which).count();
  }

  /** POSTs to any of the three report-create endpoints. */
  public long reportCreations() {
    return count(LoggedRequest::isReportCreation);
  }

  /** Create, status and output calls of all report endpoints. */
  public long reportCalls() {
    return count(LoggedRequest::isReportCall);
  }

  public long tokenRequests() {
    return count(LoggedRequest::isTokenRequest);
  }

  public synchronized void clear() {
    requests.clear();
    servingNanos.reset();
  }
}
