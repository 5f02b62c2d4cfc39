package io.github.criteojdbc.client;

/** Base of every error this client throws. Messages say what to do and never carry credentials. */
public class CriteoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CriteoException(String message) {
    super(message);
  }

  public CriteoException(String message, Throwable cause) {
    super(message, cause);
  }
}
