package io.github.criteojdbc.client;

import java.util.Objects;
import java.util.Optional;

/** An HTTP proxy to reach the API through, optionally with basic proxy authentication. */
public final class ProxySettings {
  private final String host;
  private final int port;
  private final Optional<String> user;
  private final Optional<Secret> password;

  private ProxySettings(String host, int port, Optional<String> user, Optional<Secret> password) {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("proxy host is empty");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("proxy port must be 1-65535, got " + port);
    }
    if (user.isPresent() != password.isPresent()) {
      throw new IllegalArgumentException("proxy user and password go together; set both or neither");
    }
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
  }

  public static ProxySettings of(String host, int port) {
    return new ProxySettings(host, port, Optional.empty(), Optional.empty());
  }

  public static ProxySettings withBasicAuth(String host, int port, String user, Secret password) {
    return new ProxySettings(
        host, port, Optional.of(Objects.requireNonNull(user, "proxy user")),
        Optional.of(Objects.requireNonNull(password, "proxy password")));
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public Optional<String> user() {
    return user;
  }

  public Optional<Secret> password() {
    return password;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ProxySettings that
        && host.equals(that.host) && port == that.port
        && user.equals(that.user) && password.equals(that.password);
  }

  @Override
  public int hashCode() {
    return Objects.hash(host, port, user, password);
  }

  @Override
  public String toString() {
    return user.map(u -> u + ":" + password.orElseThrow() + "@").orElse("") + host + ":" + port;
  }
}
