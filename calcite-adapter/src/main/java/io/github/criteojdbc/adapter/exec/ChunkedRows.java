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
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Rows of several reports that split one long date range, or that one query fans out into, read
 * one after the other in the given order, so rows come out without loss, duplication or
 * reordering. A scan that reads every row creates and waits for all reports in parallel (the wait
 * is where the time goes); a scan that reads only the first rows (a {@code LIMIT}, a statement's
 * {@code setMaxRows}) creates each report only when the rows before it are used up, so it stops
 * creating reports as soon as it has read enough.
 */
final class ChunkedRows implements RawRows {
  private static final AtomicInteger THREADS = new AtomicInteger();
  /** Daemon threads that end when idle, so a closed connection leaves none behind. */
  private static final ExecutorService WAITERS = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "criteo-report-chunk-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  });

  private final List<Supplier<RawRows>> openers;
  private final List<CompletableFuture<RawRows>> chunks = new ArrayList<>();
  private final AtomicBoolean closed;
  private int current;
  private RawRows rows;

  /** The rows of one part as they are, else of every part, one after the other. */
  static <T> RawRows of(List<T> parts, Function<T, RawRows> open, AtomicBoolean closed,
      boolean onDemand) {
    if (parts.size() == 1) {
      return open.apply(parts.get(0));
    }
    return new ChunkedRows(parts.stream().<Supplier<RawRows>>map(part -> () -> open.apply(part))
        .collect(Collectors.toList()), closed, onDemand);
  }

  /**
   * Starts every chunk, or with {@code onDemand} none until its rows are asked for; {@code closed}
   * is set on close so that chunks still waiting give up (their suppliers must watch it through
   * their cancellation check).
   */
  ChunkedRows(List<Supplier<RawRows>> openers, AtomicBoolean closed, boolean onDemand) {
    this.openers = List.copyOf(openers);
    this.closed = closed;
    if (!onDemand) {
      for (Supplier<RawRows> opener : openers) {
        chunks.add(CompletableFuture.supplyAsync(opener, WAITERS));
      }
    }
  }

  @Override public Object[] next() {
    while (current < openers.size()) {
      if (rows == null) {
        if (current == chunks.size()) {
          chunks.add(CompletableFuture.supplyAsync(openers.get(current), WAITERS));
        }
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
