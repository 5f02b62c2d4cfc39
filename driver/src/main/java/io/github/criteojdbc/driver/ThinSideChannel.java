package io.github.criteojdbc.driver;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLWarning;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * What the Avatica protocol cannot say, said to the team server's side endpoint
 * ({@code POST /criteo/cancel}, {@code /criteo/timeout}, {@code /criteo/warnings},
 * {@code /criteo/clearWarnings}) with the same login as the connection: cancel a statement, bound
 * how long its executions may run, read or clear the warnings of a statement or connection. The
 * server answers 204 (or 200 and the warnings), or its SQLState and message, which are raised as
 * they are.
 */
final class ThinSideChannel {
  static final String CANCEL_PATH = "/criteo/cancel";
  static final String TIMEOUT_PATH = "/criteo/timeout";
  static final String WARNINGS_PATH = "/criteo/warnings";
  static final String CLEAR_WARNINGS_PATH = "/criteo/clearWarnings";
  private static final Duration SIDE_CALL_TIMEOUT = Duration.ofSeconds(30);

  private final URI server;
  private final String authorization;
  private final HttpClient http;

  private ThinSideChannel(URI server, String authorization, HttpClient http) {
    this.server = server;
    this.authorization = authorization;
    this.http = http;
  }

  static ThinSideChannel of(ConnectionRequest request) throws SQLException {
    URI server = serverUrl(request.get(DriverProperty.SERVER).orElseThrow());
    HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(SIDE_CALL_TIMEOUT);
    if (request.get(DriverProperty.TRUSTSTORE).isPresent()) {
      http.sslContext(trusting(Path.of(request.get(DriverProperty.TRUSTSTORE).get()),
          request.get(DriverProperty.TRUSTSTORE_PASSWORD).orElse("")));
    }
    return new ThinSideChannel(server, authorization(request), http.build());
  }

