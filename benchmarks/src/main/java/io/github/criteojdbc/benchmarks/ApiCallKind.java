package io.github.criteojdbc.benchmarks;

import io.github.criteojdbc.sandbox.LoggedRequest;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What an API call was for, read from the sandbox's request log. */
enum ApiCallKind {
  TOKEN, CREATE, STATUS, OUTPUT;

  static ApiCallKind of(LoggedRequest call) {
    String path = call.decodedPath();
    if (path.endsWith("/oauth2/token")) {
      return TOKEN;
    }
    if ("POST".equals(call.method())) {
      return CREATE;
    }
    return path.endsWith("/status") || path.contains("/report-jobs") ? STATUS : OUTPUT;
  }

  static Map<ApiCallKind, Integer> count(List<LoggedRequest> calls) {
    Map<ApiCallKind, Integer> counts = new EnumMap<>(ApiCallKind.class);
    for (ApiCallKind kind : values()) {
      counts.put(kind, 0);
    }
    calls.forEach(call -> counts.merge(of(call), 1, Integer::sum));
    return counts;
  }
}
