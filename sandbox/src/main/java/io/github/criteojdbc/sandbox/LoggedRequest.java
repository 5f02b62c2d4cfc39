package io.github.criteojdbc.sandbox;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request the sandbox received and the status it answered.
 *
 * @param path the raw path, still percent-encoded
 * @param decodedPath the path with percent escapes decoded (a report id's {@code /} then looks like a separator)
 * @param headers request headers; lookups ignore case
 * @param status the HTTP status sent, or 0 when the connection was closed without a response
 */
public record LoggedRequest(
    Instant at, String method, String path, String decodedPath, Map<String, List<String>> headers, String body, int status) {

  public LoggedRequest {
    TreeMap<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> caseInsensitive.put(name, List.copyOf(values)));
    headers = Collections.unmodifiableMap(caseInsensitive);
  }

  /** The kind of call, if the request reached one of the sandbox's endpoints. */
  public Optional<Endpoint> endpoint() {
    return Route.endpointOf(method, path);
  }

  /** A POST to one of the three report-create endpoints, whatever it answered. */
  public boolean isReportCreation() {
    return endpoint().filter(kind -> kind == Endpoint.CREATE).isPresent();
  }

  /** A create, status or output call of any report endpoint (Marketing Solutions or MPO). */
  public boolean isReportCall() {
    return endpoint().filter(Endpoint::isReportCall).isPresent();
  }

  public boolean isTokenRequest() {
    return endpoint().filter(kind -> kind == Endpoint.TOKEN).isPresent();
  }

  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
