package io.github.criteojdbc.server;

import io.github.criteojdbc.client.http.ReportCallBudget;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The report-call budget of an application shared by the team servers through Redis: the calls of
 * the last window are a sorted set timed by Redis's own clock, and each slot is taken by one
 * script, so that two servers never both take the last one.
 *
 * <p>Without Redis the servers cannot see each other's calls, so each keeps the limit divided by
 * the number of servers, counting its own calls of the last window, and says so. The same cut
 * holds for one window after Redis is back, or after Redis lost its data (restarted without
 * persistence: the epoch key is gone, or its run id changed): the calls made meanwhile are in no
 * shared set, until they have aged out of the window. Each server then writes its own calls of the
 * window back into the set, under the same members, so that writing them twice counts them once.
 */
final class RedisCallBudget implements ReportCallBudget {
  private static final Logger LOG = Logger.getLogger(RedisCallBudget.class.getName());

  /** KEYS: calls, pause, epoch. ARGV: max calls, this server's epoch, member, slot held (ms). */
  private static final String ACQUIRE = """
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      local epoch = redis.call('GET', KEYS[3])
      if not epoch then
        epoch = tostring(now)
        redis.call('SET', KEYS[3], epoch)
      end
      if epoch ~= ARGV[2] then
        return {'epoch', epoch}
      end
      local held = tonumber(ARGV[4])
      local paused = redis.call('PTTL', KEYS[2])
      if paused > 0 then
        return {'wait', tostring(paused)}
      end
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - held)
      local count = redis.call('ZCARD', KEYS[1])
      local max = tonumber(ARGV[1])
      if count < max then
        redis.call('ZADD', KEYS[1], now, ARGV[3])
        redis.call('PEXPIRE', KEYS[1], held)
        return {'taken', '0'}
      end
      local frees = redis.call('ZRANGE', KEYS[1], count - max, count - max, 'WITHSCORES')
      return {'wait', tostring(math.max(1, tonumber(frees[2]) + held - now))}
      """;
  /** KEYS: epoch. Answers the epoch, and whether this call made it (Redis was empty). */
  private static final String JOIN = """
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      local epoch = redis.call('GET', KEYS[1])
      if epoch then
        return {epoch, '0'}
      end
      redis.call('SET', KEYS[1], tostring(now))
      return {tostring(now), '1'}
      """;
  /** KEYS: calls. ARGV: slot held (ms), then age (ms) and member of each call to write back. */
  private static final String WRITE_BACK = """
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      for i = 2, #ARGV, 2 do
        redis.call('ZADD', KEYS[1], now - tonumber(ARGV[i]), ARGV[i + 1])
      end
      redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]))
      return 0
      """;
  /** KEYS: pause. ARGV: pause (ms). Lengthens the pause, never shortens it. */
  private static final String PAUSE = """
      local ms = tonumber(ARGV[1])
      if redis.call('PTTL', KEYS[1]) < ms then
        redis.call('SET', KEYS[1], '1', 'PX', ms)
      end
      return 0
      """;
  /** KEYS: calls, pause. ARGV: max calls, window (ms), slot held (ms). Answers calls in the window and the wait. */
  private static final String USAGE = """
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      local held = tonumber(ARGV[3])
      local inWindow = redis.call('ZCOUNT', KEYS[1], '(' .. (now - tonumber(ARGV[2])), '+inf')
      local all = redis.call('ZCOUNT', KEYS[1], '(' .. (now - held), '+inf')
      local max = tonumber(ARGV[1])
      local wait = math.max(0, redis.call('PTTL', KEYS[2]))
      if all >= max then
        local frees = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. (now - held), '+inf', 'WITHSCORES', 'LIMIT',
            all - max, 1)
        wait = math.max(wait, tonumber(frees[2]) + held - now)
      end
      return {inWindow, wait}
      """;

