package io.github.criteojdbc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.calcite.avatica.AvaticaClientRuntimeException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

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
}
