package io.github.criteojdbc.adapter;

/**
 * A query on an advertiser the connection is not granted ({@link AdapterSettings#allowedAdvertiserIds()}),
 * refused before any API call.
 */
public final class AdvertiserNotGrantedException extends QueryRejectedException {
  private static final long serialVersionUID = 1L;

  public AdvertiserNotGrantedException(String message) {
    super(message);
  }
}