  private final RedisLink redis;
  private final int servers;
  private int limit;
  private final String callsKey;
  private final String pauseKey;
  private final String epochKey;
  private final String serverId = UUID.randomUUID().toString();
  private final AtomicLong sequence = new AtomicLong();
  /** This server's calls of the last window, oldest first: its share when the budget cannot be shared. */
  private final Deque<OwnCall> ownCalls = new ArrayDeque<>();
  private Instant pausedUntil = Instant.MIN;
  private String epoch = "";
  private String runId = "";
  private Instant cutUntil = Instant.MIN;
  private boolean shared = true;

  private record OwnCall(Instant at, String member) {
  }

  /** @param limit the app's calls a minute, which the notice divides until a call says its own */
  RedisCallBudget(RedisLink redis, String application, int servers, int limit, Instant now) {
    this.redis = redis;
    this.servers = servers;
    this.limit = limit;
    String prefix = "criteo-jdbc:budget:" + application + ":";
    this.callsKey = prefix + "calls";
    this.pauseKey = prefix + "pause";
    this.epochKey = prefix + "epoch";
    join(now);
  }

  /** Takes the epoch of the shared calls; when this server made it, Redis was empty and may have lost calls. */
  private synchronized void join(Instant now) {
    Optional<List<?>> answer = redis.call(jedis -> (List<?>) jedis.eval(JOIN, List.of(epochKey), List.of()));
    if (answer.isEmpty()) {
      leaveSharing(now);
      return;
    }
    epoch = String.valueOf(answer.get().get(0));
    if ("1".equals(String.valueOf(answer.get().get(1)))) {
      cutFor(now, "Redis held no report-call budget of this app yet");
    }
  }

  @Override public synchronized Duration tryAcquire(Instant now, int maxCalls) {
    limit = maxCalls;
    forgetCallsBefore(now.minus(SLOT_HELD));
    if (!shared || now.isBefore(cutUntil)) {
      Duration ownWait = ownShareWait(now, maxCalls);
      if (!ownWait.isZero()) {
        return ownWait;
      }
    }
    String member = serverId + ":" + sequence.incrementAndGet();
    for (int attempt = 0; attempt < 2; attempt++) {
      Optional<List<?>> answer = redis.call(jedis -> (List<?>) jedis.eval(ACQUIRE,
          List.of(callsKey, pauseKey, epochKey),
          List.of(Integer.toString(maxCalls), epoch, member, Long.toString(SLOT_HELD.toMillis()))));
      if (answer.isEmpty()) {
        leaveSharing(now);
        Duration ownWait = ownShareWait(now, maxCalls);
        if (ownWait.isZero()) {
          ownCalls.addLast(new OwnCall(now, member));
        }
        return ownWait;
      }
      backToSharing(now);
      String status = String.valueOf(answer.get().get(0));
      String value = String.valueOf(answer.get().get(1));
      switch (status) {
      case "taken":
        ownCalls.addLast(new OwnCall(now, member));
        return Duration.ZERO;
      case "wait":
        return Duration.ofMillis(Long.parseLong(value));
      default:
        epoch = value;
        cutFor(now, "Redis lost the report-call budget of this app (restarted without its data)");
        Duration ownWait = ownShareWait(now, maxCalls);
        if (!ownWait.isZero()) {
          return ownWait;
        }
      }
    }
    throw new IllegalStateException("the budget epoch in Redis changed twice in one call");
  }

  /** Zero when this server's own calls leave room in its share of {@code maxCalls}, else how long until they do. */
  private Duration ownShareWait(Instant now, int maxCalls) {
    if (now.isBefore(pausedUntil)) {
      return Duration.between(now, pausedUntil);
    }
    int share = share(maxCalls);
    if (ownCalls.size() < share) {
      return Duration.ZERO;
    }
    // The share frees when the call that fills it ages out of the window.
    Instant frees = ownCalls.stream().skip(ownCalls.size() - share).findFirst().orElseThrow().at().plus(SLOT_HELD);
    return frees.isAfter(now) ? Duration.between(now, frees) : Duration.ofMillis(1);
  }

  private int share(int maxCalls) {
    return Math.max(1, maxCalls / servers);
  }

