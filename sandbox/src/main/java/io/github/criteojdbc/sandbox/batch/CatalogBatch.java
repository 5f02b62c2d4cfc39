package io.github.criteojdbc.sandbox.batch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A product catalog batch as the sandbox knows it: what its report will say once processed, and for how many
 * report calls it stays {@code ACCEPTED} and then {@code IN_PROGRESS} before that.
 *
 * @param importRequestTime when the batch was sent; its report is gone 4 days later
 * @param failed whether processing ends in {@code FAILED} (otherwise {@code VALIDATED}, or
 *     {@code VALIDATED_WITH_ERRORS} when there are errors)
 */
public record CatalogBatch(String operationToken, Instant importRequestTime, int productsInBatch, int productsUpserted,
    int productsDeleted, List<ProductIssue> errors, List<ProductIssue> warnings, int acceptedPolls,
    int inProgressPolls, boolean failed) {

  /** {@code ReportDetailError.type} in seed 002. */
  public static final Set<String> ERROR_TYPES = Set.of("UnknownError", "InvalidBigImageUrl", "InvalidProductId",
      "InvalidProductUrl", "InvalidSmallImageUrl", "JsonParsingIssue", "MissingID", "MissingImages", "MissingName",
      "MissingURL", "NonAsciiId", "OverlargeBigImage", "OverlargeID", "OverlargeSmallImage", "OverlargeURL",
      "ConfigurationError");
  /** {@code ReportDetailWarning.type} in seed 002. */
  public static final Set<String> WARNING_TYPES = Set.of("OverlargeBadgeUrl", "InvalidBadgeUrl");

  public CatalogBatch {
    Objects.requireNonNull(operationToken, "operationToken");
    Objects.requireNonNull(importRequestTime, "importRequestTime");
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
    requireTypes(errors, ERROR_TYPES, "error");
    requireTypes(warnings, WARNING_TYPES, "warning");
    if (productsInBatch < 0 || productsUpserted < 0 || productsDeleted < 0 || acceptedPolls < 0
        || inProgressPolls < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  public static Builder builder(String operationToken, Instant importRequestTime) {
    return new Builder(operationToken, importRequestTime);
  }

  /** The status once processing is over. */
  public BatchStatus finalStatus() {
    if (failed) {
      return BatchStatus.FAILED;
    }
    return errors.isEmpty() ? BatchStatus.VALIDATED : BatchStatus.VALIDATED_WITH_ERRORS;
  }

  /** {@code numberOfProductsWithErrors}: distinct products with at least one error. */
  public int productsWithErrors() {
    return (int) errors.stream().map(ProductIssue::productId).distinct().count();
  }

  /** {@code numberOfProductsWithWarnings}: distinct products with at least one warning. */
  public int productsWithWarnings() {
    return (int) warnings.stream().map(ProductIssue::productId).distinct().count();
  }

  private static void requireTypes(List<ProductIssue> issues, Set<String> allowed, String level) {
    for (ProductIssue issue : issues) {
      if (!allowed.contains(issue.type())) {
        throw new IllegalArgumentException("'" + issue.type() + "' is not a " + level + " type of the spec; use one of "
            + allowed.stream().sorted().toList());
      }
    }
  }

  /** Builds a batch; by default it is validated at once, with no products and no issues. */
  public static final class Builder {
    private final String operationToken;
    private final Instant importRequestTime;
    private int productsInBatch;
    private int productsUpserted;
    private int productsDeleted;
    private final List<ProductIssue> errors = new ArrayList<>();
    private final List<ProductIssue> warnings = new ArrayList<>();
    private int acceptedPolls;
    private int inProgressPolls;
    private boolean failed;

    private Builder(String operationToken, Instant importRequestTime) {
      this.operationToken = operationToken;
      this.importRequestTime = importRequestTime;
    }

    public Builder products(int inBatch, int upserted, int deleted) {
      this.productsInBatch = inBatch;
      this.productsUpserted = upserted;
      this.productsDeleted = deleted;
      return this;
    }

    public Builder error(String productId, String type, String message, boolean serverRelated) {
      errors.add(new ProductIssue(productId, type, message, serverRelated));
      return this;
    }

    public Builder warning(String productId, String type, String message, boolean serverRelated) {
      warnings.add(new ProductIssue(productId, type, message, serverRelated));
      return this;
    }

    /** Report calls answered {@code ACCEPTED}, then {@code IN_PROGRESS}, before the final status. */
    public Builder processingPolls(int accepted, int inProgress) {
      this.acceptedPolls = accepted;
      this.inProgressPolls = inProgress;
      return this;
    }

    public Builder failed() {
      this.failed = true;
      return this;
    }

    public CatalogBatch build() {
      return new CatalogBatch(operationToken, importRequestTime, productsInBatch, productsUpserted, productsDeleted,
          errors, warnings, acceptedPolls, inProgressPolls, failed);
    }
  }
}
