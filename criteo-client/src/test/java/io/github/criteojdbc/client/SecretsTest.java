package io.github.criteojdbc.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static io.github.criteojdbc.client.RequestContractTest.CAMPAIGN_CLICKS;
import static io.github.criteojdbc.client.RequestContractTest.OUTPUT;
import static io.github.criteojdbc.client.RequestContractTest.statistics;
import static io.github.criteojdbc.client.testing.FakeCriteo.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.criteojdbc.client.testing.FakeCriteo;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Neither the client secret nor the access token ever shows in logs, messages or toString(). */
class SecretsTest {
  static final String ACCESS_TOKEN = "eyJhbGciOi.access.token";

  final FakeCriteo criteo = new FakeCriteo();
  final Logger clientLogger = Logger.getLogger("io.github.criteojdbc.client");
  final List<String> logLines = new CopyOnWriteArrayList<>();
  final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      logLines.add(record.getLevel() + " " + record.getMessage());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  Level previousLevel;

  @BeforeEach
  void captureAllLogging() {
    previousLevel = clientLogger.getLevel();
    clientLogger.setLevel(Level.ALL);
    clientLogger.addHandler(capture);
    criteo.stubToken(ACCESS_TOKEN, 900);
  }

  @AfterEach
  void restoreLogging() {
    clientLogger.removeHandler(capture);
    clientLogger.setLevel(previousLevel);
    criteo.close();
  }

  @Test
  void fullReportLogsAtEveryLevelWithoutCredentials() {
    criteo.stubStatisticsCreate("r-1");
    criteo.stubSequence(() -> get("/preview/reports/r-1/status"),
        json(500, "{}"), FakeCriteo.okJson(FakeCriteo.msStatus("r-1", "Done")));
    criteo.stubOutput("r-1", OUTPUT);

    try (CriteoClient client = CriteoClient.create(criteo.config().build());
        RowStream rows = client.statisticsReport(statistics(), CAMPAIGN_CLICKS, QueryControl.none())) {
      while (rows.next() != null) {
        // read all
      }
    }

    assertThat(logLines).anyMatch(line -> line.startsWith("INFO statistics report r-1: 2 rows, complete"));
    assertThat(logLines).anyMatch(line -> line.startsWith("FINE"));
    assertThat(String.join("\n", logLines)).doesNotContain(FakeCriteo.SECRET, ACCESS_TOKEN);
  }

  @Test
  void accessTokenEchoedInAnApiErrorIsMasked() {
    criteo.wm().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(FakeCriteo.STATS_CREATE)
        .willReturn(json(400, FakeCriteo.error("bad-request", "token " + ACCESS_TOKEN + " secret " + FakeCriteo.SECRET))));

    try (CriteoClient client = CriteoClient.create(criteo.config().build())) {
      assertThatThrownBy(() -> client.statisticsReport(statistics(), CAMPAIGN_CLICKS, QueryControl.none()))
          .isInstanceOfSatisfying(CriteoApiException.class,
              e -> assertThat(e.detail()).isEqualTo("token **** secret ****"))
          .hasMessageNotContaining(ACCESS_TOKEN).hasMessageNotContaining(FakeCriteo.SECRET);
    }
  }

  @Test
  void configAndClientNeverPrintTheSecret() {
    CriteoClientConfig config = criteo.config().build();

    assertThat(config.toString()).doesNotContain(FakeCriteo.SECRET).contains("clientSecret=****");
    assertThat(config.clientSecret()).hasToString("****");
  }
}
