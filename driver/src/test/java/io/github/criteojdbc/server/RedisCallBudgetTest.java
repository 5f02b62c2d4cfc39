package io.github.criteojdbc.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.client.http.ReportCallBudget;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

class RedisCallBudgetTest {
  private static final int LIMIT = 10;
  private static RedisProcess redis;
  private final List<RedisLink> links = new ArrayList<>();
  /** Each test its own app, so that one test's calls are not another's. */
  private final String application = UUID.randomUUID().toString();

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisProcess.start();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    redis.close();
  }

  @AfterEach
  void closeLinks() {
    links.forEach(RedisLink::close);
  }

  /**
   * The budget of one of two servers, each with its own connections to Redis as in two JVMs, that
   * joined longer than a window ago: a server joining an empty Redis holds to its share for one.
   */
  private RedisCallBudget server() {
    return serverJoiningAt(Instant.now().minus(ReportCallBudget.SLOT_HELD).minusSeconds(1));
  }

  private RedisCallBudget serverJoiningAt(Instant joinedAt) {
    RedisLink link = RedisLink.open(new ServerConfig.Redis(redis.url(), 2, Duration.ofMillis(300)), 4);
    links.add(link);
    return new RedisCallBudget(link, application, 2, LIMIT, joinedAt);
  }

  private static int take(ReportCallBudget budget, int calls) {
    int taken = 0;
    for (int i = 0; i < calls; i++) {
      if (budget.tryAcquire(Instant.now(), LIMIT).isZero()) {
        taken++;
      }
    }
    return taken;
  }

  @Test
  void twoServersTogetherTakeNoMoreThanTheLimit() {
    RedisCallBudget first = server();
    RedisCallBudget second = server();

    assertThat(take(first, 7)).isEqualTo(7);
    assertThat(take(second, 7)).isEqualTo(3);
    assertThat(first.tryAcquire(Instant.now(), LIMIT)).isGreaterThan(Duration.ofSeconds(59));
  }

  @Test
  void eachServerSeesTheCallsOfBothInTheUsage() {
    RedisCallBudget first = server();
    RedisCallBudget second = server();
    take(first, 2);
    take(second, 3);

    assertThat(first.usage(Instant.now(), LIMIT).callsInWindow()).isEqualTo(5);
    assertThat(second.usage(Instant.now(), LIMIT).nextCallAt()).isBeforeOrEqualTo(Instant.now());
  }

  @Test
  void aPauseAfterA429HoldsTheOtherServerToo() {
    RedisCallBudget first = server();
    RedisCallBudget second = server();

    first.pauseUntil(Instant.now().plusSeconds(30));

    assertThat(second.tryAcquire(Instant.now(), LIMIT)).isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30));
  }

  @Test
  void aServerJoiningAFreshRedisKeepsToItsShareForAWindow() {
    RedisCallBudget first = serverJoiningAt(Instant.now());

    assertThat(take(first, LIMIT)).isEqualTo(LIMIT / 2);
  }

  @Test
  void aServerJoiningLaterSharesAtOnce() {
    RedisCallBudget first = server();
    take(first, 2);

    assertThat(take(server(), LIMIT)).isEqualTo(LIMIT - 2);
  }

  @Test
  void withoutRedisEachServerKeepsItsShareCountingItsOwnCallsAndSaysSo() throws Exception {
    RedisCallBudget first = server();
    take(first, 3);
    redis.stop();
    try {
      assertThat(take(first, LIMIT)).isEqualTo(LIMIT / 2 - 3);
      assertThat(first.notice()).get().asString()
          .contains("Redis at " + redis.url(), "2 team servers", "5 calls a minute");
    } finally {
      redis.restart();
    }
  }

  @Test
  void afterRedisLostItsDataEachServerWritesItsCallsBackAndKeepsToItsShare() throws Exception {
    RedisCallBudget first = server();
    RedisCallBudget second = server();
    take(first, 4);
    take(second, 4);

    redis.restart();

    assertThat(take(first, LIMIT)).isEqualTo(1);
    assertThat(take(second, LIMIT)).isEqualTo(1);
    assertThat(first.usage(Instant.now(), LIMIT).callsInWindow()).isEqualTo(LIMIT);
  }

  @Test
  void onceRedisAnswersAgainTheNoticeEnds() throws Exception {
    RedisCallBudget first = server();
    redis.stop();
    try {
      first.check(Instant.now());
      assertThat(first.notice()).isPresent();
    } finally {
      redis.restart();
    }
    Thread.sleep(RedisLink.FAIL_FAST.toMillis() + 100);

    first.check(Instant.now());

    assertThat(first.notice()).isEmpty();
  }
}
