package io.github.criteojdbc.client.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * The JVM-wide HTTP resources every client shares: one connection pool and one watchdog thread.
 * Created with the first client and released when the last one closes, so an idle JVM keeps no
 * thread or socket of ours.
 */
public final class SharedHttp {
  /**
   * How long an unused connection stays pooled. Shorter than the idle timeout of common servers (5 s for Apache
   * httpd and Node.js, 30 s for the JDK's), so that we seldom send a request on a connection the server is closing;
   * polls are seconds apart anyway, and a new connection costs little beside them.
   */
  static final Duration KEEP_ALIVE = Duration.ofSeconds(4);
  private static final int MAX_IDLE_CONNECTIONS = 5;

  private static int users;
  private static OkHttpClient pooled;
  private static CallWatchdog watchdog;

  private SharedHttp() {}

  /** Registers a user; pair with {@link #release()}. */
  public static synchronized Lease acquire() {
    if (users == 0) {
      pooled = new OkHttpClient.Builder()
          .connectionPool(new ConnectionPool(MAX_IDLE_CONNECTIONS, KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS))
          .build();
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
