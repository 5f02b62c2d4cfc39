package io.github.criteojdbc.client;

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

import io.github.criteojdbc.client.testing.FakeCriteo;
import io.github.criteojdbc.client.testing.FakeTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Create, poll, download on a fake clock: backoff, expiry, failure, timeouts, listener events. */
class ReportLifecycleTest {
  static final FakeCriteo criteo = new FakeCriteo();

  final FakeTime time = FakeTime.startingAt("2026-03-01T10:00:00Z");
  final List<String> events = new ArrayList<>();
  final ReportListener listener = new ReportListener() {
    @Override
    public void reportCreated(String kind, String reportId, String requestSummary) {
      events.add("created " + kind + " " + reportId);
    }

    @Override
    public void statusPolled(String reportId, String status, Duration waited) {
      events.add("polled " + reportId + " " + status + " after " + waited.toMillis() + "ms");
    }

    @Override
    public void downloadStarted(String reportId, Duration waited) {
      events.add("download " + reportId + " after " + waited.toMillis() + "ms");
    }

    @Override
    public void warning(String message) {
      events.add("warning " + message);
    }
  };
  final QueryControl control = QueryControl.of(() -> false, Optional.empty(), listener);

  @BeforeEach
  void reset() {
    criteo.reset();
    criteo.stubToken();
  }

  @AfterAll
  static void stop() {
    criteo.close();
  }

  CriteoClient client(Duration pollInterval) {
    return CriteoClient.create(criteo.config().pollInterval(pollInterval).build(), time, time);
  }

  static long drain(RowStream rows) {
    long count = 0;
    while (rows.next() != null) {
      count++;
    }
    rows.close();
    return count;
  }

