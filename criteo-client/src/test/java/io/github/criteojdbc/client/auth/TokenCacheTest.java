package io.github.criteojdbc.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.criteojdbc.client.CriteoAuthException;
import io.github.criteojdbc.client.QueryControl;
import io.github.criteojdbc.client.ReportCancelledException;
import io.github.criteojdbc.client.Secret;
import io.github.criteojdbc.client.Sleeper;
import io.github.criteojdbc.client.http.CallContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TokenCacheTest {
  final TokenCache cache = new TokenCache();
  final AtomicInteger fetches = new AtomicInteger();

  static CallContext context(QueryControl control) {
    return new CallContext(control, Clock.systemUTC(), Sleeper.system(), () -> false, w -> { });
  }

  Function<CallContext, AccessToken> slowFetch(CountDownLatch release) {
    return context -> {
      fetches.incrementAndGet();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return AccessToken.issued(Secret.of("token-" + fetches.get()), Clock.systemUTC().instant(), Duration.ofMinutes(15));
    };
  }

  @Test
  void concurrentCallersShareOneRefresh() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<Thread> callers = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(8, task -> {
      Thread caller = new Thread(task);
      callers.add(caller);
      return caller;
    });
    try {
      List<Future<AccessToken>> tokens = IntStream.range(0, 8)
          .mapToObj(i -> pool.submit(() -> cache.token(context(QueryControl.none()), slowFetch(release))))
          .toList();
      awaitUntil("all 8 callers wait inside the token cache", () -> callers.size() == 8
          && callers.stream().allMatch(TokenCacheTest::isWaitingInTheCache));
      release.countDown();
      for (Future<AccessToken> token : tokens) {
        assertThat(token.get(30, TimeUnit.SECONDS).value().reveal()).isEqualTo("token-1");
      }
      assertThat(fetches).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void invalidatedTokenIsFetchedAgainButOnlyOnce() {
    AccessToken first = cache.token(context(QueryControl.none()), slowFetch(new CountDownLatch(0)));
    cache.invalidate(first);
    cache.invalidate(first);

    AccessToken second = cache.token(context(QueryControl.none()), slowFetch(new CountDownLatch(0)));

    assertThat(second.value().reveal()).isEqualTo("token-2");
    assertThat(cache.token(context(QueryControl.none()), slowFetch(new CountDownLatch(0)))).isSameAs(second);
  }

  @Test
  void waiterOnAnotherThreadsRefreshCanBeCancelled() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Thread refresher = new Thread(() -> cache.token(context(QueryControl.none()), slowFetch(release)));
    refresher.start();
    awaitUntil("the refresher is fetching", () -> fetches.get() == 1);
    QueryControl waiter = QueryControl.none();
    waiter.cancel();

    assertThatThrownBy(() -> cache.token(context(waiter), slowFetch(release)))
        .isInstanceOf(ReportCancelledException.class);
    release.countDown();
    refresher.join();
  }

  /** Parked (in the fetch, or waiting for it) with the token cache on its stack. */
  private static boolean isWaitingInTheCache(Thread thread) {
    Thread.State state = thread.getState();
    return (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING || state == Thread.State.BLOCKED)
        && Arrays.stream(thread.getStackTrace()).anyMatch(frame -> frame.getClassName().equals(TokenCache.class.getName()));
  }

  private static void awaitUntil(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  @Test
  void refusedCredentialsReachEveryWaiter() {
    Function<CallContext, AccessToken> refused = context -> {
      throw new CriteoAuthException(401, List.of());
    };

    assertThatThrownBy(() -> cache.token(context(QueryControl.none()), refused))
        .isInstanceOf(CriteoAuthException.class);
  }
}
