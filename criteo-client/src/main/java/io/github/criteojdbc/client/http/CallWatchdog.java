package io.github.criteojdbc.client.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okhttp3.Call;

/**
 * Cancels in-flight HTTP calls whose caller wants them stopped. A thread blocked reading a socket
 * cannot notice a cancel flag itself; one daemon thread per JVM checks every watched call 10 times
 * a second and cancels it, which makes the blocked read fail at once.
 */
public final class CallWatchdog {
  static final long CHECK_MILLIS = 100;

  private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "criteo-client-watchdog");
    thread.setDaemon(true);
    return thread;
  });

  CallWatchdog() {
    timer.scheduleWithFixedDelay(this::check, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Watches {@code call} until the returned action is run. */
  Runnable watch(Call call, BooleanSupplier shouldStop) {
    Watched entry = new Watched(call, shouldStop);
    watched.add(entry);
    return () -> watched.remove(entry);
  }

  private void check() {
    for (Watched entry : watched) {
      try {
        if (entry.shouldStop().getAsBoolean()) {
          watched.remove(entry);
          entry.call().cancel();
        }
      } catch (RuntimeException e) {
        // A caller's cancel check that throws must not kill the watchdog for everybody else.
        watched.remove(entry);
        entry.call().cancel();
      }
    }
  }

  /** Returns once the thread has ended, so that closing the last client leaves no thread of ours. */
  void stop() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record Watched(Call call, BooleanSupplier shouldStop) {}
}
