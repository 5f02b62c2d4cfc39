package io.github.criteojdbc.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Every request the sandbox received, in arrival order, bodies included. Thread-safe. */
public final class RequestLog {
  private final List<LoggedRequest> requests = new ArrayList<>();

  RequestLog() {}

  synchronized void add(LoggedRequest request) {
    requests.add(request);
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
  }
}
