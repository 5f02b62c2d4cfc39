package io.github.criteojdbc.sandbox.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.criteojdbc.sandbox.http.ApiException;
import io.github.criteojdbc.sandbox.http.HttpCall;
import io.github.criteojdbc.sandbox.http.Json;
import io.github.criteojdbc.sandbox.http.Problem;
import java.util.Locale;

/** Reads the JSON body of a create request: 415 unless it is declared JSON, 400 unless it parses. */
public final class JsonRequestBody {
  private JsonRequestBody() {}

  public static JsonNode read(HttpCall call) {
    String contentType = call.header("Content-Type").orElse("").toLowerCase(Locale.ROOT).trim();
    if (!contentType.startsWith("application/json")) {
      throw new ApiException(415, Problem.validation("unsupported-media-type", "Unsupported media type",
          "Content-Type must be application/json, was '" + contentType + "'", null));
    }
    try {
      JsonNode root = Json.MAPPER.readTree(call.bodyText());
      if (root == null || root.isMissingNode()) {
        throw notJson("the request body is empty");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw notJson(e.getOriginalMessage());
    }
  }

  private static ApiException notJson(String reason) {
    return new ApiException(400, Problem.jsonError("The request body is not valid JSON: " + reason, null));
  }
}
