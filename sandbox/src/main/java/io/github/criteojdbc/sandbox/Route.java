package io.github.criteojdbc.sandbox;

import io.github.criteojdbc.sandbox.http.PathSegments;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The endpoints the sandbox serves, recognised from the method and the raw path. Paths are matched on decoded
 * segments, so a percent-encoded report id is one segment while a raw {@code /} inside an id matches nothing.
 */
record Route(Kind kind, String id) {
  private static final Set<String> VERSIONS = Set.of("preview", "experimental");
  private static final List<String> CATALOG_BATCH_REPORT = List.of("catalog", "products", "batch", "report");
  private static final List<String> MPO_STATS = List.of("marketing-solutions", "marketplace-performance-outcomes", "stats");

  /** Each endpoint with its method and the kind of call it is for faults and the log. */
  enum Kind {
    TOKEN("POST", Endpoint.TOKEN),
    CREATE_STATISTICS("POST", Endpoint.CREATE),
    CREATE_AUDIENCE("POST", Endpoint.CREATE),
    REPORT_STATUS("GET", Endpoint.STATUS),
    REPORT_OUTPUT("GET", Endpoint.OUTPUT),
    MPO_EXPORT("POST", Endpoint.CREATE),
    MPO_STATUS("GET", Endpoint.STATUS),
    MPO_DOWNLOAD("GET", Endpoint.OUTPUT),
    CATALOG_BATCH_REPORT("GET", Endpoint.CATALOG_REPORT);

    private final String method;
    private final Endpoint endpoint;

    Kind(String method, Endpoint endpoint) {
      this.method = method;
      this.endpoint = endpoint;
    }

    Endpoint endpoint() {
      return endpoint;
    }
  }

  /** What a request path and method lead to. */
  sealed interface Match {
    record Found(Route route) implements Match {}

    record WrongMethod(String allowed) implements Match {}

    record NotFound() implements Match {}
  }

  static Match match(String method, String rawPath) {
    Optional<List<String>> segments = PathSegments.decode(rawPath);
    if (segments.isEmpty()) {
      return new Match.NotFound();
    }
    List<Route> candidates = candidates(segments.get(), method);
    return candidates.stream().filter(route -> route.kind.method.equals(method)).findFirst()
        .<Match>map(Match.Found::new)
        .orElseGet(() -> candidates.isEmpty() ? new Match.NotFound() : new Match.WrongMethod(candidates.get(0).kind.method));
  }

  /** The kind of call a logged request was, if it reached an endpoint. */
  static Optional<Endpoint> endpointOf(String method, String rawPath) {
    return match(method, rawPath) instanceof Match.Found found ? Optional.of(found.route().kind.endpoint()) : Optional.empty();
  }

  private static List<Route> candidates(List<String> path, String method) {
    if (path.equals(List.of("oauth2", "token"))) {
      return List.of(new Route(Kind.TOKEN, null));
    }
    if (path.isEmpty() || !VERSIONS.contains(path.get(0))) {
      return List.of();
    }
    List<String> rest = path.subList(1, path.size());
    if (rest.size() == 2 && rest.get(0).equals("reports")) {
      return switch (rest.get(1)) {
        case "async-statistics" -> List.of(new Route(Kind.CREATE_STATISTICS, null));
        case "async-audience-performance" -> List.of(new Route(Kind.CREATE_AUDIENCE, null));
        default -> List.of();
      };
    }
    if (rest.size() == 3 && rest.get(0).equals("reports")) {
      return switch (rest.get(2)) {
        case "status" -> List.of(new Route(Kind.REPORT_STATUS, rest.get(1)));
        case "output" -> List.of(new Route(Kind.REPORT_OUTPUT, rest.get(1)));
        default -> List.of();
      };
    }
    if (rest.size() == 5 && rest.subList(0, 4).equals(CATALOG_BATCH_REPORT)) {
      return List.of(new Route(Kind.CATALOG_BATCH_REPORT, rest.get(4)));
    }
    if (rest.size() == 5 && rest.subList(0, 3).equals(MPO_STATS)) {
      String collection = rest.get(3);
      String id = rest.get(4);
      if (collection.equals("report-jobs")) {
        return List.of(new Route(Kind.MPO_STATUS, id));
      }
      if (collection.equals("realtime-reports")) {
        return id.equals("export") && method.equals("POST")
            ? List.of(new Route(Kind.MPO_EXPORT, null))
            : List.of(new Route(Kind.MPO_DOWNLOAD, id));
      }
    }
    return List.of();
  }
}
