package io.github.criteojdbc.server;

import io.github.criteojdbc.driver.DriverProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

/**
 * How the server's connections name its Criteo application to clients (in
 * {@code criteo_driver.budget}): the configured {@code criteo.applicationLabel}, else a short
 * digest of the client id and API root, which tells two servers' applications apart without
 * showing either.
 */
final class ApplicationLabel {
  private static final int DIGEST_BYTES = 5;

  private ApplicationLabel() {
  }

  /** {@code serverProperties} with the label set, unless the configuration set one. */
  static Properties applied(Properties serverProperties) {
    Properties labelled = new Properties();
    labelled.putAll(serverProperties);
    String key = DriverProperty.APPLICATION_LABEL.key();
    if (!labelled.containsKey(key)) {
      labelled.setProperty(key, digestLabel(labelled));
    }
    return labelled;
  }

  private static String digestLabel(Properties serverProperties) {
    String application = serverProperties.getProperty(DriverProperty.CLIENT_ID.key(), "") + "@"
        + serverProperties.getProperty(DriverProperty.BASE_URL.key(), DriverProperty.BASE_URL.defaultText());
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(application.getBytes(StandardCharsets.UTF_8));
      return "team server app " + HexFormat.of().formatHex(digest, 0, DIGEST_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
