package io.github.criteojdbc.sandbox.report;

/** What a download request finds: the rows, or why there are none. */
public sealed interface Download {
  record Ready(ExportTable table) implements Download {}

  record NotReady(ReportStatus status) implements Download {}

  record Failed(String message) implements Download {}

  record Expired() implements Download {}
}
