package io.github.criteojdbc.sandbox;

import io.github.criteojdbc.sandbox.batch.BatchStatus;
import io.github.criteojdbc.sandbox.batch.CatalogBatch;
import io.github.criteojdbc.sandbox.batch.CatalogBatches;
import io.github.criteojdbc.sandbox.batch.ProductIssue;
import io.github.criteojdbc.sandbox.http.ApiException;
import io.github.criteojdbc.sandbox.http.HttpCall;
import io.github.criteojdbc.sandbox.http.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code GET /{v}/catalog/products/batch/report/{operation-token}} (seed 002): a {@code ReportOkResponse} with
 * counters and timestamp as strings, and the products' errors and warnings grouped by product.
 */
final class CatalogBatchReports {
  static final String READ_SCOPE = "MarketingSolutions_Catalog_Read";

  private final CatalogBatches batches;
  private final SandboxFaults faults;

  CatalogBatchReports(CatalogBatches batches, SandboxFaults faults) {
    this.batches = batches;
    this.faults = faults;
  }

  void report(HttpCall call, String operationToken) {
    if (faults.withoutCatalogReadScope()) {
      throw new ApiException(403, new Problem("authorization", "missing-scope", "Forbidden",
          "The application is not granted " + READ_SCOPE, null));
    }
    CatalogBatches.Lookup lookup = batches.poll(operationToken);
    if (lookup instanceof CatalogBatches.Lookup.Found found) {
      call.sendJson(200, document(found.batch(), found.status()));
      return;
    }
    String detail = lookup instanceof CatalogBatches.Lookup.Expired expired
        ? "The report of operation token '" + operationToken + "' expired at " + expired.expiredAt()
            + "; reports are kept 4 days"
        : "No batch operation with token '" + operationToken + "'";
    throw new ApiException(404, new Problem("validation", "operation-not-found", "Operation not found", detail, null));
  }

  private static Map<String, Object> document(CatalogBatch batch, BatchStatus status) {
    boolean done = status.isFinal();
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("errorDetails", done ? byProduct(batch.errors(), "errors", id -> id.toLowerCase(Locale.ROOT)) : List.of());
    report.put("importRequestTimestamp", String.valueOf(batch.importRequestTime().toEpochMilli()));
    report.put("numberOfProductsDeleted", done ? String.valueOf(batch.productsDeleted()) : null);
    report.put("numberOfProductsInTheBatch", String.valueOf(batch.productsInBatch()));
    report.put("numberOfProductsUpserted", done ? String.valueOf(batch.productsUpserted()) : null);
    report.put("numberOfProductsWithErrors", done ? String.valueOf(batch.productsWithErrors()) : null);
    report.put("numberOfProductsWithWarnings", done ? String.valueOf(batch.productsWithWarnings()) : null);
    report.put("status", status.name());
    report.put("warningDetails", done ? byProduct(batch.warnings(), "warnings", Function.identity()) : List.of());
    return report;
  }

  /** {@code ReportDetailErrors}/{@code ReportDetailWarnings}: one entry per product, in first-seen order. */
  private static List<Map<String, Object>> byProduct(List<ProductIssue> issues, String listName,
      Function<String, String> productIdForm) {
    Map<String, List<ProductIssue>> grouped = issues.stream()
        .collect(Collectors.groupingBy(ProductIssue::productId, LinkedHashMap::new, Collectors.toList()));
    return grouped.entrySet().stream().map(product -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put(listName, product.getValue().stream().map(CatalogBatchReports::issue).toList());
      entry.put("productId", productIdForm.apply(product.getKey()));
      return entry;
    }).toList();
  }

  private static Map<String, Object> issue(ProductIssue issue) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("isServerRelated", issue.serverRelated());
    detail.put("message", issue.message());
    detail.put("type", issue.type());
    return detail;
  }
}
