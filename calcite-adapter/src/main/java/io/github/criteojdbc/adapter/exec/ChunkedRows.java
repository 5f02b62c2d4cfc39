package io.github.criteojdbc.adapter.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Rows of several reports that split one long date range, or that one query fans out into. All
 * reports are created and waited for in parallel (the wait is where the time goes), then read one
 * after the other in the given order, so rows come out without loss, duplication or reordering.
 */
final class ChunkedRows implements RawRows {
  private static final AtomicInteger THREADS = new AtomicInteger();
  /** Daemon threads that end when idle, so a closed connection leaves none behind. */
  private static final ExecutorService WAITERS = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "criteo-report-chunk-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  });

  private final List<CompletableFuture<RawRows>> chunks = new ArrayList<>();
  private final AtomicBoolean closed;
  private int current;
  private RawRows rows;

  /**
   * Starts every chunk; {@code closed} is set on close so that chunks still waiting give up
   * (their suppliers must watch it through their cancellation check).
   */
  ChunkedRows(List<Supplier<RawRows>> openers, AtomicBoolean closed) {
    this.closed = closed;
    for (Supplier<RawRows> opener : openers) {
      chunks.add(CompletableFuture.supplyAsync(opener, WAITERS));
    }
  }

  @Override public Object[] next() {
    while (current < chunks.size()) {
      if (rows == null) {
        rows = await(chunks.get(current));
      }
      Object[] row = rows.next();
      if (row != null) {
        return row;
      }
      rows.close();
      rows = null;
      current++;
    }
    return null;
  }

  private static RawRows await(CompletableFuture<RawRows> chunk) {
    try {
      return chunk.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw e;
    } catch (CancellationException e) {
      throw new IllegalStateException("report chunk was cancelled", e);
    }
  }

  @Override public String currency() {
    return rows == null ? null : rows.currency();
  }

  @Override public void close() {
    closed.set(true);
    if (rows != null) {
      rows.close();
    }
    for (CompletableFuture<RawRows> chunk : chunks) {
      chunk.thenAccept(RawRows::close);
    }
  }
}
