package io.github.criteojdbc.client.auth;

import io.github.criteojdbc.client.Secret;
import java.time.Duration;
import java.time.Instant;

/**
 * A bearer token and when to stop using it. It is replaced before it expires, by a margin of
 * min(60 s, 10% of its lifetime), so a call started just before expiry does not get a 401.
 */
public record AccessToken(Secret value, Instant refreshAt) {
  static final Duration MAX_MARGIN = Duration.ofSeconds(60);

  public static AccessToken issued(Secret value, Instant issuedAt, Duration lifetime) {
    Duration tenth = lifetime.dividedBy(10);
    Duration margin = tenth.compareTo(MAX_MARGIN) < 0 ? tenth : MAX_MARGIN;
    return new AccessToken(value, issuedAt.plus(lifetime).minus(margin));
  }

  public boolean usableAt(Instant now) {
    return now.isBefore(refreshAt);
  }
}
