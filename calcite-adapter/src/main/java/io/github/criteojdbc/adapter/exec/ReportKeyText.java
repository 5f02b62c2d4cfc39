package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.client.ColumnRequest;
import io.github.criteojdbc.client.RowShape;
import io.github.criteojdbc.client.ReportRequest;
import io.github.criteojdbc.client.StatisticsReportRequest;
import io.github.criteojdbc.client.ValueType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The full key of a cache entry as the disk tier writes it and checks it: the application (client
 * id, API root and version), the exact API body of the request (which holds its time zone and
 * currency) and the Java type of each column of the rows. Only report requests whose body says
 * everything about their rows have one; other entries stay in memory.
 */
final class ReportKeyText {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportKeyText() {
  }

  static Optional<String> of(String application, Object request, RowShape shape) {
    Optional<String> body = body(request);
    if (body.isEmpty() || shape == null) {
      return Optional.empty();
    }
    ObjectNode key = JSON.createObjectNode();
    key.put("application", application);
    try {
      key.set("request", JSON.readTree(body.get()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a request body is JSON", e);
    }
    ArrayNode columns = key.putArray("columns");
    for (ColumnRequest column : shape.columns()) {
      columns.addObject().put("name", column.apiName()).put("type", column.type().name())
          .put("required", column.required());
    }
    return Optional.of(key.toString());
  }

  private static Optional<String> body(Object request) {
    return request instanceof ReportRequest report ? Optional.of(report.toJson()) : Optional.empty();
  }

  /** The statistics request and row shape a key holds, when it is one of a statistics report. */
  static Optional<ReportCache.Key> statisticsKey(String keyText) {
    try {
      JsonNode key = JSON.readTree(keyText);
      JsonNode data = key.path("request").path("data");
      if (!"StatisticsReport".equals(data.path("type").asText())) {
        return Optional.empty();
      }
      JsonNode a = data.path("attributes");
      StatisticsReportRequest request = StatisticsReportRequest.builder()
          .advertiserIds(strings(a.path("advertiserIds")))
          .startDate(LocalDate.parse(a.path("startDate").asText()))
          .endDate(LocalDate.parse(a.path("endDate").asText()))
          .dimensions(strings(a.path("dimensions")))
          .metrics(strings(a.path("metrics")))
          .currency(a.path("currency").asText(null))
          .timezone(a.path("timezone").asText(null))
          .adSetIds(strings(a.path("adSetIds")))
          .adSetNames(strings(a.path("adSetNames")))
          .adSetStatus(strings(a.path("adSetStatus")))
          .build();
      List<ColumnRequest> columns = new ArrayList<>();
      for (JsonNode column : key.path("columns")) {
        columns.add(new ColumnRequest(column.path("name").asText(),
            ValueType.valueOf(column.path("type").asText()), column.path("required").asBoolean()));
      }
      ReportCache.Key parsed = new ReportCache.Key(key.path("application").asText(), request,
          new RowShape(columns));
      return parsed.text().filter(keyText::equals).map(same -> parsed);
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
