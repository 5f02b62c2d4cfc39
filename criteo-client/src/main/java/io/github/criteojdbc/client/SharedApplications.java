package io.github.criteojdbc.client;

import io.github.criteojdbc.client.auth.TokenCache;
import io.github.criteojdbc.client.http.SlidingWindowRateLimiter;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Per-application state shared by every client in the JVM. Criteo's rate limit counts per
 * application, so one limiter per (clientId, baseUrl). The token cache is additionally keyed by the
 * token URL and a digest of the secret: a client given a wrong secret must not be served a token
 * another client obtained with the right one.
 *
 * <p>Entries live as long as the JVM (a few hundred bytes each) so that the budget and the token
 * survive clients being opened and closed, as pooled JDBC connections are.
 */
final class SharedApplications {
  private static final ConcurrentMap<List<String>, SlidingWindowRateLimiter> LIMITERS = new ConcurrentHashMap<>();
  private static final ConcurrentMap<List<String>, TokenCache> TOKENS = new ConcurrentHashMap<>();

  private SharedApplications() {}

  static SlidingWindowRateLimiter rateLimiter(CriteoClientConfig config) {
    return LIMITERS.computeIfAbsent(List.of(config.clientId(), config.baseUrl().toString()),
        key -> new SlidingWindowRateLimiter());
  }

  static TokenCache tokenCache(CriteoClientConfig config) {
    List<String> key = List.of(config.clientId(), config.baseUrl().toString(), config.tokenUrl().toString(),
        HexFormat.of().formatHex(config.clientSecret().sha256()));
    return TOKENS.computeIfAbsent(key, k -> new TokenCache());
  }
}
