package io.github.criteojdbc.server;

import io.github.criteojdbc.sandbox.SandboxServer;
import io.github.criteojdbc.sandbox.data.Advertiser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A team server on loopback with TLS, in front of a sandbox emulator: users alice and bob log in
 * with passwords, carol with a valid bearer token, dave with an expired one. Its key is made at
 * test time by the JDK's keytool; nothing secret is committed.
 */
final class TeamServerFixture implements AutoCloseable {
  static final String ALICE = "alice";
  static final String ALICE_PASSWORD = "alice-password-1";
  static final String BOB = "bob";
  static final String BOB_PASSWORD = "bob-password-2";
  static final String STORE_PASSWORD = "test-store-password";
  /** Few iterations: the hashing cost is not under test, and a test JVM shares two cores. */
  static final int TEST_ITERATIONS = PasswordHash.MIN_ITERATIONS;

  final Path dir;
  final SandboxServer sandbox;
  final TeamServer server;
  final Path truststore;
  final String carolToken;
  final String daveExpiredToken;
  private final Properties config;
  private final boolean ownsSandbox;
  private final List<TeamServer> others = new java.util.concurrent.CopyOnWriteArrayList<>();

  private TeamServerFixture(Path dir, SandboxServer sandbox, TeamServer server, Path truststore, String carolToken,
      String daveExpiredToken, Properties config, boolean ownsSandbox) {
    this.dir = dir;
    this.sandbox = sandbox;
    this.server = server;
    this.truststore = truststore;
    this.carolToken = carolToken;
    this.daveExpiredToken = daveExpiredToken;
    this.config = config;
    this.ownsSandbox = ownsSandbox;
  }

  static TeamServerFixture start(Path dir) throws Exception {
    return start(dir, new Properties());
  }

  /** The server with {@code extra} server settings too (paths in them relative to {@code dir}). */
  static TeamServerFixture start(Path dir, Properties extra) throws Exception {
    SandboxServer sandbox = SandboxServer.start();
    try {
      return start(dir, extra, sandbox, true);
    } catch (Exception | Error e) {
      sandbox.close();
      throw e;
    }
  }

  /** The server in front of {@code sandbox}, which the caller closes. */
  static TeamServerFixture start(Path dir, Properties extra, SandboxServer sandbox) throws Exception {
    return start(dir, extra, sandbox, false);
  }

  private static TeamServerFixture start(Path dir, Properties extra, SandboxServer sandbox, boolean ownsSandbox)
      throws Exception {
    Path truststore = makeKeys(dir);
    Path passwords = dir.resolve("users");
    Files.write(passwords, List.of(PasswordFile.line(ALICE, ALICE_PASSWORD.toCharArray(), TEST_ITERATIONS),
        PasswordFile.line(BOB, BOB_PASSWORD.toCharArray(), TEST_ITERATIONS)));
    BearerTokens.Issued carol = BearerTokens.issue("carol", Duration.ofDays(1), Instant.now());
    BearerTokens.Issued dave = BearerTokens.issue("dave", Duration.ofDays(1), Instant.now().minus(Duration.ofDays(2)));
    Files.write(dir.resolve("tokens"), List.of(carol.line(), dave.line()));
    Properties config = serverSettings(sandbox);
    config.putAll(tlsSettings(dir));
    config.putAll(extra);
    TeamServer server = TeamServer.start(ServerConfig.of(config, dir));
    return new TeamServerFixture(dir, sandbox, server, truststore, carol.token(), dave.token(), config, ownsSandbox);
  }

  /** Another server of the same app, users and settings, on another port, as behind a load balancer. */
  TeamServer startAnother() throws Exception {
    TeamServer another = TeamServer.start(ServerConfig.of(config, dir));
    others.add(another);
    return another;
  }

