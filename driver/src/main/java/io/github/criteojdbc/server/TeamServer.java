package io.github.criteojdbc.server;

import io.github.criteojdbc.driver.CriteoDriver;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Logger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * {@code java -jar criteo-jdbc.jar serve}: the Avatica protocol (protobuf) over HTTPS from the JDK's
 * own HTTP server, in front of embedded {@code jdbc:criteo:} connections that all use the server's
 * configured credentials. Its connections, being in one JVM with one application, share one report
 * cache and one rate budget of that application; with {@code redis.url}, the other servers of the
 * application share them too.
 */
public final class TeamServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(TeamServer.class.getName());
  private static final String[] TLS_PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  private final HttpServer http;
  private final ExecutorService executor;
  private final ScheduledExecutorService sweeper;
  private final ServerConnections connections;
  private final boolean tls;
  private final Optional<TeamRedis> redis;

  private TeamServer(HttpServer http, ExecutorService executor, ScheduledExecutorService sweeper,
      ServerConnections connections, boolean tls, Optional<TeamRedis> redis) {
    this.http = http;
    this.executor = executor;
    this.sweeper = sweeper;
    this.connections = connections;
    this.tls = tls;
    this.redis = redis;
  }

  /**
   * Checks the configuration, opening one embedded connection on it (which calls no API), then
   * listens. Fails with SQLState HY024 naming the wrong setting.
   */
  public static TeamServer start(ServerConfig config) throws SQLException, IOException {
    Properties serverProperties = config.driverProperties();
    Optional<TeamRedis> redis = config.redis().isPresent()
        ? Optional.of(TeamRedis.open(config.redis().get(), serverProperties, config.threads())) : Optional.empty();
    try {
      return start(config, serverProperties, redis);
    } catch (SQLException | IOException | RuntimeException e) {
      redis.ifPresent(TeamRedis::close);
      throw e;
    }
  }

  private static TeamServer start(ServerConfig config, Properties serverProperties, Optional<TeamRedis> redis)
      throws SQLException, IOException {
    CriteoDriver driver = redis.map(TeamRedis::driver).orElseGet(CriteoDriver::new);
    Supplier<AdvertiserGrants> grants = ReloadingFile.of(config.grantsFile(), "grants.file", AdvertiserGrants::read,
        AdvertiserGrants.none());
    ServerConnections.EmbeddedConnector connector = (user, clientChosen) -> {
      Properties properties = ApplicationLabel.applied(config.driverProperties());
      properties.putAll(clientChosen);
      properties.putAll(grants.get().restrict(user));
      return driver.connect(CriteoDriver.URL_PREFIX, properties);
    };
    try (Connection check = driver.connect(CriteoDriver.URL_PREFIX, serverProperties)) {
      LOG.fine(() -> "the criteo.* settings open a connection");
    }
    Authenticator authenticator = new Authenticator(
        ReloadingFile.of(config.passwordFile(), "auth.passwordFile", PasswordFile::read, PasswordFile.empty()),
        ReloadingFile.of(config.tokenFile(), "auth.tokenFile", BearerTokens::read, BearerTokens.none()),
        Clock.systemUTC());
    InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
    HttpServer http;
    if (config.tls().isPresent()) {
      HttpsServer https = HttpsServer.create(address, 0);
      SSLContext context = PlainHttpAnswer.around(sslContext(config.tls().get()));
      https.setHttpsConfigurator(new HttpsConfigurator(context) {
        @Override public void configure(HttpsParameters params) {
          SSLParameters parameters = context.getDefaultSSLParameters();
          parameters.setProtocols(TLS_PROTOCOLS);
          params.setSSLParameters(parameters);
        }
      });
      http = https;
    } else {
      http = HttpServer.create(address, 0);
    }
    AuditLog audit;
    try {
      audit = config.auditFile().isPresent() ? AuditLog.toFile(config.auditFile().get(), Clock.systemUTC())
          : AuditLog.toLogger(Clock.systemUTC());
    } catch (SQLException e) {
      http.stop(0);
      throw e;
    }
    ServerConnections connections = new ServerConnections(connector, config.limits(), audit, Clock.systemUTC());
    ExecutorService executor = Executors.newFixedThreadPool(config.threads(), daemonThreads());
    ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(daemonThreads());
    long sweepSeconds = Math.max(1, Math.min(60, config.limits().idleTimeout().toSeconds() / 2));
    sweeper.scheduleWithFixedDelay(connections::closeIdle, sweepSeconds, sweepSeconds, TimeUnit.SECONDS);
    http.setExecutor(executor);
    http.createContext("/", new AvaticaEndpoint(authenticator, connections, config.maxRequestBytes(), sweeper));
    http.createContext(SideEndpoint.CONTEXT, new SideEndpoint(authenticator, connections));
    http.start();
    TeamServer server = new TeamServer(http, executor, sweeper, connections, config.tls().isPresent(), redis);
    LOG.info(() -> "criteo-jdbc team server listening on " + server.url());
    return server;
  }

  private static SSLContext sslContext(ServerConfig.Tls tls) throws SQLException {
    try (InputStream in = Files.newInputStream(tls.keystore())) {
      KeyStore keyStore = KeyStore.getInstance(tls.type());
      keyStore.load(in, tls.password());
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keyStore, tls.password());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw ConfigFiles.invalid("Cannot use tls.keystore " + tls.keystore() + " (type " + tls.type() + "): "
          + e.getMessage() + "; check the file and tls.keystorePassword");
    }
  }

  private static ThreadFactory daemonThreads() {
    return daemonThreads("criteo-jdbc-server-");
  }

  /** Threads named {@code prefix} and a number, which do not keep the JVM alive. */
  static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  public int port() {
    return http.getAddress().getPort();
  }

  public URI url() {
    return URI.create((tls ? "https" : "http") + "://" + http.getAddress().getHostString() + ":" + port());
  }

  /** Client connections open now. */
  int openConnections() {
    return connections.size();
  }

  @Override public void close() {
    http.stop(0);
    sweeper.shutdownNow();
    executor.shutdownNow();
    connections.close();
    redis.ifPresent(TeamRedis::close);
  }
}
