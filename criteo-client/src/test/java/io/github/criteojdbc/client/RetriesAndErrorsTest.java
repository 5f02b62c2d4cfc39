package io.github.criteojdbc.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.criteojdbc.client.RequestContractTest.CAMPAIGN_CLICKS;
import static io.github.criteojdbc.client.RequestContractTest.OUTPUT;
import static io.github.criteojdbc.client.RequestContractTest.statistics;
import static io.github.criteojdbc.client.testing.FakeCriteo.error;
import static io.github.criteojdbc.client.testing.FakeCriteo.json;
import static io.github.criteojdbc.client.testing.FakeCriteo.msStatus;
import static io.github.criteojdbc.client.testing.FakeCriteo.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.criteojdbc.client.testing.FakeCriteo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which failures are retried, which are not, and how errors read. */
class RetriesAndErrorsTest {
  static final FakeCriteo criteo = new FakeCriteo();
  static final String STATUS = "/preview/reports/r-1/status";
  static final String OUTPUT_PATH = "/preview/reports/r-1/output";

  CriteoClient client;

  @BeforeEach
  void setUp() {
    criteo.reset();
    criteo.stubToken();
    client = CriteoClient.create(criteo.config().build());
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  @AfterAll
  static void stop() {
    criteo.close();
  }

  List<Object[]> readAll() {
    try (RowStream rows = client.statisticsReport(statistics(), CAMPAIGN_CLICKS, QueryControl.none())) {
      List<Object[]> all = new ArrayList<>();
      for (Object[] row = rows.next(); row != null; row = rows.next()) {
        all.add(row);
      }
      return all;
    }
  }

  @Test
  void serverErrorsOnStatusAndOutputAreRetried() {
    criteo.stubStatisticsCreate("r-1");
    criteo.stubSequence(() -> get(STATUS), json(500, "{}"), okJson(msStatus("r-1", "Done")));
    criteo.stubSequence(() -> get(OUTPUT_PATH), json(502, "<html>bad gateway</html>"), okJson(OUTPUT));

    assertThat(readAll()).hasSize(2);
    assertThat(client.stats().retries()).isEqualTo(2);
    criteo.wm().verify(2, getRequestedFor(urlPathEqualTo(STATUS)));
    criteo.wm().verify(2, getRequestedFor(urlPathEqualTo(OUTPUT_PATH)));
  }

  @Test
  void createWhoseConnectionDropsIsSentAgain() {
    criteo.stubSequence(() -> post(FakeCriteo.STATS_CREATE),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), json(202, msStatus("r-1", "Pending")));
    criteo.stubStatus("r-1", "Done");
    criteo.stubOutput("r-1", OUTPUT);

    assertThat(readAll()).hasSize(2);
    criteo.wm().verify(2, postRequestedFor(urlPathEqualTo(FakeCriteo.STATS_CREATE)));
    assertThat(client.stats().reportsCreated()).isEqualTo(1);
  }

  @Test
  void connectionsClosedByTheServerUntilRetriesRunOutNameThatCauseWithoutAProxyHint() {
    criteo.wm().stubFor(post(FakeCriteo.STATS_CREATE).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

    assertThatThrownBy(this::readAll).isInstanceOf(CriteoException.class)
        .hasMessageContaining("after 5 attempts: the server closed the connection (")
        .hasMessageNotContaining("proxy");
  }

  @Test
  void serverThatCannotBeReachedFailsWithTheNetworkAndProxyHint() {
    try (CriteoClient unreachable = CriteoClient.create(criteo.config().baseUrl("http://127.0.0.1:9")
        .tokenUrl(criteo.baseUrl() + "/oauth2/token").build())) {
      assertThatThrownBy(() -> unreachable.statisticsReport(statistics(), CAMPAIGN_CLICKS, QueryControl.none()))
          .isInstanceOf(CriteoException.class)
          .hasMessageContaining("after 5 attempts: could not connect (")
          .hasMessageContaining("Check the network and the proxy settings");
    }
  }

  @Test
  void validationErrorIsNeverRetriedAndCarriesTheProblem() {
    criteo.wm().stubFor(post(FakeCriteo.STATS_CREATE).willReturn(json(400,
        error("invalid-timespan", "The time span is too long"))));

    assertThatThrownBy(this::readAll)
        .isInstanceOfSatisfying(CriteoApiException.class, e -> {
          assertThat(e).isNotInstanceOf(CriteoAuthException.class);
          assertThat(e.httpStatus()).isEqualTo(400);
          assertThat(e.code()).isEqualTo("invalid-timespan");
          assertThat(e.title()).isEqualTo("invalid-timespan title");
          assertThat(e.detail()).isEqualTo("The time span is too long");
          assertThat(e.traceId()).isEqualTo("trace-invalid-timespan");
          assertThat(e.problems()).hasSize(1);
        })
        .hasMessageStartingWith("Criteo API error 400 invalid-timespan: The time span is too long"
            + " (traceId trace-invalid-timespan)");
    criteo.wm().verify(1, postRequestedFor(urlPathEqualTo(FakeCriteo.STATS_CREATE)));
    assertThat(client.stats().retries()).isZero();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 404, 409, 410, 415})
  void clientErrorsAreNotRetried(int status) {
    criteo.wm().stubFor(post(FakeCriteo.STATS_CREATE).willReturn(json(status, error("some-code", "rejected"))));

    assertThatThrownBy(this::readAll).isInstanceOfSatisfying(CriteoApiException.class,
        e -> assertThat(e.httpStatus()).isEqualTo(status));
    criteo.wm().verify(1, postRequestedFor(urlPathEqualTo(FakeCriteo.STATS_CREATE)));
  }

