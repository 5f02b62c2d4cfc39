package io.github.criteojdbc.sandbox.batch;

import java.util.Objects;

/**
 * One error or warning on a product of a catalog batch ({@code ReportDetailError}/{@code ReportDetailWarning}).
 *
 * @param type one of the spec's enum values for its level (see {@link CatalogBatch#ERROR_TYPES} and
 *     {@link CatalogBatch#WARNING_TYPES})
 */
public record ProductIssue(String productId, String type, String message, boolean serverRelated) {
  public ProductIssue {
    Objects.requireNonNull(productId, "productId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(message, "message");
  }
}
