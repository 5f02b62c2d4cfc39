package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.adapter.catalog.ColumnDef;
import io.github.criteojdbc.adapter.catalog.TableCatalog;
import io.github.criteojdbc.client.CatalogBatchReport;
import io.github.criteojdbc.client.CatalogProductIssue;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a catalog batch report into table rows, in catalog column order: one per product issue, each repeating
 * the batch's status and counters, or one with NULL product columns when the batch has no issue (yet).
 */
final class CatalogBatchRows {
  private CatalogBatchRows() {
  }

  static List<Object[]> of(TableCatalog catalog, CatalogBatchReport report, ZoneId zone) {
    Map<String, Object> batch = new HashMap<>();
    batch.put("operation_token", report.operationToken());
    batch.put("status", report.status());
    batch.put("import_request_timestamp", report.importRequestTime() == null ? null
        : LocalDateTime.ofInstant(report.importRequestTime(), zone).toInstant(ZoneOffset.UTC).toEpochMilli());
    batch.put("number_of_products_in_the_batch", report.productsInBatch());
    batch.put("number_of_products_upserted", report.productsUpserted());
    batch.put("number_of_products_deleted", report.productsDeleted());
    batch.put("number_of_products_with_errors", report.productsWithErrors());
    batch.put("number_of_products_with_warnings", report.productsWithWarnings());
    List<Object[]> rows = new ArrayList<>();
    if (report.issues().isEmpty()) {
      rows.add(row(catalog, batch));
    }
    for (CatalogProductIssue issue : report.issues()) {
      Map<String, Object> values = new HashMap<>(batch);
      values.put("product_id", issue.productId());
      values.put("issue_level", issue.level().label());
      values.put("issue_type", issue.type());
      values.put("message", issue.message());
      values.put("is_server_related", issue.serverRelated());
      rows.add(row(catalog, values));
    }
    return rows;
  }

  /** Calcite's internal values: TIMESTAMP as local milliseconds, the rest as is; columns not set are NULL. */
  private static Object[] row(TableCatalog catalog, Map<String, Object> values) {
    List<ColumnDef> columns = catalog.columns();
    Object[] row = new Object[columns.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = values.get(columns.get(i).name());
    }
    return row;
  }
}
