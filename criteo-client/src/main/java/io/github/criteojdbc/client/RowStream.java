package io.github.criteojdbc.client;

import java.util.List;

/**
 * Rows of one report, parsed while they arrive; the body is never held in memory as a whole.
 * Not thread-safe.
 */
public interface RowStream extends AutoCloseable {
  /** Columns as the output declares them (MPO: names only). */
  List<OutputColumn> outputColumns();

  String reportId();

  /**
   * The next row converted per the requested {@link RowShape} (a non-required column absent from
   * the output reads null), or null at the clean end of the output (and on every call after it).
   *
   * @throws ReportFormatException if the body is truncated or malformed; never a short result
   * @throws ReportCancelledException if the query was cancelled during the download
   */
  Object[] next();

  /** Closes the HTTP body, aborting the download if rows are left. Idempotent. */
  @Override
  void close();
}
