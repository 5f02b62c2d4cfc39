package io.github.criteojdbc.server;

import io.github.criteojdbc.adapter.exec.SharedEntryStore;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.Tuple;

/**
 * Cached reports in Redis: each entry's bytes under {@code criteo-jdbc:reports:<app>:<name>},
 * expiring with the report, and a sorted set per application of the names by expiry, for the
 * lookups of a report that holds another's rows. Redis bounds its own memory: give it a
 * {@code maxmemory} and a {@code volatile-*} eviction policy, and evicted entries are misses.
 */
final class RedisEntryStore implements SharedEntryStore {
  private static final String PREFIX = "criteo-jdbc:reports:";
  /** Entries fetched per command by {@link #getAll}: reports can be megabytes each. */
  private static final int FETCH_BATCH = 16;
  /** KEYS: entry, index. ARGV: bytes, expiry (epoch ms), name. The index lives as long as its last entry. */
  private static final byte[] PUT = bytes("""
      redis.call('SET', KEYS[1], ARGV[1], 'PXAT', ARGV[2])
      redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
      local expiry = redis.call('PEXPIRETIME', KEYS[2])
      if expiry < tonumber(ARGV[2]) then
        redis.call('PEXPIREAT', KEYS[2], ARGV[2])
      end
      return 0
      """);

  /** KEYS: claim. ARGV: holder. Deletes the claim only if this holder has it. */
  private static final String RELEASE = """
      if redis.call('GET', KEYS[1]) == ARGV[1] then
        redis.call('DEL', KEYS[1])
      end
      return 0
      """;

  private final RedisLink redis;
  private final Clock clock;
  /** This server, as the holder of the reports it claims. */
  private final String holder = UUID.randomUUID().toString();

  RedisEntryStore(RedisLink redis, Clock clock) {
    this.redis = redis;
    this.clock = clock;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String entryKey(String application, String name) {
    return PREFIX + application + ":" + name;
  }

  private static String claimKey(String application, String name) {
    return "criteo-jdbc:fetching:" + application + ":" + name;
  }

  private static String indexKey(String application) {
    return PREFIX + application + ":index";
  }

  @Override public Optional<byte[]> get(String application, String name) {
    return redis.call(jedis -> jedis.get(bytes(entryKey(application, name))));
  }

  @Override public Map<String, Instant> index(String application) {
    long now = clock.millis();
    return redis.call(jedis -> {
      String index = indexKey(application);
      jedis.zremrangeByScore(index, Double.NEGATIVE_INFINITY, now);
      Map<String, Instant> names = new HashMap<>();
      for (Tuple entry : jedis.zrangeWithScores(index, 0, -1)) {
        names.put(entry.getElement(), Instant.ofEpochMilli((long) entry.getScore()));
      }
      return names;
    }).orElse(Map.of());
  }

  @Override public Map<String, byte[]> getAll(String application, Collection<String> names) {
    List<String> asked = new ArrayList<>(names);
    Map<String, byte[]> found = new LinkedHashMap<>();
    for (int from = 0; from < asked.size(); from += FETCH_BATCH) {
      List<String> batch = asked.subList(from, Math.min(asked.size(), from + FETCH_BATCH));
      byte[][] keys = batch.stream().map(name -> bytes(entryKey(application, name))).toArray(byte[][]::new);
      Optional<List<byte[]>> values = redis.call(jedis -> jedis.mget(keys));
      if (values.isEmpty()) {
        break;
      }
      for (int i = 0; i < batch.size(); i++) {
        if (values.get().get(i) != null) {
          found.put(batch.get(i), values.get().get(i));
        }
      }
    }
    return found;
  }

  @Override public void put(String application, String name, byte[] entry, Instant expiresAt) {
    if (!expiresAt.isAfter(clock.instant())) {
      return;
    }
    byte[] expiry = bytes(Long.toString(expiresAt.toEpochMilli()));
    redis.call(jedis -> jedis.eval(PUT, List.of(bytes(entryKey(application, name)), bytes(indexKey(application))),
        List.of(entry, expiry, bytes(name))));
  }

  @Override public boolean claim(String application, String name, Duration ttl) {
    // SET NX answers null when another holder has the name: compared here, as an empty answer means no Redis.
    return redis.call(jedis -> "OK".equals(jedis.set(claimKey(application, name), holder,
        SetParams.setParams().nx().px(ttl.toMillis())))).orElse(true);
  }

  @Override public void release(String application, String name) {
    redis.call(jedis -> jedis.eval(RELEASE, List.of(claimKey(application, name)), List.of(holder)));
  }
}
