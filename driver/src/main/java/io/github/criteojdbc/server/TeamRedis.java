package io.github.criteojdbc.server;

import io.github.criteojdbc.adapter.exec.ReportCache;
import io.github.criteojdbc.driver.CriteoDriver;
import io.github.criteojdbc.driver.DriverProperty;

import com.google.common.hash.Hashing;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What a team server shares with the other servers of its app through Redis: the report-call
 * budget and the cached reports, behind a driver whose connections all use them.
 */
final class TeamRedis implements AutoCloseable {
  private final RedisLink link;
  private final RedisCallBudget budget;
  private final CriteoDriver driver;
  private final ScheduledExecutorService checker;

  private TeamRedis(RedisLink link, RedisCallBudget budget, CriteoDriver driver, ScheduledExecutorService checker) {
    this.link = link;
    this.budget = budget;
    this.driver = driver;
    this.checker = checker;
  }

  /**
   * Connects to Redis, failing with SQLState 08001 when it does not answer at start (a typo in the
   * url should not pass for an outage); later outages fall back to the server's own share.
   */
  static TeamRedis open(ServerConfig.Redis settings, Properties serverProperties, int threads) throws SQLException {
    RedisLink link = RedisLink.open(settings, threads + 2);
    try {
      link.ping();
      Clock clock = Clock.systemUTC();
      RedisCallBudget budget = new RedisCallBudget(link, application(serverProperties), settings.servers(),
          maxCallsPerMinute(serverProperties), clock.instant());
      ReportCache cache = CriteoDriver.teamCache(serverProperties, new RedisEntryStore(link, clock));
      ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(
          TeamServer.daemonThreads("criteo-jdbc-redis-check-"));
      checker.scheduleWithFixedDelay(() -> budget.check(clock.instant()), 0, 1, TimeUnit.SECONDS);
      return new TeamRedis(link, budget, CriteoDriver.sharing(cache, budget), checker);
    } catch (SQLException | RuntimeException e) {
      link.close();
      throw e;
    }
  }

  /** The app whose budget this is, as a digest: Redis's keys do not show its client id. */
  private static String application(Properties serverProperties) {
    String app = serverProperties.getProperty("clientId", "") + "@" + serverProperties.getProperty("baseUrl", "");
    return Hashing.sha256().hashString(app, StandardCharsets.UTF_8).toString().substring(0, 32);
  }

  private static int maxCallsPerMinute(Properties serverProperties) {
    String defaultLimit = DriverProperty.MAX_CALLS_PER_MINUTE.defaultText();
    try {
      return Integer.parseInt(serverProperties.getProperty(DriverProperty.MAX_CALLS_PER_MINUTE.key(), defaultLimit));
    } catch (NumberFormatException e) {
      return Integer.parseInt(defaultLimit);
    }
  }

  CriteoDriver driver() {
    return driver;
  }

  RedisCallBudget budget() {
    return budget;
  }

  @Override public void close() {
    checker.shutdownNow();
    link.close();
  }
}
