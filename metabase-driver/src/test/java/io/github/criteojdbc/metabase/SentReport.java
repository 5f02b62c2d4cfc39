package io.github.criteojdbc.metabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.criteojdbc.sandbox.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A statistics report request as the sandbox received it: what Metabase's question cost in the API. */
record SentReport(List<String> dimensions, List<String> metrics, LocalDate startDate, LocalDate endDate) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static SentReport of(LoggedRequest creation) {
    try {
      JsonNode attributes = JSON.readTree(creation.body()).path("data").path("attributes");
      return new SentReport(strings(attributes.path("dimensions")), strings(attributes.path("metrics")),
          LocalDate.parse(attributes.path("startDate").asText()), LocalDate.parse(attributes.path("endDate").asText()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
