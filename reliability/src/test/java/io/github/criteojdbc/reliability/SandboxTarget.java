package io.github.criteojdbc.reliability;

import io.github.criteojdbc.sandbox.LoggedRequest;
import io.github.criteojdbc.sandbox.RequestLog;
import io.github.criteojdbc.sandbox.SandboxFaults;
import io.github.criteojdbc.sandbox.SandboxOptions;
import io.github.criteojdbc.sandbox.SandboxServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The harness every reliability test uses: a sandbox in this JVM with its fault switches and request log, and
 * connections of the shaded driver to it through {@code baseUrl} and the JDBC user/password. Connection
 * properties default to what a test suite needs (fast polls, no result cache, a budget that never makes a test
 * wait unless it asks for one) and are overridden per connection. Tests of further tables use the same harness.
 */
final class SandboxTarget implements AutoCloseable {
  /** Distinctive, so that finding it in a message or log line cannot be a coincidence. */
  static final String CLIENT_SECRET = "rel-secret-5c1e7a93d04b";

  private final SandboxServer sandbox;

  private SandboxTarget(SandboxServer sandbox) {
    this.sandbox = sandbox;
  }

  /** A sandbox for one application whose client id is {@code clientId} (rate limits are per client id). */
  static SandboxTarget start(String clientId) {
    return new SandboxTarget(SandboxServer.start(SandboxOptions.builder()
        .clientId(clientId).clientSecret(CLIENT_SECRET).build()));
  }

  SandboxServer sandbox() {
    return sandbox;
  }

  SandboxFaults faults() {
    return sandbox.faults();
  }

  RequestLog log() {
    return sandbox.requestLog();
  }

  Map<String, String> defaultProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("baseUrl", sandbox.baseUrl().toString());
    properties.put("advertiserIds", String.join(",", sandbox.data().advertiserIds()));
    properties.put("pollIntervalSeconds", "0.05");
    properties.put("maxCallsPerMinute", "100000");
    properties.put("cacheTtlSeconds", "0");
    properties.put("recentCacheTtlSeconds", "0");
    properties.put("realtimeCacheTtlSeconds", "0");
    return properties;
  }

  /**
   * The URL with the defaults, each {@code key=value} of {@code overrides} replacing or adding one; {@code key=}
   * leaves the key out.
   */
  String url(String... overrides) {
    Map<String, String> properties = defaultProperties();
    for (String override : overrides) {
      int equals = override.indexOf('=');
      String value = override.substring(equals + 1);
      if (value.isEmpty()) {
        properties.remove(override.substring(0, equals));
      } else {
        properties.put(override.substring(0, equals), value);
      }
    }
    return "jdbc:criteo:" + properties.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
  }

  Connection connect(String... overrides) throws SQLException {
    return connectAs(sandbox.clientId(), CLIENT_SECRET, overrides);
  }

  Connection connectAs(String clientId, String secret, String... overrides) throws SQLException {
    Properties credentials = new Properties();
    credentials.setProperty("user", clientId);
    credentials.setProperty("password", secret);
    return ShadedDriver.get().connect(url(overrides), credentials);
  }

  /** Runs {@code sql} on a new connection and reads every row. */
  List<List<Object>> rows(String sql, String... overrides) throws SQLException {
    try (Connection connection = connect(overrides); Statement statement = connection.createStatement()) {
      return ResultRows.readAll(statement.executeQuery(sql));
    }
  }

  long reportCreations() {
    return log().reportCreations();
  }

  long reportCalls() {
    return log().reportCalls();
  }

  /** Every access token a client presented to the sandbox so far, read from the Authorization headers. */
  Set<String> accessTokensSeen() {
    return log().all().stream()
        .map(request -> request.header("Authorization").orElse(""))
        .filter(header -> header.startsWith("Bearer "))
        .map(header -> header.substring("Bearer ".length()).trim())
        .filter(token -> !token.isEmpty())
        .collect(Collectors.toSet());
  }

  List<LoggedRequest> creations() {
    return log().all().stream().filter(LoggedRequest::isReportCreation).toList();
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
