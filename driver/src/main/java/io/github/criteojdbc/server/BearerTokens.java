package io.github.criteojdbc.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bearer tokens the server accepts: one {@code user:EXPIRES_AT:SHA256_OF_TOKEN} line each, the
 * expiry an ISO-8601 instant ({@code #} starts a comment). The file keeps only the tokens'
 * digests; {@code serve add-token} makes a random token, prints it once and writes its line.
 */
final class BearerTokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int TOKEN_BYTES = 32;

  private final Map<String, Grant> byDigest;

  private BearerTokens(Map<String, Grant> byDigest) {
    this.byDigest = Map.copyOf(byDigest);
  }

  static BearerTokens none() {
    return new BearerTokens(Map.of());
  }

  static BearerTokens read(Path file) throws SQLException {
    Map<String, Grant> grants = new HashMap<>();
    List<String> lines = ConfigFiles.lines(file, "auth.tokenFile");
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(":", -1);
      if (parts.length < 3) {
        throw malformed(file, i);
      }
      String digest = parts[parts.length - 1];
      String user = parts[0];
      String expiry = line.substring(user.length() + 1, line.length() - digest.length() - 1);
      try {
        if (user.isEmpty() || HexFormat.of().parseHex(digest).length != 32) {
          throw malformed(file, i);
        }
        grants.put(digest.toLowerCase(java.util.Locale.ROOT), new Grant(user, Instant.parse(expiry)));
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw malformed(file, i);
      }
    }
    return new BearerTokens(grants);
  }

  private static SQLException malformed(Path file, int index) {
    return ConfigFiles.invalid("Line " + (index + 1) + " of the token file " + file + " is not"
        + " user:EXPIRES_AT:SHA256_OF_TOKEN; write it with java -jar criteo-jdbc.jar serve add-token");
  }

  /** A new random token for {@code user} valid for {@code validity}, and the line that grants it. */
  static Issued issue(String user, Duration validity, Instant now) {
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new Issued(token, user + ":" + now.plus(validity) + ":" + digest(token));
  }

  Optional<Grant> grant(String token) {
    return Optional.ofNullable(byDigest.get(digest(token)));
  }

  static String digest(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
          token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM lacks SHA-256", e);
    }
  }

  /** Whom a token authenticates, until when. */
  record Grant(String user, Instant expiresAt) {
  }

  /** A token to hand to its user once, and the token file's line for it. */
  record Issued(String token, String line) {
  }
}
