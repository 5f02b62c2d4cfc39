package io.github.criteojdbc.client.http;

import io.github.criteojdbc.client.ApiProblem;
import io.github.criteojdbc.client.CriteoApiException;
import io.github.criteojdbc.client.CriteoAuthException;
import io.github.criteojdbc.client.CriteoClientConfig;
import io.github.criteojdbc.client.CriteoException;
import io.github.criteojdbc.client.auth.AccessToken;
import io.github.criteojdbc.client.auth.TokenCache;
import io.github.criteojdbc.client.auth.TokenEndpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.logging.Logger;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Sends authenticated API calls with the client's policies:
 * <ul>
 *   <li>report calls wait for a slot of the application's report-call budget, and pass on what the
 *       budget has to say (a budget cut while servers cannot share it);
 *   <li>a 401 refreshes the token once and replays the call once;
 *   <li>a 429 pauses the whole application until {@code x-ratelimit-reset} (epoch seconds), or for
 *       an exponential backoff when the header is missing, then retries;
 *   <li>5xx and transport failures are retried with exponential backoff. Every call made here is
 *       safe to repeat: GETs are idempotent, and Criteo answers an identical report creation with
 *       the id of the report it already has (documented for the MPO export, assumed for the other
 *       reports, which are cached the same way), so a repeated create is not a duplicate;
 *   <li>other statuses (400, 403, 404, 409, 415...) fail at once with the API's problem details.
 * </ul>
 * 429s, 5xx and transport failures share the maxRetries budget.
 */
public final class ApiCaller {
  private static final Logger LOG = Logger.getLogger(ApiCaller.class.getName());
  private static final MediaType JSON = MediaType.get("application/json");
  /** A reset further away than this is treated as a clock problem rather than honoured. */
  private static final Duration MAX_RESET_WAIT = Duration.ofMinutes(2);
  /** A wait for the call budget longer than this is told to the user, with when it should end. */
  static final Duration LONG_BUDGET_WAIT = Duration.ofSeconds(3);
  private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
      .withZone(ZoneOffset.UTC);

  private final CallRunner runner;
  private final CriteoClientConfig config;
  private final TokenCache tokens;
  private final TokenEndpoint tokenEndpoint;
  private final ReportCallBudget limiter;
  private final RetryBackoff backoff;
  private final CallStats stats;

  public ApiCaller(CallRunner runner, CriteoClientConfig config, TokenCache tokens, TokenEndpoint tokenEndpoint,
      ReportCallBudget limiter, RetryBackoff backoff, CallStats stats) {
    this.runner = runner;
    this.config = config;
    this.tokens = tokens;
    this.tokenEndpoint = tokenEndpoint;
    this.limiter = limiter;
    this.backoff = backoff;
    this.stats = stats;
  }

  /** A token usable now (cached or fetched); no API call. */
  public AccessToken token(CallContext context) {
    return tokens.token(context, tokenEndpoint::fetch);
  }

  /**
   * Sends the call and returns its successful (2xx) response, which the caller must close.
   *
   * @throws CriteoApiException (or {@link CriteoAuthException}) for an error status
   * @throws CriteoException when retries are exhausted on transport failures
   */
  public Exchange send(ApiRequest call, CallContext context) {
    boolean replayedAfter401 = false;
    boolean resentOnNewConnection = false;
    int attempt = 0;
    while (true) {
      if (call.reportCall()) {
        waitForSlot(context, call.activity());
        context.listener().reportCallSent();
      }
      AccessToken token = token(context);
      Exchange exchange;
      try {
        exchange = runner.execute(request(call, token), context, call.activity());
      } catch (IOException e) {
        // Most often the server closed a pooled keep-alive connection while we waited; the other pooled
        // connections are likely as old, so none is reused for the retry.
        runner.evictIdleConnections();
        if (call.jsonBody() == null && !resentOnNewConnection) {
          // A read changes nothing on the server, so sending it again at once on a new connection is safe and
          // is not one of the retries: otherwise a busy client whose pooled connections outlive the server's
          // idle timeout spends its retries on connections that were dead before it wrote a byte.
          resentOnNewConnection = true;
          continue;
        }
        attempt++;
        TransportFailure failure = TransportFailure.of(e);
        if (attempt > config.maxRetries()) {
          throw new CriteoException("Criteo API call failed while " + call.activity() + " after " + attempt
              + " attempts: " + failure.cause() + ". " + failure.advice(), e);
        }
        LOG.fine(() -> call.activity() + ": " + failure.cause() + "; retrying on a new connection");
        retryAfter(backoff.delay(attempt), context, call.activity());
        continue;
      }
      reportDeprecation(exchange, context);
      int code = exchange.code();
      if (code >= 200 && code < 300) {
        return exchange;
      }
      List<ApiProblem> problems = readProblems(exchange, token);
      if (code == 429) {
        stats.rateLimited.incrementAndGet();
      }
      if (code == 401 && !replayedAfter401) {
        // The token expired early or was revoked: one fresh token, one replay.
        replayedAfter401 = true;
        tokens.invalidate(token);
        LOG.fine(() -> call.activity() + ": 401, refreshing the access token and replaying once");
        continue;
      }
      attempt++;
      Duration wait = waitBeforeRetry(code, problems, exchange.response().header("x-ratelimit-reset"), attempt,
          context);
      LOG.fine(() -> call.activity() + ": HTTP " + code + ", retrying in " + wait.toMillis() + " ms");
      retryAfter(wait, context, call.activity());
    }
  }

