package io.github.criteojdbc.client.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.criteojdbc.client.CatalogBatchReport;
import io.github.criteojdbc.client.CatalogProductIssue;
import io.github.criteojdbc.client.CriteoException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code ReportOkResponse}: counters and timestamp are strings holding numbers ({@code format: int32} /
 * {@code int64}); numbers are accepted too, as some SDK builds type them so.
 */
public final class CatalogBatchReportParser {
  /**
   * The spec does not give the unit of {@code importRequestTimestamp}. Below this value it is read as epoch
   * seconds, from it on as epoch milliseconds: the two ranges cannot be confused for any date from 1973 to 5138.
   */
  static final long FIRST_MILLISECOND_VALUE = 100_000_000_000L;

  private CatalogBatchReportParser() {
  }

  public static CatalogBatchReport parse(String operationToken, JsonNode body) {
    String status = text(body, "status");
    if (status == null) {
      throw contractChanged(operationToken, "no status");
    }
    List<CatalogProductIssue> issues = new ArrayList<>();
    readIssues(operationToken, body.path("errorDetails"), "errors", CatalogProductIssue.Level.ERROR, issues);
    readIssues(operationToken, body.path("warningDetails"), "warnings", CatalogProductIssue.Level.WARNING, issues);
    return new CatalogBatchReport(operationToken, status, timestamp(operationToken, body),
        counter(operationToken, body, "numberOfProductsInTheBatch"),
        counter(operationToken, body, "numberOfProductsUpserted"),
        counter(operationToken, body, "numberOfProductsDeleted"),
        counter(operationToken, body, "numberOfProductsWithErrors"),
        counter(operationToken, body, "numberOfProductsWithWarnings"),
        issues);
  }

  private static void readIssues(String token, JsonNode products, String listName, CatalogProductIssue.Level level,
      List<CatalogProductIssue> into) {
    for (JsonNode product : products) {
      String productId = text(product, "productId");
      for (JsonNode issue : product.path(listName)) {
        JsonNode serverRelated = issue.get("isServerRelated");
        if (serverRelated != null && !serverRelated.isNull() && !serverRelated.isBoolean()) {
          throw contractChanged(token, "isServerRelated is not a boolean: " + serverRelated);
        }
        into.add(new CatalogProductIssue(productId, level, text(issue, "type"), text(issue, "message"),
            serverRelated == null || serverRelated.isNull() ? null : serverRelated.asBoolean()));
      }
    }
  }

  private static Integer counter(String token, JsonNode body, String field) {
    Long value = number(token, body, field);
    if (value == null) {
      return null;
    }
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw contractChanged(token, field + " is not an int32: " + value);
    }
    return value.intValue();
  }

  private static Instant timestamp(String token, JsonNode body) {
    Long value = number(token, body, "importRequestTimestamp");
    if (value == null) {
      return null;
    }
    return Math.abs(value) < FIRST_MILLISECOND_VALUE ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value);
  }

  private static Long number(String token, JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull() || node.isTextual() && node.asText().isBlank()) {
      return null;
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    try {
      return Long.parseLong(node.asText().trim());
    } catch (NumberFormatException e) {
      throw contractChanged(token, field + " is not a number: " + node);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static CriteoException contractChanged(String token, String what) {
    return new CriteoException("Unexpected Criteo catalog batch report for operation token '" + token + "' (" + what
        + "); the API contract may have changed");
  }
}
