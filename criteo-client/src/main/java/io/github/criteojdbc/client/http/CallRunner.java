package io.github.criteojdbc.client.http;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Executes single HTTP calls for one client so that each can be stopped: the watchdog cancels a
 * call whose caller wants to stop, and {@link #cancelAll()} cancels the client's calls on close.
 */
public final class CallRunner {
  private final OkHttpClient http;
  private final CallWatchdog watchdog;
  private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();

  public CallRunner(OkHttpClient http, CallWatchdog watchdog) {
    this.http = http;
    this.watchdog = watchdog;
  }

  /**
   * Sends the request. The returned exchange must be closed; until then the call stays watched,
   * which covers the download of its body.
   *
   * @throws IOException on a transport failure, unless the caller wanted to stop (then the
   *     context's cancellation or timeout exception)
   */
  public Exchange execute(Request request, CallContext context, String activity) throws IOException {
    context.checkContinue(activity);
    Call call = http.newCall(request);
    inFlight.add(call);
    Runnable stopWatching = watchdog.watch(call, context::shouldStop);
    Runnable unwatch = () -> {
      inFlight.remove(call);
      stopWatching.run();
    };
    if (context.shouldStop()) {
      // Closed or cancelled between the check above and the registration: nobody else will cancel it.
      call.cancel();
    }
    try {
      Response response = call.execute();
      return new Exchange(call, response, unwatch);
    } catch (IOException e) {
      unwatch.run();
      if (context.shouldStop()) {
        throw context.stopped(activity);
      }
      throw e;
    } catch (RuntimeException e) {
      unwatch.run();
      throw e;
    }
  }

  /** Closes the pooled connections no call is using (the pool is shared: other clients' idle ones too). */
  public void evictIdleConnections() {
    http.connectionPool().evictAll();
  }

  public void cancelAll() {
    inFlight.forEach(Call::cancel);
  }
}
