package io.github.criteojdbc.client.http;

import okhttp3.OkHttpClient;

/**
 * The JVM-wide HTTP resources every client shares: one connection pool and one watchdog thread.
 * Created with the first client and released when the last one closes, so an idle JVM keeps no
 * thread or socket of ours.
 */
public final class SharedHttp {
  private static int users;
  private static OkHttpClient pooled;
  private static CallWatchdog watchdog;

  private SharedHttp() {}

  /** Registers a user; pair with {@link #release()}. */
  public static synchronized Lease acquire() {
    if (users == 0) {
      pooled = new OkHttpClient.Builder().build();
      watchdog = new CallWatchdog();
    }
    users++;
    return new Lease(pooled, watchdog);
  }

  public static synchronized void release() {
    if (users == 0) {
      throw new IllegalStateException("released more often than acquired");
    }
    users--;
    if (users == 0) {
      watchdog.stop();
      pooled.connectionPool().evictAll();
      pooled = null;
      watchdog = null;
    }
  }

  /** @param pooled derive per-client clients with {@code newBuilder()} to share its pool */
  public record Lease(OkHttpClient pooled, CallWatchdog watchdog) {}
}
