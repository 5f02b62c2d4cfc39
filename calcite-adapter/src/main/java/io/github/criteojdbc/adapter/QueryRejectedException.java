package io.github.criteojdbc.adapter;

/**
 * A query the API cannot answer as written, rejected before any API call. The message names the
 * column, property or rule and says what to change.
 */
public class QueryRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public QueryRejectedException(String message) {
    super(message);
  }
}
