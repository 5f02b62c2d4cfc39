package io.github.criteojdbc.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static io.github.criteojdbc.client.RequestContractTest.CAMPAIGN_CLICKS;
import static io.github.criteojdbc.client.RequestContractTest.statistics;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.client.testing.FakeCriteo;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cancelling waits and downloads from another thread, in real time. */
class CancellationTest {
  static final FakeCriteo criteo = new FakeCriteo();
  static final Duration PROMPTLY = Duration.ofSeconds(1);

  Set<Thread> threadsBefore;
  CriteoClient client;

  @BeforeEach
  void setUp() {
    criteo.reset();
    criteo.stubToken();
    criteo.stubStatisticsCreate("r-1");
    threadsBefore = Thread.getAllStackTraces().keySet();
    client = CriteoClient.create(criteo.config().pollInterval(Duration.ofMillis(300)).build());
  }

  @AfterEach
  void closeClientAndCheckThreads() {
    client.close();
    Set<Thread> added = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !threadsBefore.contains(t))
        .collect(Collectors.toSet());
    assertThat(added).as("threads left behind")
        .noneMatch(t -> t.getName().startsWith("criteo"))
        .allMatch(t -> t.isDaemon() || isWireMocksJetty(t), "are daemon threads (or WireMock's own)");
  }

  static boolean isWireMocksJetty(Thread thread) {
    return thread.getName().startsWith("qtp") || thread.getName().startsWith("Connector-Scheduler");
  }

  @AfterAll
  static void stop() {
    criteo.close();
  }

  /** Runs the query on another thread, triggers cancellation after a delay, returns how it ended and how fast. */
  record Outcome(Throwable failure, Duration afterCancel) {}

  Outcome runAndCancelAfter(Duration delay, Function<QueryControl, Object> query, QueryControl control,
      Runnable cancel) throws Exception {
    CompletableFuture<Instant> finished = new CompletableFuture<>();
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    Thread worker = new Thread(() -> {
      try {
        query.apply(control);
        failure.complete(null);
      } catch (Throwable t) {
        failure.complete(t);
      } finally {
        finished.complete(Instant.now());
      }
    }, "test-query");
    worker.start();
    Thread.sleep(delay.toMillis());
    Instant cancelledAt = Instant.now();
    cancel.run();
    Instant end = finished.get(10, TimeUnit.SECONDS);
    worker.join();
    return new Outcome(failure.get(), Duration.between(cancelledAt, end));
  }

  Object readEverything(QueryControl control) {
    try (RowStream rows = client.statisticsReport(statistics(), CAMPAIGN_CLICKS, control)) {
      while (rows.next() != null) {
        // read on
      }
    }
    return null;
  }

  static String slowOutput() {
    String rows = IntStream.range(0, 2000).mapToObj(i -> "[" + i + "," + i + "]").collect(Collectors.joining(","));
    return "{\"data\":{\"metadata\":{\"columns\":[{\"name\":\"CampaignId\"},{\"name\":\"Clicks\"}]},\"data\":["
        + rows + "]}}";
  }

  @Test
  void cancelDuringPollingStopsWithinASecond() throws Exception {
    criteo.stubStatus("r-1", "Pending");
    QueryControl control = QueryControl.none();

    Outcome outcome = runAndCancelAfter(Duration.ofMillis(700), this::readEverything, control, control::cancel);

    assertThat(outcome.failure()).isInstanceOf(ReportCancelledException.class)
        .hasMessageContaining("waiting for statistics report r-1");
    assertThat(outcome.afterCancel()).isLessThan(PROMPTLY);
  }

  @Test
  void callersCancelFlagIsHonoured() throws Exception {
    criteo.stubStatus("r-1", "Pending");
    AtomicBoolean flag = new AtomicBoolean();
    QueryControl control = QueryControl.of(flag::get, Optional.empty(), ReportListener.NONE);

    Outcome outcome = runAndCancelAfter(Duration.ofMillis(500), this::readEverything, control, () -> flag.set(true));

    assertThat(outcome.failure()).isInstanceOf(ReportCancelledException.class);
    assertThat(outcome.afterCancel()).isLessThan(PROMPTLY);
  }

  @Test
  void cancelDuringASlowDownloadStopsWithinASecond() throws Exception {
    criteo.stubStatus("r-1", "Done");
    criteo.wm().stubFor(get("/preview/reports/r-1/output").willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(slowOutput()).withChunkedDribbleDelay(100, 20_000)));
    QueryControl control = QueryControl.none();

    Outcome outcome = runAndCancelAfter(Duration.ofMillis(1500), this::readEverything, control, control::cancel);

    assertThat(outcome.failure()).isInstanceOf(ReportCancelledException.class)
        .hasMessageContaining("downloading report r-1");
    assertThat(outcome.afterCancel()).isLessThan(PROMPTLY);
  }

  @Test
  void cancelWhileTheServerHasNotAnsweredYetStopsWithinASecond() throws Exception {
    criteo.stubStatus("r-1", "Done");
    criteo.wm().stubFor(get("/preview/reports/r-1/output").willReturn(aResponse().withFixedDelay(20_000)));
    QueryControl control = QueryControl.none();

    Outcome outcome = runAndCancelAfter(Duration.ofMillis(800), this::readEverything, control, control::cancel);

    assertThat(outcome.failure()).isInstanceOf(ReportCancelledException.class);
    assertThat(outcome.afterCancel()).isLessThan(PROMPTLY);
  }

  @Test
  void deadlineDuringADownloadIsATimeout() throws Exception {
    criteo.stubStatus("r-1", "Done");
    criteo.wm().stubFor(get("/preview/reports/r-1/output").willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(slowOutput()).withChunkedDribbleDelay(100, 20_000)));
    QueryControl control = QueryControl.of(() -> false, Optional.of(Instant.now().plusMillis(1500)), ReportListener.NONE);

    Outcome outcome = runAndCancelAfter(Duration.ofMillis(1500), this::readEverything, control, () -> { });

    assertThat(outcome.failure()).isInstanceOf(ReportTimeoutException.class).hasMessageContaining("deadline");
    assertThat(outcome.afterCancel()).isLessThan(PROMPTLY);
  }

  @Test
  void closingTheClientCancelsItsQueries() throws Exception {
    criteo.stubStatus("r-1", "Pending");

    Outcome outcome = runAndCancelAfter(Duration.ofMillis(500), this::readEverything, QueryControl.none(),
        () -> client.close());

    assertThat(outcome.failure()).isInstanceOf(ReportCancelledException.class).hasMessageContaining("closed");
    assertThat(outcome.afterCancel()).isLessThan(PROMPTLY);
  }
}
