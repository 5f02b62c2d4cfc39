package io.github.criteojdbc.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who sent a request: HTTP BASIC checked against the password file, or a bearer token checked
 * against the token file and its expiry. A password is hashed with PBKDF2 once, then its success
 * remembered for a few minutes under a keyed digest, since Avatica clients send it with every
 * request, unless the password file changed since. Failures never say which of user or password
 * was wrong, nor echo either.
 */
final class Authenticator {
  static final Duration REMEMBERED_LOGIN = Duration.ofMinutes(5);
  private static final int MAX_REMEMBERED = 10_000;

  private final Supplier<PasswordFile> passwords;
  private final Supplier<BearerTokens> tokens;
  private final Clock clock;
  private final byte[] loginKey = new byte[32];
  private final Map<String, Remembered> rememberedLogins = new ConcurrentHashMap<>();

  /** {@code passwords} and {@code tokens} are asked at each request, so they may change while the server runs. */
  Authenticator(Supplier<PasswordFile> passwords, Supplier<BearerTokens> tokens, Clock clock) {
    this.passwords = passwords;
    this.tokens = tokens;
    this.clock = clock;
    new SecureRandom().nextBytes(loginKey);
  }

  /** The user of a request with this {@code Authorization} header, or why there is none. */
  Outcome authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return Outcome.missing("Authentication required: log in with HTTP BASIC (authentication=BASIC;avatica_user=…;"
          + "avatica_password=…) or a bearer token (authentication=BEARER;bearer_token=…)");
    }
    int space = authorization.indexOf(' ');
    String scheme = space < 0 ? authorization : authorization.substring(0, space);
    String credentials = space < 0 ? "" : authorization.substring(space + 1).strip();
    if (scheme.equalsIgnoreCase("Basic")) {
      return basic(credentials);
    }
    if (scheme.equalsIgnoreCase("Bearer")) {
      return bearer(credentials);
    }
    return Outcome.refused("Unsupported authentication scheme " + scheme + ": use BASIC or BEARER");
  }

  private Outcome basic(String credentials) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Outcome.refused("Malformed BASIC credentials");
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Outcome.refused("Malformed BASIC credentials: expected user:password");
    }
    String user = decoded.substring(0, colon);
    char[] password = decoded.substring(colon + 1).toCharArray();
    String remembered = loginDigest(decoded);
    PasswordFile file = passwords.get();
    Instant now = clock.instant();
    Remembered login = rememberedLogins.get(remembered);
    // A login checked against an older password file may be one the current file revokes.
    if (login != null && login.checkedAgainst() == file && now.isBefore(login.until())) {
      return Outcome.user(user);
    }
    if (!file.matches(user, password)) {
      return Outcome.refused("Wrong user name or password");
    }
    if (rememberedLogins.size() >= MAX_REMEMBERED) {
      rememberedLogins.clear();
    }
    rememberedLogins.put(remembered, new Remembered(now.plus(REMEMBERED_LOGIN), file));
    return Outcome.user(user);
  }

  private Outcome bearer(String token) {
    Optional<BearerTokens.Grant> grant = token.isEmpty() ? Optional.empty() : tokens.get().grant(token);
    if (grant.isEmpty()) {
      return Outcome.refused("Unknown bearer token: ask the server's administrator for a token");
    }
    if (!clock.instant().isBefore(grant.get().expiresAt())) {
      return Outcome.refused("Bearer token of " + grant.get().user() + " expired at " + grant.get().expiresAt()
          + ": ask the server's administrator for a new token");
    }
    return Outcome.user(grant.get().user());
  }

  private String loginDigest(String userAndPassword) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(loginKey, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(userAndPassword.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM lacks HmacSHA256", e);
    }
  }

  /** A good login, until when it is taken without hashing, and the password file that accepted it. */
  private record Remembered(Instant until, PasswordFile checkedAgainst) {
  }

  /** An authenticated user, or the reason a request was refused and whether it carried credentials. */
  record Outcome(Optional<String> user, String refusal, boolean credentialsGiven) {
    static Outcome user(String name) {
      return new Outcome(Optional.of(name), "", true);
    }

    static Outcome refused(String reason) {
      return new Outcome(Optional.empty(), reason, true);
    }

    static Outcome missing(String reason) {
      return new Outcome(Optional.empty(), reason, false);
    }
  }
}