  private static URI serverUrl(String text) throws SQLException {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw badServer(text, "it is not a URL");
    }
    if (uri.getHost() == null || uri.getPort() < 0) {
      throw badServer(text, "it has no host and port");
    }
    if ("http".equals(uri.getScheme()) && !isLoopback(uri.getHost())) {
      throw badServer(text, "plain http is only for a server on this machine; use https");
    }
    if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
      throw badServer(text, "its scheme must be https");
    }
    return URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }

  private static SQLException badServer(String text, String why) {
    return new SQLException("Invalid server '" + text + "': " + why + "; expected https://host:port of a criteo-jdbc"
        + " team server", SqlErrors.INVALID_ATTRIBUTE);
  }

  private static String authorization(ConnectionRequest request) throws SQLException {
    if (request.get(DriverProperty.BEARER_TOKEN).isPresent()) {
      return "Bearer " + request.get(DriverProperty.BEARER_TOKEN).get();
    }
    if (request.get(DriverProperty.CLIENT_ID).isEmpty() || request.get(DriverProperty.CLIENT_SECRET).isEmpty()) {
      throw new SQLException("Missing login to the team server: set user and password, or bearerToken",
          SqlErrors.AUTHORIZATION);
    }
    String userAndPassword = request.get(DriverProperty.CLIENT_ID).get() + ":"
        + request.get(DriverProperty.CLIENT_SECRET).get();
    return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  private static SSLContext trusting(Path truststore, String password) throws SQLException {
    try (InputStream in = Files.newInputStream(truststore)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(in, password.toCharArray());
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new SQLException("Cannot read truststore " + truststore + ": " + e.getMessage()
          + "; check the file and truststorePassword", SqlErrors.INVALID_ATTRIBUTE, e);
    }
  }

  URI server() {
    return server;
  }

  /**
   * Fails at once when a plain {@code http://} server's port speaks TLS: Avatica's client takes
   * the silent close of a TLS port for a dropped connection and retries it without end. A team
   * server of this version answers plain HTTP on its TLS port with a refusal of SQLState 08001;
   * an older one closes, and then the port is probed for a TLS certificate.
   */
  void refuseTlsPortOverPlainHttp() throws SQLException {
    if (!"http".equals(server.getScheme())) {
      return;
    }
    HttpRequest probe = HttpRequest.newBuilder(server.resolve("/")).timeout(SIDE_CALL_TIMEOUT).GET().build();
    try {
      HttpResponse<String> answer = http.send(probe, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (answer.body().startsWith(SqlErrors.UNABLE_TO_CONNECT + "\n")) {
        throw speaksHttps();
      }
    } catch (ConnectException e) {
      // Nothing listens: Avatica's client says so at once.
    } catch (IOException e) {
      if (presentsCertificate()) {
        throw speaksHttps();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("Interrupted while connecting to the team server at " + server, SqlErrors.CANCELLED, e);
    }
  }

  private SQLException speaksHttps() {
    return new SQLNonTransientConnectionException("The server at " + server + " speaks HTTPS; use https://"
        + server.getRawAuthority(), SqlErrors.UNABLE_TO_CONNECT);
  }

  /** Whether the server answers a TLS handshake with a certificate, which is never trusted. */
  private boolean presentsCertificate() {
    AtomicBoolean presented = new AtomicBoolean();
    X509TrustManager noticing = new X509TrustManager() {
      @Override public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a probe trusts no client");
      }

      @Override public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        presented.set(chain.length > 0);
        throw new CertificateException("a probe of whether the port speaks TLS trusts no certificate");
      }

      @Override public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    int timeoutMillis = (int) SIDE_CALL_TIMEOUT.toMillis();
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {noticing}, null);
      try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
        socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        socket.startHandshake();
      }
    } catch (IOException | GeneralSecurityException e) {
      // The handshake fails, by design when a certificate came.
    }
    return presented.get();
  }

  void cancel(String connectionId, int statementId) throws SQLException {
    post(CANCEL_PATH, Map.of("connection", connectionId, "statement", Integer.toString(statementId)));
  }

  void queryTimeout(String connectionId, int statementId, int seconds) throws SQLException {
    post(TIMEOUT_PATH, Map.of("connection", connectionId, "statement", Integer.toString(statementId), "seconds",
        Integer.toString(seconds)));
  }

  /** The server's warnings of the statement, or of the connection when {@code statementId} is empty. */
  SQLWarning warnings(String connectionId, OptionalInt statementId) throws SQLException {
    HttpResponse<String> response = send(WARNINGS_PATH, warningsForm(connectionId, statementId));
    if (response.statusCode() != 200) {
      throw refusal(WARNINGS_PATH, response);
    }
    return WireWarnings.decode(response.body());
  }

  void clearWarnings(String connectionId, OptionalInt statementId) throws SQLException {
    post(CLEAR_WARNINGS_PATH, warningsForm(connectionId, statementId));
  }

  private static Map<String, String> warningsForm(String connectionId, OptionalInt statementId) {
    return statementId.isPresent()
        ? Map.of("connection", connectionId, "statement", Integer.toString(statementId.getAsInt()))
        : Map.of("connection", connectionId);
  }

  private void post(String path, Map<String, String> form) throws SQLException {
    HttpResponse<String> response = send(path, form);
    if (response.statusCode() != 204) {
      throw refusal(path, response);
    }
  }

  private HttpResponse<String> send(String path, Map<String, String> form) throws SQLException {
    String body = form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest request = HttpRequest.newBuilder(server.resolve(path)).timeout(SIDE_CALL_TIMEOUT)
        .header("Authorization", authorization).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SQLTransientConnectionException("The team server at " + server + " did not answer " + path + ": "
          + e.getMessage(), SqlErrors.CONNECTION_FAILURE, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("Interrupted while calling " + path + " on the team server", SqlErrors.CANCELLED, e);
    }
  }

  /** The server's refusal: its first line is the SQLState, the rest the message. */
  private SQLException refusal(String path, HttpResponse<String> response) {
    String text = response.body();
    int newline = text.indexOf('\n');
    if (newline == 5) {
      return new SQLException(text.substring(newline + 1), text.substring(0, newline));
    }
    return new SQLException("The team server at " + server + " answered " + path + " with HTTP "
        + response.statusCode() + "; is it a criteo-jdbc team server of this version?", SqlErrors.CONNECTION_FAILURE);
  }
}
