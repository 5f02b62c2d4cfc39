package io.github.criteojdbc.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The report-call budget and 429 handling, on a fake clock. */
class RateLimitTest {
  static final FakeCriteo criteo = new FakeCriteo();
  static final String STATUS = "/preview/reports/r-1/status";

  final FakeTime time = FakeTime.startingAt("2026-03-01T10:00:00Z");

  @BeforeEach
  void reset() {
    criteo.reset();
    criteo.stubToken();
    criteo.stubStatisticsCreate("r-1");
    criteo.stubOutput("r-1", OUTPUT);
  }

  @AfterAll
  static void stop() {
    criteo.close();
  }

  static void drain(RowStream rows) {
    while (rows.next() != null) {
      // read everything
    }
    rows.close();
  }

  @Test
  void rateLimitResetHeaderIsWaitedForExactly() {
    Instant reset = time.instant().plusSeconds(7);
    criteo.stubSequence(() -> get(STATUS),
        json(429, error("too-many-requests", "Slow down"))
            .withHeader("x-ratelimit-reset", String.valueOf(reset.getEpochSecond())),
        okJson(msStatus("r-1", "Done")));
    List<Instant> polls = new CopyOnWriteArrayList<>();
    criteo.wm().addMockServiceRequestListener((request, response) -> {
      if (request.getUrl().equals(STATUS)) {
        polls.add(time.instant());
      }
    });

    try (CriteoClient client = CriteoClient.create(criteo.config().build(), time, time)) {
      drain(client.statisticsReport(statistics(), CAMPAIGN_CLICKS, QueryControl.none()));
      assertThat(client.stats().rateLimited()).isEqualTo(1);
    }
    assertThat(polls).hasSize(2);
    assertThat(polls.get(1)).isEqualTo(reset);
  }

  @Test
  void rateLimitStormWithoutHeaderBacksOffExponentiallyThenFails() {
    criteo.wm().stubFor(get(STATUS).willReturn(json(429, error("too-many-requests", "Slow down"))));
    CriteoClientConfig config = criteo.config().retryBackoff(Duration.ofSeconds(1)).build();

    try (CriteoClient client = CriteoClient.create(config, time, time)) {
      assertThatThrownBy(() -> client.statisticsReport(statistics(), CAMPAIGN_CLICKS, QueryControl.none()))
          .isInstanceOfSatisfying(CriteoApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(429))
          .hasMessageContaining("lower maxCallsPerMinute");
      assertThat(client.stats().rateLimited()).isEqualTo(5);
    }
    List<Duration> backoffs = time.sleeps().stream().filter(d -> d.toMillis() >= 100).toList();
    assertThat(backoffs).hasSize(4);
    for (int i = 0; i < backoffs.size(); i++) {
      long ceiling = 1000L << i;
      assertThat(backoffs.get(i).toMillis()).isBetween(ceiling / 2, ceiling);
    }
    criteo.wm().verify(5, getRequestedFor(urlPathEqualTo(STATUS)));
  }

  @Test
  void reportCallsStayWithinTheBudgetOfAnySlidingMinute() {
    criteo.stubSequence(() -> get(STATUS), okJson(msStatus("r-1", "Pending")),
        okJson(msStatus("r-1", "Pending")), okJson(msStatus("r-1", "Done")));
    List<Instant> reportCalls = new CopyOnWriteArrayList<>();
    criteo.wm().addMockServiceRequestListener((request, response) -> {
      if (!request.getUrl().startsWith("/oauth2")) {
        reportCalls.add(time.instant());
      }
    });
    CriteoClientConfig config = criteo.config().maxCallsPerMinute(2).build();

    try (CriteoClient client = CriteoClient.create(config, time, time)) {
      drain(client.statisticsReport(statistics(), CAMPAIGN_CLICKS, QueryControl.none()));
    }
    assertThat(reportCalls).hasSize(5);
    for (Instant start : reportCalls) {
      assertThat(reportCalls.stream().filter(t -> !t.isBefore(start) && t.isBefore(start.plusSeconds(60))))
          .as("calls in the minute from %s", start).hasSizeLessThanOrEqualTo(2);
    }
    assertThat(Duration.between(reportCalls.get(0), reportCalls.get(4))).isGreaterThanOrEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void clientsOfOneApplicationShareTheBudget() {
    criteo.stubStatus("r-1", "Done");
    CriteoClientConfig config = criteo.config().maxCallsPerMinute(3).build();

    try (CriteoClient first = CriteoClient.create(config, time, time);
        CriteoClient second = CriteoClient.create(config, time, time)) {
      drain(first.statisticsReport(statistics(), CAMPAIGN_CLICKS, QueryControl.none()));
      Instant before = time.instant();
      drain(second.statisticsReport(statistics(), CAMPAIGN_CLICKS, QueryControl.none()));
      assertThat(Duration.between(before, time.instant())).isGreaterThanOrEqualTo(Duration.ofSeconds(59));
    }
  }
}
