package io.github.criteojdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.sandbox.LoggedRequest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Twenty connections querying at once against a 40-calls-a-minute budget, and the API's reset header. */
class RateLimitStormTest extends FreshSandboxTest {
  private static final int BUDGET = 40;
  private static final int CONNECTIONS = 20;
  private static final Duration WINDOW = Duration.ofSeconds(60);

  @Override
  protected String application() {
    return "storm-app";
  }

  @Test
  void twentyConcurrentQueriesStayWithinFortyCallsAMinuteAndAllGiveExactRows() throws Exception {
    target.faults().rateLimitPerMinute(BUDGET).pendingPolls(0);
    LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
    ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
    List<Future<List<List<Object>>>> results = new ArrayList<>();
    List<List<List<Object>>> expected = new ArrayList<>();
    for (int query = 0; query < CONNECTIONS; query++) {
      LocalDate day = today.minusDays(30 + query);
      expected.add(ExpectedStatistics.clicksByCampaign(target.sandbox().data(), day, day));
      results.add(pool.submit(() -> {
        try (Connection connection = target.connect("maxCallsPerMinute=" + BUDGET);
             Statement statement = connection.createStatement()) {
          return ResultRows.readAll(statement.executeQuery(ExpectedStatistics.clicksByCampaignSql(day, day)));
        }
      }));
    }
    long started = System.nanoTime();
    for (int query = 0; query < CONNECTIONS; query++) {
      assertThat(results.get(query).get(3, TimeUnit.MINUTES)).as("query " + query).isEqualTo(expected.get(query));
      ReliabilityFigures.rowsChecked(expected.get(query).size());
    }
    Duration wall = Duration.ofNanos(System.nanoTime() - started);
    pool.shutdown();

    List<Instant> calls = target.log().all().stream().filter(LoggedRequest::isReportCall).map(LoggedRequest::at).sorted().toList();
    int busiestMinute = busiestWindow(calls);
    long throttled = target.log().count(r -> r.isReportCall() && r.status() == 429);
    assertThat(busiestMinute).as("report calls the API saw in its busiest 60 s").isLessThanOrEqualTo(BUDGET);
    ReliabilityFigures.queries(CONNECTIONS);
    ReliabilityFigures.measure("429 storm: report calls made / budget", calls.size() + " calls for " + CONNECTIONS
        + " queries; busiest 60 s window " + busiestMinute + " of " + BUDGET + " allowed; " + throttled
        + " answered 429; wall time " + wall.toSeconds() + " s");
  }

  @Test
  void aThrottledCallWaitsUntilTheRateLimitResetHeaderBeforeItIsRepeated() throws Exception {
    target.faults().throttleNext(1, true);
    ReliabilityFigures.faults(1);
    LocalDate day = AnchorTest.FIRST;

    assertThat(target.rows(ExpectedStatistics.clicksByCampaignSql(day, day)))
        .isEqualTo(ExpectedStatistics.clicksByCampaign(target.sandbox().data(), day, day));
    List<LoggedRequest> calls = target.log().all().stream().filter(LoggedRequest::isReportCall).toList();
    assertThat(calls.get(0).status()).isEqualTo(429);
    // The sandbox announces a reset at the first whole second at least one second after the throttled call.
    Instant oneSecondLater = calls.get(0).at().plusSeconds(1);
    Instant reset = Instant.ofEpochSecond(oneSecondLater.getEpochSecond() + (oneSecondLater.getNano() == 0 ? 0 : 1));
    assertThat(calls.get(1).at()).as("the repeated call").isAfterOrEqualTo(reset);
    ReliabilityFigures.queries(1);
  }

  /** The most calls within any 60 s window that starts at a call. */
  private static int busiestWindow(List<Instant> calls) {
    int busiest = 0;
    int end = 0;
    for (int start = 0; start < calls.size(); start++) {
      Instant windowEnd = calls.get(start).plus(WINDOW);
      while (end < calls.size() && calls.get(end).isBefore(windowEnd)) {
        end++;
      }
      busiest = Math.max(busiest, end - start);
    }
    return busiest;
  }
}
