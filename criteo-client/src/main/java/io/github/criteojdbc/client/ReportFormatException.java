package io.github.criteojdbc.client;

/**
 * A report's output could not be read completely and correctly: truncated or malformed body, a
 * required column missing, rows that disagree with the metadata, or a value that does not convert.
 * Never swallowed into a short result.
 */
public class ReportFormatException extends CriteoException {
  private static final long serialVersionUID = 1L;

  public ReportFormatException(String message) {
    super(message);
  }

  public ReportFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
