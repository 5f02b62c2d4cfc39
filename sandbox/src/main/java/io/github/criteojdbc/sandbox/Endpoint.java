package io.github.criteojdbc.sandbox;

/**
 * The kinds of call a fault can target; CREATE, STATUS and OUTPUT cover both the Marketing Solutions and MPO endpoints,
 * CATALOG_REPORT the catalog batch report.
 */
public enum Endpoint {
  /** {@code POST /oauth2/token}. */
  TOKEN,
  /** The three create endpoints: async-statistics, async-audience-performance and the MPO export. */
  CREATE,
  /** {@code GET /{v}/reports/{id}/status} and the MPO {@code report-jobs/{id}}. */
  STATUS,
  /** {@code GET /{v}/reports/{id}/output} and the MPO {@code realtime-reports/{id}} download. */
  OUTPUT,
  /** {@code GET /{v}/catalog/products/batch/report/{operation-token}}. */
  CATALOG_REPORT;

  /** Whether calls of this kind count against the reporting rate limit. */
  public boolean isReportCall() {
    return this != TOKEN;
  }
}
