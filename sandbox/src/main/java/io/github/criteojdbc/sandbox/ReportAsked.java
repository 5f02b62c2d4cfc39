package io.github.criteojdbc.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a logged report creation asked for, read from its {@code {"data":{"attributes":{...}}}} body: the
 * dimensions, metrics and dates a test or benchmark checks a query's report against.
 *
 * @param startDate the first day asked (the date of an MPO export's start instant), or null when the body has none
 * @param endDate the last day asked, or null when the body has none
 */
public record ReportAsked(List<String> dimensions, List<String> metrics, LocalDate startDate, LocalDate endDate) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static ReportAsked of(LoggedRequest creation) {
    if (!creation.isReportCreation()) {
      throw new IllegalArgumentException("not a report creation: " + creation.method() + " " + creation.path());
    }
    try {
      JsonNode attributes = JSON.readTree(creation.body()).path("data").path("attributes");
      return new ReportAsked(strings(attributes.path("dimensions")), strings(attributes.path("metrics")),
          day(attributes.path("startDate")), day(attributes.path("endDate")));
    } catch (IOException e) {
      throw new UncheckedIOException("the sandbox logged a report creation that is not JSON: " + creation.body(), e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return List.copyOf(values);
  }

  private static LocalDate day(JsonNode date) {
    return date.isTextual() ? LocalDate.parse(date.asText().substring(0, 10)) : null;
  }
}
