package io.github.criteojdbc.client.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.criteojdbc.client.ApiProblem;
import io.github.criteojdbc.client.CriteoApiException;
import io.github.criteojdbc.client.CriteoAuthException;
import io.github.criteojdbc.client.CriteoClientConfig;
import io.github.criteojdbc.client.CriteoException;
import io.github.criteojdbc.client.Secret;
import io.github.criteojdbc.client.http.CallContext;
import io.github.criteojdbc.client.http.CallRunner;
import io.github.criteojdbc.client.http.CallStats;
import io.github.criteojdbc.client.http.ErrorBodies;
import io.github.criteojdbc.client.http.Exchange;
import io.github.criteojdbc.client.http.RetryBackoff;
import io.github.criteojdbc.client.http.TransportFailure;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import okhttp3.FormBody;
import okhttp3.Request;

/**
 * Gets tokens with the OAuth2 client-credentials grant. Server errors and transport failures are
 * retried with backoff (bounded by maxRetries); a refusal of the credentials (any 4xx but 429) fails
 * at once, so a wrong secret never causes a storm of token requests.
 */
public final class TokenEndpoint {
  private static final Logger LOG = Logger.getLogger(TokenEndpoint.class.getName());
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** Criteo documents 15-minute tokens; used only if a response omits {@code expires_in}. */
  private static final Duration DOCUMENTED_LIFETIME = Duration.ofSeconds(900);

  private final CallRunner runner;
  private final CriteoClientConfig config;
  private final RetryBackoff backoff;
  private final CallStats stats;

  public TokenEndpoint(CallRunner runner, CriteoClientConfig config, RetryBackoff backoff, CallStats stats) {
    this.runner = runner;
    this.config = config;
    this.backoff = backoff;
    this.stats = stats;
  }

  public AccessToken fetch(CallContext context) {
    Request request = new Request.Builder()
        .url(config.tokenUrl().toString())
        .header("Accept", "application/json")
        .header("User-Agent", config.userAgent())
        .post(new FormBody.Builder()
            .add("grant_type", "client_credentials")
            .add("client_id", config.clientId())
            .add("client_secret", config.clientSecret().reveal())
            .build())
        .build();
    for (int attempt = 1; ; attempt++) {
      try (Exchange exchange = runner.execute(request, context, "fetching an access token")) {
        int code = exchange.code();
        String body = exchange.response().body().string();
        if (code >= 200 && code < 300) {
          stats.tokensFetched.incrementAndGet();
          return parse(body, context.now());
        }
        List<ApiProblem> problems = ErrorBodies.problems(body, config.clientSecret());
        if (code != 429 && code < 500) {
          throw new CriteoAuthException(code, problems);
        }
        if (attempt > config.maxRetries()) {
          throw new CriteoApiException(code, problems, "The Criteo token endpoint " + config.tokenUrl()
              + " kept failing after " + attempt + " attempts; try again later");
        }
        LOG.fine(() -> "token endpoint answered " + code + "; retrying");
      } catch (IOException e) {
        runner.evictIdleConnections();
        TransportFailure failure = TransportFailure.of(e);
        if (attempt > config.maxRetries()) {
          throw new CriteoException("Could not get a token from the Criteo token endpoint " + config.tokenUrl()
              + " after " + attempt + " attempts: " + failure.cause() + ". " + failure.advice()
              + "; check tokenUrl", e);
        }
        LOG.fine(() -> "token request failed: " + failure.cause() + "; retrying on a new connection");
      }
      stats.retries.incrementAndGet();
      context.sleep(backoff.delay(attempt), "waiting to retry the token request");
    }
  }

  private AccessToken parse(String body, Instant now) {
    JsonNode json;
    try {
      json = MAPPER.readTree(body);
    } catch (IOException e) {
      throw new CriteoException("The Criteo token endpoint " + config.tokenUrl()
          + " answered with something that is not JSON; check tokenUrl");
    }
    String token = json == null ? null : json.path("access_token").asText(null);
    if (token == null || token.isEmpty()) {
      throw new CriteoException("The Criteo token endpoint " + config.tokenUrl()
          + " answered without an access_token; check tokenUrl");
    }
    long seconds = json.path("expires_in").asLong(0);
    Duration lifetime = seconds > 0 ? Duration.ofSeconds(seconds) : DOCUMENTED_LIFETIME;
    return AccessToken.issued(Secret.of(token), now, lifetime);
  }
}
