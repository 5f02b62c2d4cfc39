package io.github.criteojdbc.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A credential (client secret, proxy password, access token) that is never printed: {@link #toString()}
 * gives {@code ****}, and the value is only reachable through {@link #reveal()}.
 */
public final class Secret {
  private static final String MASK = "****";

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  public static Secret of(String value) {
    Objects.requireNonNull(value, "secret value");
    return new Secret(value);
  }

  public String reveal() {
    return value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    // Constant-time so that comparing secrets leaks nothing through timing.
    return other instanceof Secret that
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sha256());
  }

  /** A digest of the value, for keying shared state by credentials without keeping them around. */
  byte[] sha256() {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM ships SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return MASK;
  }
}
