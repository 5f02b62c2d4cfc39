package io.github.criteojdbc.sandbox.batch;

/** The {@code status} enum of {@code ReportOkResponse}; the last three are final. */
public enum BatchStatus {
  ACCEPTED,
  IN_PROGRESS,
  VALIDATED,
  VALIDATED_WITH_ERRORS,
  FAILED;

  public boolean isFinal() {
    return this != ACCEPTED && this != IN_PROGRESS;
  }
}
