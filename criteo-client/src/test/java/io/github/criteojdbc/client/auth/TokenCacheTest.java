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
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
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
        release.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return AccessToken.issued(Secret.of("token-" + fetches.get()), Clock.systemUTC().instant(), Duration.ofMinutes(15));
    };
  }

  @Test
  void concurrentCallersShareOneRefresh() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<AccessToken>> tokens = java.util.stream.IntStream.range(0, 8)
          .mapToObj(i -> pool.submit(() -> cache.token(context(QueryControl.none()), slowFetch(release))))
          .toList();
      Thread.sleep(100);
      release.countDown();
      for (Future<AccessToken> token : tokens) {
        assertThat(token.get(5, TimeUnit.SECONDS).value().reveal()).isEqualTo("token-1");
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
    Thread.sleep(50);
    QueryControl waiter = QueryControl.none();
    waiter.cancel();

    assertThatThrownBy(() -> cache.token(context(waiter), slowFetch(release)))
        .isInstanceOf(ReportCancelledException.class);
    release.countDown();
    refresher.join();
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
