package io.github.criteojdbc.client.auth;

import io.github.criteojdbc.client.ReportCancelledException;
import io.github.criteojdbc.client.ReportTimeoutException;
import io.github.criteojdbc.client.http.CallContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The access token of one application, shared by every client of it in the JVM. Concurrent callers
 * share one token and at most one refresh in flight; a caller waiting on someone else's refresh can
 * still be cancelled.
 */
public final class TokenCache {
  private final Object lock = new Object();
  private AccessToken current;
  private CompletableFuture<AccessToken> refreshing;

  /**
   * A token usable now: the cached one, else one fetched by this thread or awaited from another.
   *
   * @param fetch gets a new token from the token endpoint under the caller's context
   */
  public AccessToken token(CallContext context, Function<CallContext, AccessToken> fetch) {
    while (true) {
      CompletableFuture<AccessToken> pending;
      boolean mine = false;
      synchronized (lock) {
        if (current != null && current.usableAt(context.now())) {
          return current;
        }
        if (refreshing == null) {
          refreshing = new CompletableFuture<>();
          mine = true;
        }
        pending = refreshing;
      }
      if (mine) {
        return refresh(context, fetch, pending);
      }
      AccessToken shared = await(pending, context);
      if (shared != null) {
        return shared;
      }
      // The thread refreshing for us was cancelled; try again, possibly refreshing ourselves.
    }
  }

  private AccessToken refresh(CallContext context, Function<CallContext, AccessToken> fetch,
      CompletableFuture<AccessToken> pending) {
    try {
      AccessToken fresh = fetch.apply(context);
      synchronized (lock) {
        current = fresh;
        refreshing = null;
      }
      pending.complete(fresh);
      return fresh;
    } catch (RuntimeException e) {
      synchronized (lock) {
        refreshing = null;
      }
      pending.completeExceptionally(e);
      throw e;
    }
  }

  /** The token another thread fetched, or null if that thread was stopped by its own caller. */
  private static AccessToken await(CompletableFuture<AccessToken> pending, CallContext context) {
    while (true) {
      context.checkContinue("waiting for an access token");
      try {
        return pending.get(50, TimeUnit.MILLISECONDS);
      } catch (TimeoutException stillRunning) {
        // check the caller's cancellation again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ReportCancelledException("Thread interrupted while waiting for an access token");
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ReportCancelledException || cause instanceof ReportTimeoutException) {
          return null;
        }
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new IllegalStateException(cause);
      }
    }
  }

  /** Forgets {@code rejected} after the API refused it, unless another thread already replaced it. */
  public void invalidate(AccessToken rejected) {
    synchronized (lock) {
      if (current == rejected) {
        current = null;
      }
    }
  }
}
