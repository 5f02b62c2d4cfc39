package io.github.criteojdbc.driver;

/**
 * What the adapter needs to know of the statement whose query is running: where its warnings go
 * and how many rows it returns at most ({@code setMaxRows}), which lets a scan whose rows are the
 * result's stop creating reports once that many rows are read.
 */
final class StatementScope {
  private final WarningChain warnings;
  private volatile long maxRows;

  StatementScope(WarningChain warnings) {
    this.warnings = warnings;
  }

  WarningChain warnings() {
    return warnings;
  }

  /** The statement's row cap when its query started, 0 for none. */
  long maxRows() {
    return maxRows;
  }

  void maxRows(long rows) {
    this.maxRows = rows;
  }
}
