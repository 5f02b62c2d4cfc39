package io.github.criteojdbc.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.criteojdbc.client.CriteoException;
import java.io.IOException;

/** Reads the JSON object a successful call answers with, the same way for every endpoint. */
public final class JsonAnswers {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonAnswers() {
  }

  /**
   * The answer's body as a JSON object. A read that fails because the query was stopped reports the stop, not
   * the broken read; anything that is not a JSON object means the API contract changed.
   */
  public static JsonNode object(Exchange exchange, String activity, CallContext context) {
    JsonNode body;
    try {
      body = MAPPER.readTree(exchange.response().body().string());
    } catch (IOException e) {
      if (context.shouldStop()) {
        throw context.stopped(activity);
      }
      throw new CriteoException("Unreadable Criteo answer while " + activity + " (" + e.getMessage()
          + "); try again later", e);
    }
    if (body == null || !body.isObject()) {
      throw new CriteoException("Criteo answered with no JSON object while " + activity
          + "; the API contract may have changed");
    }
    return body;
  }
}
