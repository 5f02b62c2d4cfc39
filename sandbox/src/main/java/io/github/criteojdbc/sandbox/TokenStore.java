package io.github.criteojdbc.sandbox;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The access tokens issued so far. Several tokens of one client may be valid at once, as with the real API. */
final class TokenStore {
  private static final int TOKEN_BYTES = 32;

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Grant> grants = new ConcurrentHashMap<>();

  /** What a presented token turns out to be. */
  sealed interface Check {
    record Valid(String clientId) implements Check {}

    record Unknown() implements Check {}

    record Expired() implements Check {}
  }

  String issue(String clientId, Duration lifetime, Instant now) {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    grants.put(token, new Grant(clientId, now.plus(lifetime)));
    return token;
  }

  Check check(String token, Instant now) {
    Optional<Grant> grant = Optional.ofNullable(grants.get(token));
    if (grant.isEmpty()) {
      return new Check.Unknown();
    }
    return now.isBefore(grant.get().expiresAt()) ? new Check.Valid(grant.get().clientId()) : new Check.Expired();
  }

  private record Grant(String clientId, Instant expiresAt) {}
}
