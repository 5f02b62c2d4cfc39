package io.github.criteojdbc.client;

/** The report did not finish within reportTimeout, or the caller's deadline passed. */
public class ReportTimeoutException extends CriteoException {
  private static final long serialVersionUID = 1L;

  public ReportTimeoutException(String message) {
    super(message);
  }
}