  private void forgetCallsBefore(Instant oldest) {
    while (!ownCalls.isEmpty() && !ownCalls.peekFirst().at().isAfter(oldest)) {
      ownCalls.removeFirst();
    }
  }

  private void leaveSharing(Instant now) {
    if (shared) {
      shared = false;
      LOG.warning(() -> "the report-call budget is not shared while Redis at " + redis.address()
          + " cannot be reached: this server keeps its own share, the app's limit divided by " + servers);
    }
  }

  private void backToSharing(Instant now) {
    if (!shared) {
      shared = true;
      cutFor(now, "Redis at " + redis.address() + " is back");
    }
  }

  /**
   * For one window from now this server keeps to its share, and writes its own calls back: the
   * calls made while the budget was not shared are in no set until they age out.
   */
  private void cutFor(Instant now, String reason) {
    cutUntil = now.plus(SLOT_HELD);
    LOG.info(() -> reason + ": this server keeps to its share of the report-call budget until " + cutUntil);
    writeBackOwnCalls(now);
  }

  private void writeBackOwnCalls(Instant now) {
    if (ownCalls.isEmpty()) {
      return;
    }
    List<String> args = new ArrayList<>();
    args.add(Long.toString(SLOT_HELD.toMillis()));
    for (OwnCall call : ownCalls) {
      args.add(Long.toString(Math.max(0, Duration.between(call.at(), now).toMillis())));
      args.add(call.member());
    }
    redis.call(jedis -> jedis.eval(WRITE_BACK, List.of(callsKey), args));
  }

  @Override public synchronized Usage usage(Instant now, int maxCalls) {
    Optional<List<?>> answer = redis.call(jedis -> (List<?>) jedis.eval(USAGE, List.of(callsKey, pauseKey),
        List.of(Integer.toString(maxCalls), Long.toString(WINDOW.toMillis()), Long.toString(SLOT_HELD.toMillis()))));
    if (answer.isPresent() && shared) {
      Instant sharedNext = now.plusMillis(((Number) answer.get().get(1)).longValue());
      return new Usage(((Number) answer.get().get(0)).intValue(), sharedNext);
    }
    forgetCallsBefore(now.minus(SLOT_HELD));
    Instant windowStart = now.minus(WINDOW);
    int calls = (int) ownCalls.stream().filter(call -> call.at().isAfter(windowStart)).count();
    return new Usage(calls, now.plus(ownShareWait(now, maxCalls)));
  }

  @Override public synchronized void pauseUntil(Instant until) {
    if (until.isAfter(pausedUntil)) {
      pausedUntil = until;
    }
    long millis = Duration.between(Instant.now(), until).toMillis();
    if (millis > 0) {
      redis.call(jedis -> jedis.eval(PAUSE, List.of(pauseKey), List.of(Long.toString(millis))));
    }
  }

  /**
   * Checks Redis between calls (the server does so every second), so that a Redis that restarted
   * with an old copy of its data (a new run id) is noticed before the next call relies on it.
   */
  synchronized void check(Instant now) {
    Optional<String> id = redis.call(jedis -> jedis.info("server")).flatMap(RedisCallBudget::runId);
    if (id.isEmpty()) {
      leaveSharing(now);
      return;
    }
    backToSharing(now);
    if (!runId.isEmpty() && !runId.equals(id.get())) {
      cutFor(now, "Redis at " + redis.address() + " restarted");
    }
    runId = id.get();
  }

  private static Optional<String> runId(String info) {
    return info.lines().filter(line -> line.startsWith("run_id:")).map(line -> line.substring(7).strip()).findFirst();
  }

  @Override public synchronized Optional<String> notice() {
    if (shared) {
      return Optional.empty();
    }
    return Optional.of("Redis at " + redis.address() + " cannot be reached, so the " + servers + " team servers can"
        + " no longer share the report-call budget: this server keeps a budget of its own, " + share(limit)
        + " calls a minute, until Redis is back");
  }
}
