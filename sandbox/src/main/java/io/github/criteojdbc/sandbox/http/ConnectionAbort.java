package io.github.criteojdbc.sandbox.http;

/**
 * Thrown out of a handler to make the JDK server close the connection as is: before the status line this drops
 * the call without any response; in the middle of a chunked body it leaves the body visibly truncated.
 */
public final class ConnectionAbort extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConnectionAbort(String reason) {
    super(reason, null, false, false);
  }
}
