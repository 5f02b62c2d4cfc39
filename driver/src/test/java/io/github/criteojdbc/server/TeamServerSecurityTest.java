package io.github.criteojdbc.server;

import static io.github.criteojdbc.server.TeamServerFixture.ALICE;
import static io.github.criteojdbc.server.TeamServerFixture.ALICE_PASSWORD;
import static io.github.criteojdbc.server.TeamServerFixture.BOB;
import static io.github.criteojdbc.server.TeamServerFixture.BOB_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Every refusal of the team server: clear, before any API call, and without a secret in it. */
class TeamServerSecurityTest {
  @TempDir static Path dir;
  private static TeamServerFixture fixture;

  @BeforeAll static void start() throws Exception {
    fixture = TeamServerFixture.start(dir);
  }

  @AfterAll static void stop() {
    fixture.close();
  }

  @BeforeEach void forgetEarlierCalls() {
    fixture.sandbox.requestLog().clear();
  }

  @Test void aWrongPasswordIsRefused() {
    assertThatThrownBy(() -> fixture.basic(ALICE, "not-" + ALICE_PASSWORD))
        .hasMessageContaining("Wrong user name or password").hasMessageNotContaining(ALICE_PASSWORD);
    assertNoApiCall();
  }

  @Test void anUnknownUserIsRefusedAsAWrongPasswordIs() {
    assertThatThrownBy(() -> fixture.basic("mallory", ALICE_PASSWORD)).hasMessageContaining(
        "Wrong user name or password");
    assertNoApiCall();
  }

  @Test void anExpiredBearerTokenIsRefused() {
    assertThatThrownBy(() -> DriverManager.getConnection(fixture.avaticaUrl("authentication=BEARER;bearer_token="
        + fixture.daveExpiredToken))).hasMessageContaining("expired").hasMessageContaining("new token")
        .hasMessageNotContaining(fixture.daveExpiredToken);
    assertNoApiCall();
  }

  @Test void aValidBearerTokenLogsIn() throws SQLException {
    try (Connection connection = DriverManager.getConnection(fixture.avaticaUrl("authentication=BEARER;bearer_token="
        + fixture.carolToken)); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT 1 + 1")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(2);
    }
  }

  @Test void aClientSettingTheClientSecretIsRefused() {
    assertThatThrownBy(() -> fixture.alice(properties("clientSecret", "guessed-secret")))
        .hasMessageContaining("clientSecret is set by the team server").hasMessageContaining("timezone")
        .hasMessageNotContaining("guessed-secret");
    assertNoApiCall();
  }

  @Test void aClientSettingTheBaseUrlIsRefused() {
    assertThatThrownBy(() -> fixture.alice(properties("baseUrl", "https://attacker.example")))
        .hasMessageContaining("baseUrl is set by the team server");
    assertNoApiCall();
  }

  @Test void aClientSettingTheBudgetIsRefused() {
    assertThatThrownBy(() -> fixture.alice(properties("maxCallsPerMinute", "1000")))
        .hasMessageContaining("maxCallsPerMinute is set by the team server");
    assertNoApiCall();
  }

  @Test void aClientSettingAnUnknownPropertyIsRefused() {
    assertThatThrownBy(() -> fixture.alice(properties("model", "inline:{}")))
        .hasMessageContaining("Unknown connection property model");
    assertNoApiCall();
  }

  @Test void aClientMayChooseTheReportsTimezone() throws SQLException {
    Properties chosen = properties("timezone", "Pacific/Kiritimati");
    chosen.setProperty("currency", "EUR");
    try (Connection connection = fixture.alice(chosen);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT CAST(CURRENT_DATE AS VARCHAR(10))")) {
      rows.next();
      java.time.LocalDate kiritimati = java.time.LocalDate.now(java.time.ZoneId.of("Pacific/Kiritimati"));
      assertThat(rows.getString(1)).isIn(kiritimati.toString(), kiritimati.plusDays(1).toString());
    }
  }