  /** The server's key and certificate for 127.0.0.1 in {@code dir}; returns the truststore that trusts it. */
  static Path makeKeys(Path dir) throws IOException, InterruptedException {
    Path keystore = keystore(dir);
    Path truststore = dir.resolve("trust.p12");
    keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
        "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore",
        keystore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
    Path certificate = dir.resolve("server.crt");
    keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD,
        "-file", certificate.toString());
    keytool("-importcert", "-noprompt", "-alias", "server", "-file", certificate.toString(), "-storetype", "PKCS12",
        "-keystore", truststore.toString(), "-storepass", STORE_PASSWORD);
    return truststore;
  }

  private static Path keystore(Path dir) {
    return dir.resolve("server.p12");
  }

  /** The settings that serve the key {@link #makeKeys} made in {@code dir}. */
  static Properties tlsSettings(Path dir) {
    Properties tls = new Properties();
    tls.setProperty("tls.keystore", keystore(dir).toString());
    tls.setProperty("tls.keystorePassword", STORE_PASSWORD);
    return tls;
  }

  /** Everything but TLS: listen on any free loopback port, users and tokens in {@code dir}, the sandbox's app. */
  static Properties serverSettings(SandboxServer sandbox) {
    Properties config = new Properties();
    config.setProperty("listen.host", "127.0.0.1");
    config.setProperty("listen.port", "0");
    config.setProperty("server.threads", "4");
    config.setProperty("auth.passwordFile", "users");
    config.setProperty("auth.tokenFile", "tokens");
    config.setProperty("criteo.baseUrl", sandbox.baseUrl().toString());
    config.setProperty("criteo.clientId", sandbox.clientId());
    config.setProperty("criteo.clientSecret", sandbox.clientSecret());
    config.setProperty("criteo.advertiserIds", advertiserIds(sandbox));
    config.setProperty("criteo.maxCallsPerMinute", "100000");
    config.setProperty("criteo.pollIntervalSeconds", "0.01");
    return config;
  }

  private static String advertiserIds(SandboxServer sandbox) {
    return sandbox.data().advertisers().stream().map(Advertiser::id).collect(Collectors.joining(","));
  }

  /** The stock Avatica driver's URL for this server, trusting its certificate, with {@code login} appended. */
  String avaticaUrl(String login) {
    return avaticaUrl(server, login);
  }

  String avaticaUrl(TeamServer to, String login) {
    return "jdbc:avatica:remote:url=" + to.url() + ";serialization=protobuf;truststore=" + truststore
        + ";truststore_password=" + STORE_PASSWORD + ";" + login;
  }

  Connection basic(String user, String password) throws SQLException {
    return basic(server, user, password);
  }

  /** A stock Avatica connection to {@code to} with a password. */
  Connection basic(TeamServer to, String user, String password) throws SQLException {
    return DriverManager.getConnection(avaticaUrl(to, "authentication=BASIC;avatica_user=" + user
        + ";avatica_password=" + password));
  }

  /** Our thin driver's connection to {@code to} with a password. */
  Connection thin(TeamServer to, String user, String password) throws SQLException {
    Properties login = new Properties();
    login.setProperty("user", user);
    login.setProperty("password", password);
    return DriverManager.getConnection("jdbc:criteo:server=" + to.url() + ";truststore=" + truststore
        + ";truststorePassword=" + STORE_PASSWORD, login);
  }

  Connection alice() throws SQLException {
    return basic(ALICE, ALICE_PASSWORD);
  }

  /**
   * Alice's connection with {@code properties}: the Avatica driver sends the server the
   * connection's properties, not the settings in its URL.
   */
  Connection alice(Properties properties) throws SQLException {
    return DriverManager.getConnection(avaticaUrl("authentication=BASIC;avatica_user=" + ALICE + ";avatica_password="
        + ALICE_PASSWORD), properties);
  }

  Connection carol() throws SQLException {
    return DriverManager.getConnection(avaticaUrl("authentication=BEARER;bearer_token=" + carolToken));
  }

  /** Our own driver's thin URL for this server, trusting its certificate. */
  String thinUrl() {
    return "jdbc:criteo:server=" + server.url() + ";truststore=" + truststore + ";truststorePassword="
        + STORE_PASSWORD;
  }

  /** Alice's thin connection, with {@code properties} besides her login. */
  Connection thinAlice(Properties properties) throws SQLException {
    Properties login = new Properties();
    login.putAll(properties);
    login.setProperty("user", ALICE);
    login.setProperty("password", ALICE_PASSWORD);
    return DriverManager.getConnection(thinUrl(), login);
  }

  Connection thinAlice() throws SQLException {
    return thinAlice(new Properties());
  }

  Connection bob() throws SQLException {
    return basic(BOB, BOB_PASSWORD);
  }

  /** An embedded connection on the same app as the server's, for the rows the server should give. */
  Connection embedded() throws SQLException {
    return DriverManager.getConnection("jdbc:criteo:baseUrl=" + sandbox.baseUrl() + ";clientId=" + sandbox.clientId()
        + ";clientSecret=" + sandbox.clientSecret() + ";advertiserIds=" + advertiserIds(sandbox)
        + ";maxCallsPerMinute=100000;pollIntervalSeconds=0.01");
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
    }
  }

  @Override public void close() {
    try {
      others.forEach(TeamServer::close);
      server.close();
    } finally {
      if (ownsSandbox) {
        sandbox.close();
      }
    }
  }
}
