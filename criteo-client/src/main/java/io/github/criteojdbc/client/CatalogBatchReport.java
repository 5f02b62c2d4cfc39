package io.github.criteojdbc.client;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The report of one product catalog batch ({@code ReportOkResponse}, seed 002). Counters are null when the API
 * sends them as null, which it may do while the batch is being processed.
 *
 * @param status {@code ACCEPTED}, {@code IN_PROGRESS}, {@code VALIDATED}, {@code VALIDATED_WITH_ERRORS} or
 *     {@code FAILED}
 * @param importRequestTime when the batch was sent, or null
 * @param issues the errors, then the warnings, in the order the API lists them
 */
public record CatalogBatchReport(String operationToken, String status, Instant importRequestTime,
    Integer productsInBatch, Integer productsUpserted, Integer productsDeleted, Integer productsWithErrors,
    Integer productsWithWarnings, List<CatalogProductIssue> issues) {

  /** The statuses of a batch still being processed; every other status is final. */
  public static final Set<String> PROCESSING_STATUSES = Set.of("ACCEPTED", "IN_PROGRESS");

  public CatalogBatchReport {
    Objects.requireNonNull(operationToken, "operationToken");
    Objects.requireNonNull(status, "status");
    issues = List.copyOf(issues);
  }

  /** False while the batch is {@code ACCEPTED} or {@code IN_PROGRESS}: this report will still change. */
  public boolean isFinal() {
    return !PROCESSING_STATUSES.contains(status.toUpperCase(Locale.ROOT));
  }
}