  /**
   * Raw HTTP gets an answer (so that the stock Avatica client does not retry it forever, as it
   * would a connection closed without response), and reaches nothing behind the TLS port.
   */
  @Test void plainHttpToTheTlsServerIsRefusedWithoutAnApiCall() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fixture.server.port() + "/"))
        .header("Authorization", basic(ALICE, ALICE_PASSWORD))
        .timeout(java.time.Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3})).build();
    HttpResponse<byte[]> refusal = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    assertThat(refusal.statusCode()).isEqualTo(500);
    assertNoApiCall();
  }

  @Test void aServerWithoutTlsDoesNotStart() {
    Properties config = TeamServerFixture.serverSettings(fixture.sandbox);
    assertThatThrownBy(() -> ServerConfig.of(config, dir)).isInstanceOf(SQLException.class)
        .hasMessageContaining("tls.keystore is not set").hasMessageContaining("dev.plainHttp");
  }

  @Test void plainHttpForDevelopmentBindsOnlyLoopback() {
    Properties config = TeamServerFixture.serverSettings(fixture.sandbox);
    config.setProperty("dev.plainHttp", "true");
    config.setProperty("listen.host", "0.0.0.0");
    assertThatThrownBy(() -> ServerConfig.of(config, dir)).isInstanceOf(SQLException.class)
        .hasMessageContaining("loopback address only");
  }

  @Test void anotherUsersConnectionIdIsRefused() throws Exception {
    try (Connection alice = fixture.alice()) {
      String aliceConnection = alice.unwrap(AvaticaConnection.class).id;
      fixture.sandbox.requestLog().clear();

      Service.Response reopened = post(BOB, BOB_PASSWORD, new Service.OpenConnectionRequest(aliceConnection, Map.of()));
      Service.Response used = post(BOB, BOB_PASSWORD, new Service.PrepareAndExecuteRequest(aliceConnection, 1,
          "SELECT SUM(clicks) FROM statistics", -1));

      assertThat(reopened).isInstanceOf(Service.ErrorResponse.class);
      assertThat(((Service.ErrorResponse) reopened).errorMessage).contains("already in use");
      assertThat(used).isInstanceOf(Service.ErrorResponse.class);
      assertThat(((Service.ErrorResponse) used).errorMessage).contains("No open connection " + aliceConnection
          + " of user " + BOB);
      assertNoApiCall();
      try (Statement statement = alice.createStatement(); ResultSet rows = statement.executeQuery("SELECT 1")) {
        assertThat(rows.next()).isTrue();
      }
    }
  }

  @Test void noSecretReachesTheServersLog() throws SQLException {
    List<String> lines = new ArrayList<>();
    Handler capture = new Handler() {
      @Override public void publish(LogRecord record) {
        lines.add(record.getMessage() + " " + (record.getParameters() == null ? "" : List.of(record.getParameters()))
            + " " + (record.getThrown() == null ? "" : record.getThrown()));
      }

      @Override public void flush() {
      }

      @Override public void close() {
      }
    };
    Logger logger = Logger.getLogger("io.github.criteojdbc");
    Level level = logger.getLevel();
    logger.setLevel(Level.ALL);
    logger.addHandler(capture);
    try {
      assertThatThrownBy(() -> fixture.basic(ALICE, "wrong-" + ALICE_PASSWORD));
      assertThatThrownBy(() -> DriverManager.getConnection(fixture.avaticaUrl("authentication=BEARER;bearer_token="
          + fixture.daveExpiredToken)));
      try (Connection connection = fixture.alice(); Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT SUM(clicks) FROM statistics")) {
        rows.next();
      }
    } finally {
      logger.removeHandler(capture);
      logger.setLevel(level);
    }
    assertThat(lines).isNotEmpty().noneMatch(line -> line.contains(fixture.sandbox.clientSecret())
        || line.contains(ALICE_PASSWORD) || line.contains(fixture.daveExpiredToken)
        || line.contains(TeamServerFixture.STORE_PASSWORD));
  }

  private static Properties properties(String name, String value) {
    Properties properties = new Properties();
    properties.setProperty(name, value);
    return properties;
  }

  private void assertNoApiCall() {
    assertThat(fixture.sandbox.requestLog().all()).isEmpty();
  }

  /** A raw Avatica request as {@code user}, as a client other than the stock driver could send it. */
  private static Service.Response post(String user, String password, Service.Request request) throws Exception {
    ProtobufTranslationImpl translation = new ProtobufTranslationImpl();
    HttpClient client = HttpClient.newBuilder().sslContext(trusting(fixture.truststore)).build();
    HttpRequest http = HttpRequest.newBuilder(URI.create(fixture.server.url().toString()))
        .header("Authorization", basic(user, password))
        .POST(HttpRequest.BodyPublishers.ofByteArray(translation.serializeRequest(request))).build();
    return translation.parseResponse(client.send(http, HttpResponse.BodyHandlers.ofByteArray()).body());
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static SSLContext trusting(Path truststore) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(truststore)) {
      store.load(in, TeamServerFixture.STORE_PASSWORD.toCharArray());
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
