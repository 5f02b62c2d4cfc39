package io.github.criteojdbc.client;

import java.util.Locale;

/**
 * One error or warning on a product of a catalog batch ({@code ReportDetailError}/{@code ReportDetailWarning}).
 *
 * @param productId as the API gives it (lower-cased for errors, per the spec)
 * @param type the API's enum value, for example {@code MissingImages} or {@code InvalidBadgeUrl}
 * @param serverRelated {@code isServerRelated}, or null when the API left it out
 */
public record CatalogProductIssue(String productId, Level level, String type, String message, Boolean serverRelated) {

  /** Whether the issue comes from {@code errorDetails} or {@code warningDetails}. */
  public enum Level {
    ERROR,
    WARNING;

    /** {@code error} or {@code warning}, as the adapter shows it. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
