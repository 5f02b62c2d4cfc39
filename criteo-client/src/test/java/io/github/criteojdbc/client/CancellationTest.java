package io.github.criteojdbc.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.criteojdbc.client.RequestContractTest.CAMPAIGN_CLICKS;
import static io.github.criteojdbc.client.RequestContractTest.statistics;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.client.testing.FakeCriteo;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cancelling waits and downloads from another thread, in real time. Each cancel is sent once WireMock's journal shows
 * the query at the stage the test means (polling, or downloading), not after a guessed delay. The client stops well
 * within a second; {@link #PROMPTLY} leaves room for a loaded 2-core machine while still telling a cancel that
 * works from a query that waits for the report or the download to end (20 s here).
 */
class CancellationTest {
  static final FakeCriteo criteo = new FakeCriteo();
  static final Duration PROMPTLY = Duration.ofSeconds(5);
  static final Duration STAGE_DEADLINE = Duration.ofSeconds(30);

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

  /** How a query ended, when, and how long after the cancel. */
  record Outcome(Throwable failure, Instant end, Duration afterCancel) {}

  /** Runs the query on another thread and, once {@code atStage} holds, triggers the cancellation. */
  Outcome runAndCancelWhen(Predicate<Thread> atStage, Function<QueryControl, Object> query, QueryControl control,
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
    awaitStage(() -> atStage.test(worker), failure);
    Instant cancelledAt = Instant.now();
    cancel.run();
    Instant end = finished.get(STAGE_DEADLINE.toSeconds(), TimeUnit.SECONDS);
    worker.join();
    return new Outcome(failure.get(), end, Duration.between(cancelledAt, end));
  }

  private static void awaitStage(BooleanSupplier atStage, CompletableFuture<Throwable> ended) throws Exception {
    long deadline = System.nanoTime() + STAGE_DEADLINE.toNanos();
    while (!atStage.getAsBoolean()) {
      if (ended.isDone()) {
        throw new AssertionError("the query ended before the stage to cancel in", ended.get());
      }
      assertThat(System.nanoTime()).as("the query reached the stage to cancel in").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private static Predicate<Thread> callsTo(String stage, int atLeast) {
    return worker -> criteo.wm().countRequestsMatching(
        getRequestedFor(urlPathEqualTo("/preview/reports/r-1/" + stage)).build()).getCount() >= atLeast;
  }

  private static Predicate<Thread> polled(int times) {
    return callsTo("status", times);
  }

  private static Predicate<Thread> downloadRequested() {
    return callsTo("output", 1);
  }

  /** The output's answer came and the query reads its body: WireMock's journal cannot tell this stage. */
  private static Predicate<Thread> readingTheDownload() {
    return worker -> {
      List<StackTraceElement> stack = Arrays.asList(worker.getStackTrace());
      return stack.stream().anyMatch(frame -> frame.getClassName().equals(ReportLifecycle.class.getName())
          && frame.getMethodName().equals("download"))
          && stack.stream().noneMatch(frame -> frame.getMethodName().equals("send"));
    };
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
  void cancelDuringPollingStopsPromptly() throws Exception {
    criteo.stubStatus("r-1", "Pending");
    QueryControl control = QueryControl.none();

    Outcome outcome = runAndCancelWhen(polled(2), this::readEverything, control, control::cancel);

    assertThat(outcome.failure()).isInstanceOf(ReportCancelledException.class)
        .hasMessageContaining("waiting for statistics report r-1");
    assertThat(outcome.afterCancel()).isLessThan(PROMPTLY);
  }

  @Test
  void callersCancelFlagIsHonoured() throws Exception {
    criteo.stubStatus("r-1", "Pending");
    AtomicBoolean flag = new AtomicBoolean();
    QueryControl control = QueryControl.of(flag::get, Optional.empty(), ReportListener.NONE);

    Outcome outcome = runAndCancelWhen(polled(1), this::readEverything, control, () -> flag.set(true));

    assertThat(outcome.failure()).isInstanceOf(ReportCancelledException.class);
    assertThat(outcome.afterCancel()).isLessThan(PROMPTLY);
  }

  @Test
  void cancelDuringASlowDownloadStopsPromptly() throws Exception {
    criteo.stubStatus("r-1", "Done");
    criteo.wm().stubFor(get("/preview/reports/r-1/output").willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(slowOutput()).withChunkedDribbleDelay(100, 20_000)));
    QueryControl control = QueryControl.none();

    Outcome outcome = runAndCancelWhen(readingTheDownload(), this::readEverything, control, control::cancel);

    assertThat(outcome.failure()).isInstanceOf(ReportCancelledException.class)
        .hasMessageContaining("downloading report r-1");
    assertThat(outcome.afterCancel()).isLessThan(PROMPTLY);
  }

  @Test
  void cancelWhileTheServerHasNotAnsweredYetStopsPromptly() throws Exception {
    criteo.stubStatus("r-1", "Done");
    criteo.wm().stubFor(get("/preview/reports/r-1/output").willReturn(aResponse().withFixedDelay(20_000)));
    QueryControl control = QueryControl.none();

    Outcome outcome = runAndCancelWhen(downloadRequested(), this::readEverything, control, control::cancel);

    assertThat(outcome.failure()).isInstanceOf(ReportCancelledException.class);
    assertThat(outcome.afterCancel()).isLessThan(PROMPTLY);
  }

  @Test
  void deadlineDuringADownloadIsATimeout() throws Exception {
    criteo.stubStatus("r-1", "Done");
    criteo.wm().stubFor(get("/preview/reports/r-1/output").willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(slowOutput()).withChunkedDribbleDelay(100, 20_000)));
    Instant deadline = Instant.now().plusSeconds(3);
    QueryControl control = QueryControl.of(() -> false, Optional.of(deadline), ReportListener.NONE);

    Outcome outcome = runAndCancelWhen(readingTheDownload(), this::readEverything, control, () -> { });

    assertThat(outcome.failure()).isInstanceOf(ReportTimeoutException.class).hasMessageContaining("deadline");
    assertThat(Duration.between(deadline, outcome.end())).isLessThan(PROMPTLY);
  }

  @Test
  void closingTheClientCancelsItsQueries() throws Exception {
    criteo.stubStatus("r-1", "Pending");

    Outcome outcome = runAndCancelWhen(polled(1), this::readEverything, QueryControl.none(),
        () -> client.close());

    assertThat(outcome.failure()).isInstanceOf(ReportCancelledException.class).hasMessageContaining("closed");
    assertThat(outcome.afterCancel()).isLessThan(PROMPTLY);
  }
}
