package io.github.criteojdbc.server;

import io.github.criteojdbc.driver.DriverProperty;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The team server's settings, from a {@code .properties} file or a {@code .json} file whose nested
 * objects stand for the dotted prefixes ({@code {"listen": {"port": 8765}}} is {@code listen.port}).
 *
 * <ul>
 *   <li>{@code listen.host} (default 127.0.0.1), {@code listen.port} (default 8765; 0 takes a free port);
 *   <li>{@code tls.keystore} (a PKCS12 file with the server's key and certificate),
 *       {@code tls.keystorePassword}, {@code tls.keystoreType} (default PKCS12);
 *   <li>{@code dev.plainHttp=true} serves plain HTTP instead, on a loopback address only;
 *   <li>{@code auth.passwordFile}, {@code auth.tokenFile}: who may log in (at least one);
 *   <li>{@code server.threads} (default 16), {@code server.maxRequestBytes} (default 16 MiB),
 *       {@code server.maxConnectionsPerUser} (default 20), {@code server.maxStatementsPerUser} (default 200,
 *       over all of a user's connections), {@code server.idleTimeoutSeconds} (default 1800: a connection
 *       unused that long, with no statement running, is closed);
 *   <li>{@code grants.file}: which advertisers each user may query ({@link AdvertiserGrants}); unset, every
 *       user may query every advertiser of the app;
 *   <li>{@code audit.file}: where one line per statement execution is appended ({@link AuditLog}); unset,
 *       the lines go to the logger {@value AuditLog#LOGGER};
 *   <li>{@code redis.url} ({@code redis://[user:password@]host:port[/db]}, or {@code rediss://} for TLS): the
 *       Redis through which several servers of one app share its report-call budget and its cached reports;
 *       {@code redis.servers}, how many servers share it (required with the url: without Redis each keeps
 *       the app's limit divided by it); {@code redis.timeoutMillis} (default 500);
 *   <li>{@code criteo.NAME}: any {@code jdbc:criteo:} connection property (credentials, baseUrl,
 *       cache, budget...), used by every client connection. Clients may only choose
 *       {@link ClientProperties#CLIENT_CHOSEN}, which these set the defaults of.
 * </ul>
 * Every setting is checked when the file is read; a wrong one fails with SQLState HY024 and its name.
 */
public final class ServerConfig {
  static final String DRIVER_PREFIX = "criteo.";
  static final Set<String> SERVER_KEYS = Set.of("listen.host", "listen.port", "tls.keystore",
      "tls.keystorePassword", "tls.keystoreType", "dev.plainHttp", "auth.passwordFile", "auth.tokenFile",
      "server.threads", "server.maxRequestBytes", "server.maxConnectionsPerUser", "server.idleTimeoutSeconds",
      "server.maxStatementsPerUser", "grants.file", "audit.file", "redis.url", "redis.servers",
      "redis.timeoutMillis");

  private final String host;
  private final int port;
  private final Optional<Tls> tls;
  private final Optional<Path> passwordFile;
  private final Optional<Path> tokenFile;
  private final Optional<Path> grantsFile;
  private final Optional<Path> auditFile;
  private final int threads;
  private final int maxRequestBytes;
  private final ServerConnections.Limits limits;
  private final Optional<Redis> redis;
  private final Properties driverProperties;

  private ServerConfig(Map<String, String> settings, Path base) throws SQLException {
    for (String key : settings.keySet()) {
      if (!SERVER_KEYS.contains(key) && !isDriverKey(key)) {
        throw ConfigFiles.invalid("Unknown server setting " + key + ": known settings are "
            + String.join(", ", new TreeSet<>(SERVER_KEYS)) + " and " + DRIVER_PREFIX
            + "<connection property>");
      }
    }
    this.host = settings.getOrDefault("listen.host", "127.0.0.1");
    this.port = integer(settings, "listen.port", 8765, 0, 65535);
    this.threads = integer(settings, "server.threads", 16, 1, 1000);
    this.maxRequestBytes = integer(settings, "server.maxRequestBytes", 16 * 1024 * 1024, 1024, Integer.MAX_VALUE);
    this.limits = new ServerConnections.Limits(integer(settings, "server.maxConnectionsPerUser", 20, 1, 100_000),
        integer(settings, "server.maxStatementsPerUser", 200, 1, 1_000_000),
        Duration.ofSeconds(integer(settings, "server.idleTimeoutSeconds", 1800, 1, Integer.MAX_VALUE)));
    this.passwordFile = Optional.ofNullable(settings.get("auth.passwordFile")).map(p -> base.resolve(p));
    this.tokenFile = Optional.ofNullable(settings.get("auth.tokenFile")).map(p -> base.resolve(p));
    this.grantsFile = Optional.ofNullable(settings.get("grants.file")).map(p -> base.resolve(p));
    this.auditFile = Optional.ofNullable(settings.get("audit.file")).map(p -> base.resolve(p));
    if (passwordFile.isEmpty() && tokenFile.isEmpty()) {
      throw ConfigFiles.invalid("Neither auth.passwordFile nor auth.tokenFile is set: nobody could log in; set at"
          + " least one");
    }
    boolean plainHttp = bool(settings, "dev.plainHttp");
    Optional<String> keystore = Optional.ofNullable(settings.get("tls.keystore"));
    if (plainHttp) {
      if (keystore.isPresent()) {
        throw ConfigFiles.invalid("dev.plainHttp=true and tls.keystore are both set; remove one of them");
      }
      if (!isLoopback(host)) {
        throw ConfigFiles.invalid("dev.plainHttp=true serves passwords in clear text, so it binds a loopback"
            + " address only, not listen.host=" + host + "; set listen.host=127.0.0.1 or configure tls.keystore");
      }
      this.tls = Optional.empty();
    } else {
      if (keystore.isEmpty()) {
        throw ConfigFiles.invalid("tls.keystore is not set: the server speaks HTTPS only; set tls.keystore and"
            + " tls.keystorePassword (a PKCS12 file), or dev.plainHttp=true on a loopback address for development");
      }
      String password = Optional.ofNullable(settings.get("tls.keystorePassword")).orElseThrow(
          () -> ConfigFiles.invalid("tls.keystorePassword is not set; set the password of " + keystore.get()));
      this.tls = Optional.of(new Tls(base.resolve(keystore.get()), password.toCharArray(),
          settings.getOrDefault("tls.keystoreType", "PKCS12")));
    }
    this.redis = redis(settings);
    this.driverProperties = new Properties();
    for (Map.Entry<String, String> entry : settings.entrySet()) {
      if (isDriverKey(entry.getKey())) {
        String name = entry.getKey().substring(DRIVER_PREFIX.length());
        DriverProperty property = DriverProperty.forName(name).orElseThrow(() -> ConfigFiles.invalid(
            "Unknown connection property " + entry.getKey() + ": known properties are " + DriverProperty.knownNames()));
        driverProperties.setProperty(property.key(), entry.getValue());
      }
    }
  }

  /** Reads a {@code .properties} or {@code .json} file; relative paths in it are relative to its folder. */
  public static ServerConfig load(Path file) throws SQLException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    Path base = file.toAbsolutePath().getParent();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      if (name.endsWith(".json")) {
        Map<String, String> settings = new TreeMap<>();
        flatten("", new ObjectMapper().readTree(reader), settings);
        return new ServerConfig(settings, base);
      }
      if (name.endsWith(".properties")) {
        Properties properties = new Properties();
        properties.load(reader);
        return of(properties, base);
      }
    } catch (JacksonException e) {
      throw ConfigFiles.invalid("The server configuration " + file + " is not valid JSON: "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw ConfigFiles.invalid("Cannot read the server configuration " + file + ": " + e.getMessage());
    }
    throw ConfigFiles.invalid("The server configuration " + file + " must be a .properties or a .json file");
  }

  static ServerConfig of(Properties properties, Path base) throws SQLException {
    Map<String, String> settings = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      settings.put(key.strip(), properties.getProperty(key).strip());
    }
    return new ServerConfig(settings, base);
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> settings) throws SQLException {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), settings);
      }
    } else if (node.isValueNode() && !node.isNull()) {
      settings.put(prefix, node.asText());
    } else if (!node.isNull()) {
      throw ConfigFiles.invalid("Server setting " + prefix + " must be a string, number or boolean");
    }
  }

  private static Optional<Redis> redis(Map<String, String> settings) throws SQLException {
    Optional<String> url = Optional.ofNullable(settings.get("redis.url"));
    if (url.isEmpty()) {
      for (String key : List.of("redis.servers", "redis.timeoutMillis")) {
        if (settings.containsKey(key)) {
          throw ConfigFiles.invalid(key + " is set but redis.url is not; set redis.url or remove " + key);
        }
      }
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(url.get());
    } catch (URISyntaxException e) {
      uri = null;
    }
    // The url may hold Redis's password: the messages never repeat it.
    if (uri == null || !List.of("redis", "rediss").contains(uri.getScheme()) || uri.getHost() == null
        || !Optional.ofNullable(uri.getPath()).orElse("").matches("(/[0-9]{0,2})?")) {
      throw ConfigFiles.invalid("Invalid redis.url: expected redis://[user:password@]host[:port][/db], or rediss://"
          + " for TLS");
    }
    if (!settings.containsKey("redis.servers")) {
      throw ConfigFiles.invalid("redis.servers is not set: set it to the number of team servers sharing this Redis,"
          + " so that without Redis each keeps its share of the report-call budget");
    }
    return Optional.of(new Redis(uri, integer(settings, "redis.servers", 1, 1, 64),
        Duration.ofMillis(integer(settings, "redis.timeoutMillis", 500, 50, 60_000))));
  }

  private static boolean isDriverKey(String key) {
    return key.startsWith(DRIVER_PREFIX);
  }

  private static int integer(Map<String, String> settings, String key, int defaultValue, int min, int max)
      throws SQLException {
    String value = settings.get(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted range
    }
    throw ConfigFiles.invalid("Invalid value '" + value + "' for server setting " + key + ": expected a whole number"
        + " from " + min + " to " + max);
  }

  private static boolean bool(Map<String, String> settings, String key) throws SQLException {
    String value = settings.getOrDefault(key, "false");
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw ConfigFiles.invalid("Invalid value '" + value + "' for server setting " + key + ": expected true or false");
  }

  private static boolean isLoopback(String host) {
    try {
      return List.of(InetAddress.getAllByName(host)).stream().allMatch(InetAddress::isLoopbackAddress);
    } catch (UnknownHostException e) {
      return false;
    }
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  Optional<Tls> tls() {
    return tls;
  }

  Optional<Path> passwordFile() {
    return passwordFile;
  }

  Optional<Path> tokenFile() {
    return tokenFile;
  }

  Optional<Path> grantsFile() {
    return grantsFile;
  }

  Optional<Path> auditFile() {
    return auditFile;
  }

  int threads() {
    return threads;
  }

  int maxRequestBytes() {
    return maxRequestBytes;
  }

  ServerConnections.Limits limits() {
    return limits;
  }

  /** The Redis shared with the other servers of the app, if any. */
  Optional<Redis> redis() {
    return redis;
  }

  /** The {@code jdbc:criteo:} properties of every client connection, a copy. */
  Properties driverProperties() {
    Properties copy = new Properties();
    copy.putAll(driverProperties);
    return copy;
  }

  /** Where Redis is, how many servers share it, and how long a command may take before Redis counts as away. */
  record Redis(URI url, int servers, Duration timeout) {
    /** The address for messages: never the password. */
    String address() {
      return url.getScheme() + "://" + url.getHost() + ":" + (url.getPort() > 0 ? url.getPort() : 6379);
    }
  }

  /** Where the server's key and certificate are. */
  record Tls(Path keystore, char[] password, String type) {
  }
}
