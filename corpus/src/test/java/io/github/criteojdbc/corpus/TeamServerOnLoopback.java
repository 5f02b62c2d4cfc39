package io.github.criteojdbc.corpus;

import io.github.criteojdbc.server.ServeCommand;
import io.github.criteojdbc.server.ServerConfig;
import io.github.criteojdbc.server.TeamServer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * A team server on loopback, started as an operator starts one and nothing more: a PKCS12 key made by the JDK's
 * keytool, a user added with {@code serve add-user}, a {@code server.properties} read by {@link ServerConfig#load},
 * then {@link TeamServer#start}. Its {@code criteo.*} settings are the corpus's embedded sandbox
 * ({@link CorpusConnection#URL}), so its answers can be compared with the embedded driver's. The key's and the
 * user's passwords are made per run; nothing secret is committed.
 */
final class TeamServerOnLoopback implements AutoCloseable {
  private static final String USER = "corpus";

  private final TeamServer server;
  private final Path truststore;
  private final String storePassword;
  private final String userPassword;

  private TeamServerOnLoopback(TeamServer server, Path truststore, String storePassword, String userPassword) {
    this.server = server;
    this.truststore = truststore;
    this.storePassword = storePassword;
    this.userPassword = userPassword;
  }

  /** Listens on a free loopback port with {@code threads} request threads, its files in {@code dir}. */
  static TeamServerOnLoopback start(Path dir, int threads) throws Exception {
    String storePassword = UUID.randomUUID().toString();
    String userPassword = UUID.randomUUID().toString();
    Path keystore = dir.resolve("server.p12");
    Path truststore = dir.resolve("trust.p12");
    keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
        "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore",
        keystore.toString(), "-storepass", storePassword, "-keypass", storePassword);
    Path certificate = dir.resolve("server.crt");
    keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(), "-storepass", storePassword,
        "-file", certificate.toString());
    keytool("-importcert", "-noprompt", "-alias", "server", "-file", certificate.toString(), "-storetype", "PKCS12",
        "-keystore", truststore.toString(), "-storepass", storePassword);
    addUser(dir.resolve("users"), userPassword);
    Properties settings = new Properties();
    settings.setProperty("listen.host", "127.0.0.1");
    settings.setProperty("listen.port", "0");
    settings.setProperty("tls.keystore", keystore.getFileName().toString());
    settings.setProperty("tls.keystorePassword", storePassword);
    settings.setProperty("auth.passwordFile", "users");
    settings.setProperty("server.threads", Integer.toString(threads));
    // A line per execution, hundreds per run, to a file rather than the test's output.
    settings.setProperty("audit.file", "audit.log");
    settings.setProperty("criteo.sandbox", "true");
    settings.setProperty("criteo.maxCallsPerMinute", "100000");
    Path config = dir.resolve("server.properties");
    try (var out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
      settings.store(out, "the corpus's team server");
    }
    return new TeamServerOnLoopback(TeamServer.start(ServerConfig.load(config)), truststore, storePassword,
        userPassword);
  }

  /** {@code serve add-user} reads the password from stdin when there is no console, as under surefire. */
  private static void addUser(Path passwords, String password) {
    InputStream stdin = System.in;
    System.setIn(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
    try {
      ServeCommand.main(new String[] {"add-user", "--passwords", passwords.toString(), "--user", USER});
    } finally {
      System.setIn(stdin);
    }
  }

  /** The stock Avatica remote driver, as DBeaver and DataGrip ship it, logged in with BASIC. */
  Connection stockAvaticaClient() throws SQLException {
    return DriverManager.getConnection("jdbc:avatica:remote:url=" + server.url() + ";serialization=protobuf"
        + ";authentication=BASIC;avatica_user=" + USER + ";avatica_password=" + userPassword
        + ";truststore=" + truststore + ";truststore_password=" + storePassword);
  }

  /** Our own driver in thin mode. */
  Connection thinClient() throws SQLException {
    Properties login = new Properties();
    login.setProperty("user", USER);
    login.setProperty("password", userPassword);
    login.setProperty("truststore", truststore.toString());
    login.setProperty("truststorePassword", storePassword);
    return DriverManager.getConnection("jdbc:criteo:server=" + server.url(), login);
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException("keytool " + args[0] + " failed: " + output);
    }
  }

  @Override public void close() {
    server.close();
  }
}
