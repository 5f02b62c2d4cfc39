package io.github.criteojdbc.sandbox.report;

/** The status values of an async report or MPO export, spelled as the spec's enum. */
public enum ReportStatus {
  UNKNOWN("Unknown"),
  PENDING("Pending"),
  DONE("Done"),
  FAILURE("Failure"),
  EXPIRED("Expired");

  private final String apiName;

  ReportStatus(String apiName) {
    this.apiName = apiName;
  }

  public String apiName() {
    return apiName;
  }
}
