package io.github.criteojdbc.client;

/** The caller cancelled the query (or closed the client) while it waited or downloaded. */
public class ReportCancelledException extends CriteoException {
  private static final long serialVersionUID = 1L;

  public ReportCancelledException(String message) {
    super(message);
  }
}