  /** How long to wait before repeating a call that failed with {@code code}; throws if it must not be repeated. */
  private Duration waitBeforeRetry(int code, List<ApiProblem> problems, String resetHeader, int attempt,
      CallContext context) {
    if (code == 401 || code == 403) {
      throw new CriteoAuthException(code, problems);
    }
    if (code != 429 && code < 500) {
      throw new CriteoApiException(code, problems, adviceFor(code));
    }
    if (attempt > config.maxRetries()) {
      throw new CriteoApiException(code, problems, exhaustedAdvice(code, attempt));
    }
    if (code != 429) {
      return backoff.delay(attempt);
    }
    Instant now = context.now();
    Instant resume = now.plus(rateLimitWait(resetHeader, now, attempt));
    // The limit is per application: every report call of this app pauses, not only this one.
    limiter.pauseUntil(resume);
    return Duration.between(now, resume);
  }

  private Request request(ApiRequest call, AccessToken token) {
    Request.Builder builder = new Request.Builder()
        .url(call.url())
        .header("Authorization", "Bearer " + token.value().reveal())
        .header("Accept", call.accept())
        .header("User-Agent", config.userAgent());
    if (call.jsonBody() != null) {
      // Bytes, so that OkHttp sends exactly "application/json" without appending a charset.
      builder.post(RequestBody.create(call.jsonBody().getBytes(StandardCharsets.UTF_8), JSON));
    }
    return builder.build();
  }

  private void waitForSlot(CallContext context, String activity) {
    Instant started = context.now();
    Duration wait;
    boolean waited = false;
    while (!(wait = limiter.tryAcquire(context.now(), config.maxCallsPerMinute())).isZero()) {
      Duration slot = wait;
      LOG.fine(() -> activity + ": waiting " + slot.toMillis() + " ms for a rate-limit slot");
      if (!waited && wait.compareTo(LONG_BUDGET_WAIT) > 0) {
        context.warn(String.format("The report-call budget of this Criteo app (%d calls a minute, shared by "
            + "all its connections) is spent: waiting about %d s, until %s UTC, before %s",
            config.maxCallsPerMinute(), (wait.toMillis() + 999) / 1000,
            UTC_TIME.format(context.now().plus(wait)), activity));
      }
      waited = true;
      context.sleep(wait, "waiting for a rate-limit slot (" + config.maxCallsPerMinute()
          + " report calls a minute) before " + activity);
    }
    if (waited) {
      context.listener().waitedForBudget(Duration.between(started, context.now()));
    }
    limiter.notice().ifPresent(context::warn);
  }

  private void retryAfter(Duration wait, CallContext context, String activity) {
    stats.retries.incrementAndGet();
    context.sleep(wait, "waiting to retry " + activity);
  }

  /** Until {@code x-ratelimit-reset} if given (epoch seconds), else the backoff for this attempt. */
  private Duration rateLimitWait(String resetHeader, Instant now, int attempt) {
    if (resetHeader != null) {
      try {
        Instant reset = Instant.ofEpochSecond(Long.parseLong(resetHeader.trim()));
        Duration untilReset = Duration.between(now, reset);
        if (!untilReset.isNegative() && untilReset.compareTo(MAX_RESET_WAIT) <= 0) {
          return untilReset;
        }
      } catch (NumberFormatException ignoredBadHeader) {
        // fall back to backoff
      }
    }
    return backoff.delay(attempt);
  }

  private List<ApiProblem> readProblems(Exchange exchange, AccessToken token) {
    try (exchange) {
      return ErrorBodies.problems(exchange.response().body().string(), config.clientSecret(), token.value());
    } catch (IOException e) {
      return List.of();
    }
  }

  private void reportDeprecation(Exchange exchange, CallContext context) {
    String deprecation = exchange.response().header("Deprecation");
    String sunset = exchange.response().header("Sunset");
    if (deprecation != null || sunset != null) {
      context.warn("Criteo API version '" + config.apiVersion() + "' is deprecated"
          + (sunset != null ? " and will be removed on " + sunset : "")
          + "; move apiVersion to a supported version");
    }
  }

  private String adviceFor(int code) {
    return switch (code) {
      case 404 -> "Check baseUrl and apiVersion ('" + config.apiVersion() + "'), or the report id";
      case 410 -> "API version '" + config.apiVersion() + "' is no longer served; set apiVersion to a supported one";
      default -> "";
    };
  }

  private String exhaustedAdvice(int code, int attempts) {
    return code == 429
        ? "Still rate limited after " + attempts + " attempts; wait a minute, or lower maxCallsPerMinute"
            + " (every connection of this Criteo app shares one budget)"
        : "Criteo kept failing after " + attempts + " attempts; try again later";
  }
}
