package io.github.criteojdbc.sandbox;

import io.github.criteojdbc.sandbox.http.ApiException;
import io.github.criteojdbc.sandbox.http.ConnectionAbort;
import io.github.criteojdbc.sandbox.http.HttpCall;
import io.github.criteojdbc.sandbox.http.Problem;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What every call passes before its endpoint handles it: infrastructure faults first (dropped connection,
 * 500), then for API calls the bearer token, then throttling and the rate limit, then random server errors.
 */
final class CallGate {
  /** The documented reporting budget, announced when a throttled call has no configured limit to report. */
  private static final int DOCUMENTED_REPORTING_LIMIT = 40;

  private final SandboxFaults faults;
  private final TokenStore tokens;
  private final RateLimiter rateLimiter;
  private final Clock clock;

  CallGate(SandboxFaults faults, TokenStore tokens, RateLimiter rateLimiter, Clock clock) {
    this.faults = faults;
    this.tokens = tokens;
    this.rateLimiter = rateLimiter;
    this.clock = clock;
  }

  void passToken() {
    infrastructureFaults(Endpoint.TOKEN);
  }

  /** Lets an API call through and returns its client id, or ends it. */
  String passApi(HttpCall call, Endpoint kind) {
    infrastructureFaults(kind);
    String clientId = authenticate(call);
    Instant now = clock.instant();
    Optional<Boolean> throttled = faults.takeThrottle();
    if (throttled.isPresent()) {
      throttle(call, throttled.get(), now);
    }
    int limit = faults.rateLimitPerMinute();
    if (limit > 0) {
      RateLimiter.Decision decision = rateLimiter.admit(clientId, limit, now);
      call.setHeader("x-ratelimit-limit", String.valueOf(decision.limit()));
      call.setHeader("x-ratelimit-remaining", String.valueOf(decision.remaining()));
      call.setHeader("x-ratelimit-reset", String.valueOf(decision.resetEpochSeconds()));
      if (!decision.admitted()) {
        throw tooManyRequests("more than " + limit + " report calls in 60 seconds");
      }
    }
    if (faults.takeRandomServerError()) {
      throw internalError();
    }
    return clientId;
  }

  private void infrastructureFaults(Endpoint kind) {
    if (faults.takeDrop(kind)) {
      throw new ConnectionAbort("dropped " + kind + " call");
    }
    if (faults.takeFailure(kind)) {
      throw internalError();
    }
  }

  private String authenticate(HttpCall call) {
    String authorization = call.header("Authorization").orElse("").trim();
    if (authorization.length() < 7 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw unauthenticated("authorization-token-missing", "Authorization token missing",
          "Send 'Authorization: Bearer <access_token>' (token from POST /oauth2/token)", call);
    }
    TokenStore.Check check = tokens.check(authorization.substring(7).trim(), clock.instant());
    if (check instanceof TokenStore.Check.Valid valid) {
      return valid.clientId();
    }
    if (check instanceof TokenStore.Check.Expired) {
      throw unauthenticated("authorization-token-expired", "Authorization token expired",
          "The access token has expired; request a new one", call);
    }
    throw unauthenticated("authorization-token-invalid", "Authorization token invalid",
        "The access token is not one this server issued", call);
  }

  private void throttle(HttpCall call, boolean withResetHeader, Instant now) {
    int configured = faults.rateLimitPerMinute();
    call.setHeader("x-ratelimit-limit", String.valueOf(configured > 0 ? configured : DOCUMENTED_REPORTING_LIMIT));
    call.setHeader("x-ratelimit-remaining", "0");
    if (withResetHeader) {
      call.setHeader("x-ratelimit-reset", String.valueOf(RateLimiter.ceilSeconds(now.plusSeconds(1))));
    }
    throw tooManyRequests("throttled by the sandbox");
  }

  private static ApiException unauthenticated(String code, String title, String detail, HttpCall call) {
    call.setHeader("WWW-Authenticate", "Bearer");
    return new ApiException(401, new Problem("authentication", code, title, detail, null));
  }

  private static ApiException tooManyRequests(String detail) {
    return new ApiException(429, new Problem("quota", "too-many-requests", "Too many requests", detail, null));
  }

  static ApiException internalError() {
    return new ApiException(500, new Problem("unknown", "internal-error", "Internal error",
        "The server encountered an internal error", null));
  }
}
