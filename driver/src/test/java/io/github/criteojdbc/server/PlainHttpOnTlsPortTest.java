package io.github.criteojdbc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import org.apache.calcite.avatica.AvaticaClientRuntimeException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A client that speaks plain HTTP to the team server's TLS port is told to use https, at once:
 * the stock Avatica client would otherwise retry without end. The class timeout turns a retry
 * loop into a failure, not a hung build.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PlainHttpOnTlsPortTest {
  @TempDir static Path dir;
  private static TeamServerFixture fixture;

  @BeforeAll static void start() throws Exception {
    fixture = TeamServerFixture.start(dir);
  }

  @AfterAll static void stop() {
    fixture.close();
  }

  private static URI plainUrl() {
    return URI.create("http://127.0.0.1:" + fixture.server.port());
  }

  /** Avatica's client raises the server's refusal to open a connection unchecked, as it does any error response. */
  @Test void theStockAvaticaClientIsToldToUseHttps() {
    String url = "jdbc:avatica:remote:url=" + plainUrl() + ";serialization=protobuf;authentication=BASIC;avatica_user="
        + TeamServerFixture.ALICE + ";avatica_password=" + TeamServerFixture.ALICE_PASSWORD;
    assertThatThrownBy(() -> DriverManager.getConnection(url).close())
        .isInstanceOf(AvaticaClientRuntimeException.class)
        .hasMessageContaining("speaks HTTPS; use https://127.0.0.1:" + fixture.server.port())
        .satisfies(e -> assertThat(((AvaticaClientRuntimeException) e).getSqlState())
            .isEqualTo(PlainHttpAnswer.WRONG_SCHEME_STATE));
  }

  @Test void aPlainGetIsAnsweredWithABadRequestInText() throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(plainUrl().resolve("/"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).startsWith(PlainHttpAnswer.WRONG_SCHEME_STATE + "\n")
        .contains("use https://127.0.0.1:" + fixture.server.port());
  }

  @Test void httpsStillServesQueriesAfterAPlainRequest() throws Exception {
    HttpClient.newHttpClient().send(HttpRequest.newBuilder(plainUrl().resolve("/")).build(),
        HttpResponse.BodyHandlers.discarding());
    try (Connection connection = fixture.alice(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT 1")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(1);
    }
  }

  @Test void theThinDriverIsToldToUseHttps() {
    Properties login = new Properties();
    login.setProperty("user", TeamServerFixture.ALICE);
    login.setProperty("password", TeamServerFixture.ALICE_PASSWORD);
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:criteo:server=" + plainUrl(), login).close())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("speaks HTTPS; use https://127.0.0.1:" + fixture.server.port())
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
  }

  /** A server of an earlier version, or any TLS port, closes a plain request without an answer. */
  @Test void theThinDriverIsToldToUseHttpsByAPortThatClosesSilently() throws Exception {
    HttpsServer silent = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    silent.setHttpsConfigurator(new HttpsConfigurator(serverContext()));
    silent.start();
    try {
      int port = silent.getAddress().getPort();
      String plain = "http://127.0.0.1:" + port;
      Properties login = new Properties();
      login.setProperty("user", TeamServerFixture.ALICE);
      login.setProperty("password", TeamServerFixture.ALICE_PASSWORD);
      assertThatThrownBy(() -> DriverManager.getConnection("jdbc:criteo:server=" + plain, login).close())
          .isInstanceOf(SQLException.class)
          .hasMessage("The server at " + plain + " speaks HTTPS; use https://127.0.0.1:" + port)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
    } finally {
      silent.stop(0);
    }
  }

  @Test void theThinDriverStillQueriesAServerOfPlainHttpForDevelopment() throws Exception {
    Properties settings = TeamServerFixture.serverSettings(fixture.sandbox);
    settings.setProperty("dev.plainHttp", "true");
    try (TeamServer plain = TeamServer.start(ServerConfig.of(settings, dir))) {
      Properties login = new Properties();
      login.setProperty("user", TeamServerFixture.ALICE);
      login.setProperty("password", TeamServerFixture.ALICE_PASSWORD);
      try (Connection thin = DriverManager.getConnection("jdbc:criteo:server=" + plain.url(), login);
          Statement statement = thin.createStatement(); ResultSet rows = statement.executeQuery("SELECT 1")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getInt(1)).isEqualTo(1);
      }
    }
  }

  private static SSLContext serverContext() throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
      keys.load(in, TeamServerFixture.STORE_PASSWORD.toCharArray());
    }
    KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    managers.init(keys, TeamServerFixture.STORE_PASSWORD.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(managers.getKeyManagers(), null, null);
    return context;
  }
}
