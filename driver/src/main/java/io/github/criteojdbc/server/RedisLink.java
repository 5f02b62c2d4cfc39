package io.github.criteojdbc.server;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The server's connections to Redis. A command that cannot reach Redis answers empty instead of
 * failing, so that the budget and the cache go on without it; after a failure, commands answer
 * empty at once for a second rather than each waiting for the timeout. Logs when Redis goes away
 * and comes back, naming its address but never its password.
 */
final class RedisLink implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(RedisLink.class.getName());
  static final Duration FAIL_FAST = Duration.ofSeconds(1);

  private final RedisClient client;
  private final String address;
  private final Clock clock;
  private volatile Instant failedUntil = Instant.MIN;
  private volatile boolean reachable = true;

  private RedisLink(RedisClient client, String address, Clock clock) {
    this.client = client;
    this.address = address;
    this.clock = clock;
  }

  static RedisLink open(ServerConfig.Redis settings, int connections) {
    URI url = settings.url();
    int timeout = (int) settings.timeout().toMillis();
    DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis(timeout)
        .socketTimeoutMillis(timeout)
        .clientName("criteo-jdbc-team-server")
        .ssl(url.getScheme().equals("rediss"));
    Optional.ofNullable(url.getRawUserInfo()).ifPresent(userInfo -> {
      int colon = userInfo.indexOf(':');
      if (colon < 0) {
        config.password(decode(userInfo));
      } else {
        if (colon > 0) {
          config.user(decode(userInfo.substring(0, colon)));
        }
        config.password(decode(userInfo.substring(colon + 1)));
      }
    });
    String path = Optional.ofNullable(url.getPath()).orElse("").replace("/", "");
    if (!path.isEmpty()) {
      config.database(Integer.parseInt(path));
    }
    GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
    pool.setMaxTotal(connections);
    pool.setMaxIdle(connections);
    pool.setMaxWait(settings.timeout());
    pool.setJmxEnabled(false);
    RedisClient client = RedisClient.builder()
        .hostAndPort(url.getHost(), url.getPort() > 0 ? url.getPort() : 6379)
        .clientConfig(config.build())
        .poolConfig(pool)
        .build();
    return new RedisLink(client, settings.address(), Clock.systemUTC());
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** Checks at start that Redis answers with these credentials, failing with SQLState 08001 if not. */
  void ping() throws SQLException {
    try {
      client.ping();
    } catch (JedisException e) {
      throw new SQLException("Redis at " + address + " (redis.url) does not answer: " + e.getMessage()
          + "; start it, or check redis.url's host, port and credentials", "08001");
    }
  }

  /** The command's answer, or empty when Redis cannot be reached now. */
  <T> Optional<T> call(Function<UnifiedJedis, T> command) {
    if (clock.instant().isBefore(failedUntil)) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(attempt(command));
    } catch (JedisException e) {
      failedUntil = clock.instant().plus(FAIL_FAST);
      if (reachable) {
        reachable = false;
        LOG.warning(() -> "Redis at " + address + " cannot be reached (" + e.getMessage() + "): the report-call"
            + " budget and the cache are not shared until it is back");
      }
      return Optional.empty();
    }
  }

  private <T> T attempt(Function<UnifiedJedis, T> command) {
    T answer;
    try {
      answer = command.apply(client);
    } catch (JedisConnectionException e) {
      // After Redis restarted, the pooled connections are all dead: drop them and try once on a new one.
      client.getPool().clear();
      answer = command.apply(client);
    }
    if (!reachable) {
      reachable = true;
      LOG.info(() -> "Redis at " + address + " answers again: the report-call budget and the cache are shared");
    }
    return answer;
  }

  /** Whether the last command reached Redis. */
  boolean reachable() {
    return reachable;
  }

  String address() {
    return address;
  }

  @Override public void close() {
    client.close();
  }
}