  @Test
  void persistentServerErrorFailsAfterMaxRetries() {
    criteo.wm().stubFor(post(FakeCriteo.STATS_CREATE).willReturn(json(503, error("unavailable", "Down"))));

    assertThatThrownBy(this::readAll).isInstanceOfSatisfying(CriteoApiException.class,
            e -> assertThat(e.httpStatus()).isEqualTo(503))
        .hasMessageContaining("kept failing after 5 attempts");
    criteo.wm().verify(5, postRequestedFor(urlPathEqualTo(FakeCriteo.STATS_CREATE)));
  }

  @Test
  void malformedOutputIsAFormatError() {
    criteo.stubStatisticsCreate("r-1");
    criteo.stubStatus("r-1", "Done");
    criteo.stubOutput("r-1", "{\"data\":{\"metadata\":{\"columns\":[{\"name\":\"CampaignId\"},{\"name\":\"Clicks\"}]},"
        + "\"data\":[[1,2],[3,4}}");

    assertThatThrownBy(this::readAll).isInstanceOf(ReportFormatException.class)
        .hasMessageContaining("Report r-1").hasMessageContaining("after 1 complete rows");
  }

  @Test
  void outputTruncatedByTheServerIsAFormatError() {
    criteo.stubStatisticsCreate("r-1");
    criteo.stubStatus("r-1", "Done");
    criteo.stubOutput("r-1", OUTPUT.substring(0, OUTPUT.length() - 12));

    assertThatThrownBy(this::readAll).isInstanceOf(ReportFormatException.class).hasMessageContaining("cut short");
  }

  @Test
  void connectionThatBreaksInsideTheBodyIsAFormatError() {
    criteo.stubStatisticsCreate("r-1");
    criteo.stubStatus("r-1", "Done");
    criteo.wm().stubFor(get(OUTPUT_PATH).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

    assertThatThrownBy(this::readAll).isInstanceOf(ReportFormatException.class).hasMessageContaining("Report r-1");
  }

  @Test
  void outputAnsweredWithGarbageFailsAfterRetriesInsteadOfReturningRows() {
    criteo.stubStatisticsCreate("r-1");
    criteo.stubStatus("r-1", "Done");
    criteo.wm().stubFor(get(OUTPUT_PATH).willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));

    assertThatThrownBy(this::readAll).isInstanceOf(CriteoException.class)
        .hasMessageContaining("downloading statistics report r-1");
    // the first read, its one resend on a new connection, then the four retries
    criteo.wm().verify(6, getRequestedFor(urlPathEqualTo(OUTPUT_PATH)));
  }

  @Test
  void missingRequiredColumnSaysWhichAndWhatIsAvailable() {
    criteo.stubStatisticsCreate("r-1");
    criteo.stubStatus("r-1", "Done");
    criteo.stubOutput("r-1", OUTPUT);
    RowShape shape = new RowShape(List.of(new ColumnRequest("Displays", ValueType.LONG, true)));

    assertThatThrownBy(() -> client.statisticsReport(statistics(), shape, QueryControl.none()))
        .isInstanceOf(ReportFormatException.class)
        .hasMessageContaining("lacks required column(s) [Displays]; available: [CampaignId, Clicks]");
  }

  @Test
  void metadataRowArityMismatchIsAFormatError() {
    criteo.stubStatisticsCreate("r-1");
    criteo.stubStatus("r-1", "Done");
    criteo.stubOutput("r-1", "{\"data\":{\"metadata\":{\"columns\":[{\"name\":\"CampaignId\"},{\"name\":\"Clicks\"}]},"
        + "\"data\":[[1,2,3]]}}");

    assertThatThrownBy(this::readAll).isInstanceOf(ReportFormatException.class)
        .hasMessageContaining("row 1 has 3 values but the output declares 2 columns");
  }
}
