package io.github.criteojdbc.client.http;

import java.io.Closeable;
import okhttp3.Call;
import okhttp3.Response;

/** A response whose call stays cancellable (by the watchdog or a client close) until it is closed. */
public final class Exchange implements Closeable {
  private final Call call;
  private final Response response;
  private final Runnable unwatch;

  Exchange(Call call, Response response, Runnable unwatch) {
    this.call = call;
    this.response = response;
    this.unwatch = unwatch;
  }

  public Response response() {
    return response;
  }

  public int code() {
    return response.code();
  }

  /** Aborts the call if its body is still being read. */
  public void abort() {
    call.cancel();
  }

  /** Idempotent. */
  @Override
  public void close() {
    try {
      response.close();
    } finally {
      unwatch.run();
    }
  }
}
