package io.github.criteojdbc.sandbox.report;

import java.time.Duration;

/**
 * The faults one download suffers, taken from the fault switches when the download starts.
 *
 * @param truncate stop after half the rows and close the connection
 * @param malformed insert invalid syntax after half the rows, then finish normally
 * @param droppedColumn a column left out of both the header/metadata and the rows; {@code null} for none
 * @param metadataMismatch the header/metadata leaves out the last column the rows still carry
 * @param delayPerThousandRows pause after every thousand rows
 */
public record DownloadFaults(
    boolean truncate, boolean malformed, String droppedColumn, boolean metadataMismatch, Duration delayPerThousandRows) {

  public static final DownloadFaults NONE = new DownloadFaults(false, false, null, false, Duration.ZERO);

  /** The row after which a truncation or corruption happens. */
  public static long faultRow(long rowCount) {
    return rowCount / 2;
  }
}
