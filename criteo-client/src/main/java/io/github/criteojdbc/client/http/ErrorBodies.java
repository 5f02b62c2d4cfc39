package io.github.criteojdbc.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.criteojdbc.client.ApiProblem;
import io.github.criteojdbc.client.Secret;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the problems out of an error response: Criteo's {@code {"errors":[...]}} envelope, the
 * OAuth2 {@code {"error","error_description"}} form, or any other text (kept short).
 */
public final class ErrorBodies {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_TEXT = 300;

  private ErrorBodies() {}

  /**
   * @param hidden credentials to mask should the server echo them; problems end up in exception
   *     messages and logs
   */
  public static List<ApiProblem> problems(String rawBody, Secret... hidden) {
    if (rawBody == null || rawBody.isBlank()) {
      return List.of();
    }
    String body = rawBody;
    for (Secret secret : hidden) {
      if (secret != null && !secret.isEmpty()) {
        body = body.replace(secret.reveal(), secret.toString());
      }
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (IOException notJson) {
      return List.of(new ApiProblem(null, null, null, shortened(body), null, Map.of()));
    }
    List<ApiProblem> problems = new ArrayList<>();
    if (root != null && root.path("errors").isArray()) {
      root.path("errors").forEach(e -> problems.add(problem(e)));
    }
    if (problems.isEmpty() && root != null && root.hasNonNull("error")) {
      problems.add(new ApiProblem("authentication", text(root, "error"), null,
          text(root, "error_description"), null, Map.of()));
    }
    if (problems.isEmpty()) {
      problems.add(new ApiProblem(null, null, null, shortened(body), null, Map.of()));
    }
    return problems;
  }

  /** One entry of an {@code errors} or {@code warnings} array. */
  public static ApiProblem problem(JsonNode e) {
    Map<String, String> source = new HashMap<>();
    e.path("source").properties().forEach(f -> source.put(f.getKey(), f.getValue().asText()));
    String traceId = text(e, "traceId") != null ? text(e, "traceId") : text(e, "traceIdentifier");
    return new ApiProblem(text(e, "type"), text(e, "code"), text(e, "title"), text(e, "detail"), traceId, source);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String shortened(String body) {
    String oneLine = body.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_TEXT ? oneLine : oneLine.substring(0, MAX_TEXT) + "...";
  }
}
