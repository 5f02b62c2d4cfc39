package io.github.criteojdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.criteojdbc.sandbox.Endpoint;
import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The client secret and the access tokens never show: not in errors, {@code toString()}, {@code getURL()}, log lines
 * at any level, thread names or {@code getPropertyInfo}, whether the secret came as the JDBC password or in the URL;
 * and a remote {@code baseUrl} must be HTTPS. It runs alone, since it turns the whole JVM's logging to FINEST.
 */
@Isolated
class SecurityTest extends FreshSandboxTest {
  @Override
  protected String application() {
    return "security-app";
  }

  @Test
  void neitherTheSecretNorAnyTokenAppearsAnywhereAUserOrALogCanSee() throws Exception {
    List<String> seen = new ArrayList<>();
    List<String> threadNames = new ArrayList<>();
    try (LogCapture logs = LogCapture.everything()) {
      target.faults().tokenLifetime(Duration.ofSeconds(1)).pendingFor(Duration.ofMillis(1500))
          .failNextCalls(Endpoint.STATUS, 1).throttleNext(1, true);
      ReliabilityFigures.faults(3);
      try (Connection connection = target.connect("logLevel=FINEST");
           Statement statement = connection.createStatement()) {
        seen.add(connection.toString());
        seen.add(statement.toString());
        seen.add(connection.getMetaData().getURL());
        seen.add(connection.getClientInfo().toString());
        try (ResultSet rows = statement.executeQuery(
            ExpectedStatistics.clicksByCampaignSql(AnchorTest.FIRST, AnchorTest.LAST))) {
          seen.add(rows.toString());
          threadNames.addAll(ThreadCensus.allThreadNames());
          assertThat(ResultRows.readAll(rows)).isNotEmpty();
        }
        target.faults().failNextReports(1, "backend failure");
        seen.add(Secrets.everythingPrintedAbout(catchSqlException(() -> statement.executeQuery(
            ExpectedStatistics.clicksByCampaignSql(AnchorTest.FIRST.minusDays(1), AnchorTest.FIRST)).next())));
        for (SQLException warning = statement.getWarnings(); warning != null; warning = warning.getNextException()) {
          seen.add(Secrets.everythingPrintedAbout(warning));
        }
      }
      seen.add(Secrets.everythingPrintedAbout(catchSqlException(() -> {
        try (Connection wrong = target.connectAs(target.sandbox().clientId(), SandboxTarget.CLIENT_SECRET + "-wrong",
            "logLevel=FINEST"); Statement statement = wrong.createStatement()) {
          statement.executeQuery("SELECT clicks FROM statistics").next();
        }
      })));
      String secretInUrl = target.url("clientId=" + target.sandbox().clientId(),
          "clientSecret=" + SandboxTarget.CLIENT_SECRET, "logLevel=FINEST");
      try (Connection urlHeld = ShadedDriver.get().connect(secretInUrl, new Properties());
           Statement statement = urlHeld.createStatement()) {
        seen.add(urlHeld.toString());
        seen.add(urlHeld.getMetaData().getURL());
        seen.add(urlHeld.getClientInfo().toString());
        seen.add(statement.toString());
        assertThat(ResultRows.readAll(statement.executeQuery(
            ExpectedStatistics.clicksByCampaignSql(AnchorTest.LAST, AnchorTest.LAST)))).isNotEmpty();
      }
      seen.add(Secrets.everythingPrintedAbout(catchSqlException(() -> {
        try (Connection refused = ShadedDriver.get().connect(secretInUrl + ";fileFormat=xml", new Properties());
             Statement statement = refused.createStatement()) {
          statement.executeQuery("SELECT 1").next();
        }
      })));
      threadNames.addAll(ThreadCensus.allThreadNames());
      seen.addAll(logs.lines());
      assertThat(logs.lines()).as("log lines captured at FINEST").isNotEmpty();
    }
    List<String> tokens = List.copyOf(target.accessTokensSeen());
    assertThat(tokens).as("tokens the driver used (a refresh included)").hasSizeGreaterThanOrEqualTo(2);
    ReliabilityFigures.queries(4);

    for (String text : seen) {
      assertThat(text).doesNotContain(SandboxTarget.CLIENT_SECRET);
      tokens.forEach(token -> assertThat(text).doesNotContain(token));
    }
    for (String name : threadNames) {
      assertThat(name).doesNotContain(SandboxTarget.CLIENT_SECRET);
      tokens.forEach(token -> assertThat(name).doesNotContain(token));
    }
    ReliabilityFigures.measure("security: texts scanned for the secret and " + tokens.size() + " tokens",
        seen.size() + " texts (messages, toString, " + "log lines at FINEST), " + threadNames.size() + " thread names");
  }

  @Test
  void getPropertyInfoNeverShowsTheSecret() throws SQLException {
    Properties credentials = new Properties();
    credentials.setProperty("user", target.sandbox().clientId());
    credentials.setProperty("password", SandboxTarget.CLIENT_SECRET);
    String url = target.url("clientSecret=" + SandboxTarget.CLIENT_SECRET, "proxyPassword=" + SandboxTarget.CLIENT_SECRET);

    DriverPropertyInfo[] infos = ShadedDriver.get().getPropertyInfo(url, credentials);

    assertThat(infos).isNotEmpty();
    assertThat(Arrays.stream(infos).map(info -> info.name + "=" + info.value + " " + info.description
        + " " + Arrays.toString(info.choices))).noneMatch(text -> text.contains(SandboxTarget.CLIENT_SECRET));
  }

  @Test
  void aRemoteBaseUrlOverPlainHttpIsRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> target.rows("SELECT clicks FROM statistics", "baseUrl=http://reports.example.invalid"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("baseUrl")
        .hasMessageContaining("https");
    assertThatThrownBy(() -> target.rows("SELECT clicks FROM statistics",
        "tokenUrl=http://auth.example.invalid/oauth2/token"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("tokenUrl")
        .hasMessageContaining("https");
  }

  private static SQLException catchSqlException(SqlCall call) {
    try {
      call.run();
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("expected an SQLException");
  }

  @FunctionalInterface
  private interface SqlCall {
    void run() throws SQLException;
  }
}
