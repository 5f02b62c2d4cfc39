package io.github.criteojdbc.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Id, status and message of a report as a create or status response gives them. Accepts the
 * Marketing Solutions envelope ({@code data.id}, {@code data.attributes.status}) and both MPO
 * forms: flat {@code {exportId,status,message}} and wrapped {@code data.attributes.exportId}.
 */
record ReportState(String id, String status, String message) {

  static ReportState of(JsonNode body) {
    JsonNode data = body.path("data");
    JsonNode attributes = data.path("attributes");
    String id = firstText(data.path("id"), attributes.path("exportId"), attributes.path("id"),
        body.path("exportId"), body.path("id"));
    String status = firstText(attributes.path("status"), body.path("status"));
    String message = firstText(attributes.path("message"), body.path("message"));
    return new ReportState(id, status, message);
  }

  private static String firstText(JsonNode... candidates) {
    for (JsonNode candidate : candidates) {
      if (candidate.isValueNode() && !candidate.isNull() && !candidate.asText().isEmpty()) {
        return candidate.asText();
      }
    }
    return null;
  }
}
