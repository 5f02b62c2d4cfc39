package io.github.criteojdbc.client;

/** The API reported the report as failed (or it expired again after being re-created). */
public class ReportFailedException extends CriteoException {
  private static final long serialVersionUID = 1L;

  private final String reportId;
  private final String apiMessage;

  public ReportFailedException(String reportId, String apiMessage, String message) {
    super(message);
    this.reportId = reportId;
    this.apiMessage = apiMessage;
  }

  public String reportId() {
    return reportId;
  }

  /** The status message the API gave, or null. */
  public String apiMessage() {
    return apiMessage;
  }
}
