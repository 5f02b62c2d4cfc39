package io.github.criteojdbc.client;

import java.util.HashMap;
import java.util.Map;

/** One entry of a Criteo {@code errors} (or {@code warnings}) array; any field may be null. */
public record ApiProblem(
    String type, String code, String title, String detail, String traceId, Map<String, String> source) {

  public ApiProblem {
    Map<String, String> copy = new HashMap<>();
    if (source != null) {
      source.forEach((k, v) -> {
        if (k != null && v != null) {
          copy.put(k, v);
        }
      });
    }
    source = Map.copyOf(copy);
  }
}