  @Test
  void pollsWithBackoffUntilDoneAndTellsTheListener() {
    criteo.stubStatisticsCreate("r-1");
    criteo.stubSequence(() -> get("/preview/reports/r-1/status"), okJson(msStatus("r-1", "pending")),
        okJson(msStatus("r-1", "Unknown")), okJson(msStatus("r-1", "PENDING")), okJson(msStatus("r-1", "Done")));
    criteo.stubOutput("r-1", OUTPUT);

    try (CriteoClient client = client(Duration.ofSeconds(2))) {
      assertThat(drain(client.statisticsReport(statistics(), CAMPAIGN_CLICKS, control))).isEqualTo(2);
      assertThat(client.stats().statusPolls()).isEqualTo(4);
      assertThat(client.stats().downloads()).isEqualTo(1);
    }
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(2000), Duration.ofMillis(3000),
        Duration.ofMillis(4500), Duration.ofMillis(6750));
    assertThat(events).containsExactly("created statistics r-1", "polled r-1 pending after 2000ms",
        "polled r-1 Unknown after 5000ms", "polled r-1 PENDING after 9500ms", "polled r-1 Done after 16250ms",
        "download r-1 after 16250ms");
  }

  @Test
  void pollIntervalGrowsToAtMostSixtySeconds() {
    criteo.stubStatisticsCreate("r-1");
    criteo.stubSequence(() -> get("/preview/reports/r-1/status"), okJson(msStatus("r-1", "Pending")),
        okJson(msStatus("r-1", "Pending")), okJson(msStatus("r-1", "Pending")), okJson(msStatus("r-1", "Done")));
    criteo.stubOutput("r-1", OUTPUT);

    try (CriteoClient client = client(Duration.ofSeconds(30))) {
      drain(client.statisticsReport(statistics(), CAMPAIGN_CLICKS, control));
    }
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(45),
        Duration.ofSeconds(60), Duration.ofSeconds(60));
  }

  @Test
  void reportAlreadyDoneAtCreationIsDownloadedWithoutPolling() {
    criteo.wm().stubFor(post(FakeCriteo.STATS_CREATE).willReturn(json(202, msStatus("r-1", "Done"))));
    criteo.stubOutput("r-1", OUTPUT);

    try (CriteoClient client = client(Duration.ofSeconds(5))) {
      assertThat(drain(client.statisticsReport(statistics(), CAMPAIGN_CLICKS, control))).isEqualTo(2);
    }
    criteo.wm().verify(0, getRequestedFor(urlPathEqualTo("/preview/reports/r-1/status")));
  }

  @Test
  void expiredReportIsCreatedAgainOnce() {
    criteo.stubSequence(() -> post(FakeCriteo.STATS_CREATE),
        json(202, msStatus("r-1", "Pending")), json(202, msStatus("r-2", "Pending")));
    criteo.stubStatus("r-1", "Expired");
    criteo.stubStatus("r-2", "Done");
    criteo.stubOutput("r-2", OUTPUT);

    try (CriteoClient client = client(Duration.ofSeconds(5))) {
      RowStream rows = client.statisticsReport(statistics(), CAMPAIGN_CLICKS, control);
      assertThat(rows.reportId()).isEqualTo("r-2");
      assertThat(drain(rows)).isEqualTo(2);
      assertThat(client.stats().reportsCreated()).isEqualTo(2);
    }
  }

  @Test
  void outputRefusedWhileTheStatusNowSaysExpiredRecreatesTheReportWhateverTheErrorCode() {
    criteo.stubSequence(() -> post(FakeCriteo.STATS_CREATE),
        json(202, msStatus("r-1", "Done")), json(202, msStatus("r-2", "Done")));
    criteo.wm().stubFor(get("/preview/reports/r-1/output").willReturn(json(410,
        error("some-undocumented-code", "Gone"))));
    criteo.stubStatus("r-1", "EXPIRED");
    criteo.stubOutput("r-2", OUTPUT);

    try (CriteoClient client = client(Duration.ofSeconds(5))) {
      assertThat(drain(client.statisticsReport(statistics(), CAMPAIGN_CLICKS, control))).isEqualTo(2);
    }
    criteo.wm().verify(2, postRequestedFor(urlPathEqualTo(FakeCriteo.STATS_CREATE)));
  }

  @Test
  void outputRefusedWhileTheReportIsStillDoneIsTheApiErrorAndNoRecreation() {
    criteo.stubStatisticsCreate("r-1");
    criteo.stubStatus("r-1", "Done");
    criteo.wm().stubFor(get("/preview/reports/r-1/output").willReturn(json(400,
        error("report-expired", "Looks like expiry, but the status says Done"))));

    try (CriteoClient client = client(Duration.ofSeconds(5))) {
      assertThatThrownBy(() -> client.statisticsReport(statistics(), CAMPAIGN_CLICKS, control))
          .isInstanceOfSatisfying(CriteoApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(400))
          .hasMessageContaining("Looks like expiry");
    }
    criteo.wm().verify(1, postRequestedFor(urlPathEqualTo(FakeCriteo.STATS_CREATE)));
  }

  @Test
  void reportExpiringTwiceFailsClearly() {
    criteo.stubSequence(() -> post(FakeCriteo.STATS_CREATE),
        json(202, msStatus("r-1", "Pending")), json(202, msStatus("r-2", "Pending")));
    criteo.stubStatus("r-1", "Expired");
    criteo.stubStatus("r-2", "expired");

    try (CriteoClient client = client(Duration.ofSeconds(5))) {
      assertThatThrownBy(() -> client.statisticsReport(statistics(), CAMPAIGN_CLICKS, control))
          .isInstanceOfSatisfying(ReportFailedException.class, e -> assertThat(e.reportId()).isEqualTo("r-2"))
          .hasMessageContaining("expired again before it could be downloaded");
    }
    criteo.wm().verify(2, postRequestedFor(urlPathEqualTo(FakeCriteo.STATS_CREATE)));
  }

  @Test
  void failedReportCarriesTheApiMessage() {
    criteo.stubStatisticsCreate("r-1");
    criteo.wm().stubFor(get("/preview/reports/r-1/status").willReturn(okJson("""
        {"data":{"id":"r-1","attributes":{"status":"Failure","message":"Too many rows requested"}}}""")));

    try (CriteoClient client = client(Duration.ofSeconds(5))) {
      assertThatThrownBy(() -> client.statisticsReport(statistics(), CAMPAIGN_CLICKS, control))
          .isInstanceOfSatisfying(ReportFailedException.class, e -> {
            assertThat(e.reportId()).isEqualTo("r-1");
            assertThat(e.apiMessage()).isEqualTo("Too many rows requested");
          })
          .hasMessageContaining("statistics report r-1: Too many rows requested");
    }
  }

  @Test
  void reportNotReadyWithinReportTimeoutFails() {
    criteo.stubStatisticsCreate("r-1");
    criteo.stubStatus("r-1", "Pending");
    CriteoClientConfig config = criteo.config().pollInterval(Duration.ofSeconds(10))
        .reportTimeout(Duration.ofSeconds(30)).build();

    try (CriteoClient client = CriteoClient.create(config, time, time)) {
      assertThatThrownBy(() -> client.statisticsReport(statistics(), CAMPAIGN_CLICKS, control))
          .isInstanceOf(ReportTimeoutException.class)
          .hasMessageContaining("r-1 was not ready after 30 s (last status Pending)")
          .hasMessageContaining("reportTimeout");
    }
    // The last poll happens right at the timeout, not a backoff step past it.
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(5));
  }

  @Test
  void callerDeadlineEndsTheWait() {
    criteo.stubStatisticsCreate("r-1");
    criteo.stubStatus("r-1", "Pending");
    QueryControl withDeadline = QueryControl.of(() -> false,
        Optional.of(time.instant().plusSeconds(20)), ReportListener.NONE);

    try (CriteoClient client = client(Duration.ofSeconds(10))) {
      assertThatThrownBy(() -> client.statisticsReport(statistics(), CAMPAIGN_CLICKS, withDeadline))
          .isInstanceOf(ReportTimeoutException.class)
          .hasMessageContaining("deadline").hasMessageContaining("waiting for statistics report r-1");
    }
  }

  @Test
  void deprecationHeadersAndResponseWarningsReachTheListenerOncePerClient() {
    criteo.wm().stubFor(post(FakeCriteo.STATS_CREATE).willReturn(json(202, """
        {"data":{"id":"r-1","attributes":{"status":"Done"}},
         "warnings":[{"code":"field-deprecated","title":"adSetStatus is deprecated"}]}""")
        .withHeader("Deprecation", "true").withHeader("Sunset", "Tue, 28 Jul 2026 00:00:00 GMT")));
    criteo.stubOutput("r-1", OUTPUT);

    try (CriteoClient client = client(Duration.ofSeconds(5))) {
      drain(client.statisticsReport(statistics(), CAMPAIGN_CLICKS, control));
      drain(client.statisticsReport(statistics(), CAMPAIGN_CLICKS, control));
    }
    assertThat(events).filteredOn(e -> e.startsWith("warning")).containsExactly(
        "warning Criteo API version 'preview' is deprecated and will be removed on Tue, 28 Jul 2026 00:00:00 GMT;"
            + " move apiVersion to a supported version",
        "warning Criteo API warning field-deprecated: adSetStatus is deprecated");
  }

  @Test
  void rowStreamDeclaresTheOutputColumnsAndStaysAtItsEnd() {
    criteo.wm().stubFor(post(FakeCriteo.STATS_CREATE).willReturn(json(202, msStatus("r-1", "Done"))));
    criteo.stubOutput("r-1", OUTPUT);

    try (CriteoClient client = client(Duration.ofSeconds(5));
        RowStream rows = client.statisticsReport(statistics(), CAMPAIGN_CLICKS, control)) {
      assertThat(rows.outputColumns()).containsExactly(
          new OutputColumn("CampaignId", "String", "Dimension", null, null, null),
          new OutputColumn("Clicks", "Number", "Metric", null, null, null));
      assertThat(rows.next()).isNotNull();
      assertThat(rows.next()).isNotNull();
      assertThat(rows.next()).isNull();
      assertThat(rows.next()).isNull();
    }
  }

  @Test
  void reportCreatedAnswerWithoutIdIsAClearError() {
    criteo.wm().stubFor(post(FakeCriteo.STATS_CREATE).willReturn(json(202, "{\"data\":{\"attributes\":{}}}")));

    try (CriteoClient client = client(Duration.ofSeconds(5))) {
      assertThatThrownBy(() -> client.statisticsReport(statistics(), CAMPAIGN_CLICKS, control))
          .isInstanceOf(CriteoException.class).hasMessageContaining("no report id");
    }
  }

  @Test
  void requestedDeadlineIsCheckedAgainstTheClientClock() {
    QueryControl past = QueryControl.of(() -> false, Optional.of(Instant.parse("2026-03-01T09:00:00Z")),
        ReportListener.NONE);

    try (CriteoClient client = client(Duration.ofSeconds(5))) {
      assertThatThrownBy(() -> client.verifyCredentials(past)).isInstanceOf(ReportTimeoutException.class);
    }
  }
}
