package io.github.criteojdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.sandbox.Endpoint;
import io.github.criteojdbc.sandbox.SandboxServer;
import io.github.criteojdbc.sandbox.data.AudienceBreakdown;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fifty queries of five shapes over all four tables and ten connections in parallel, against a sandbox that fails,
 * drops, throttles and expires calls: every result holds the rows the sandbox's raw facts give, and equals (order
 * included) the same query's result from a second, fault-free sandbox.
 */
class ParallelLoadTest extends FreshSandboxTest {
  private static final int CONNECTIONS = 10;
  private static final int WINDOWS = 10;
  private static final LocalDate FIRST_DAY = AnchorTest.FIRST.minusDays(40);
  private static final LocalDateTime MPO_END =
      LocalDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.HOURS), ZoneOffset.UTC).minusHours(1);
  private static final List<String> CATALOG_TOKENS =
      List.of("sandbox-batch-failed", "sandbox-batch-validated", "sandbox-batch-with-errors");
  /**
   * Five shapes over the four tables, each with its rows computed from the sandbox's raw facts; each window asks
   * another range, so no two queries share a report.
   */
  private static final List<Shape> SHAPES = List.of(
      new Shape(window -> ExpectedStatistics.clicksByCampaignSql(firstDay(window), firstDay(window).plusDays(1)),
          (sandbox, window) -> ExpectedRows.text(ExpectedStatistics.clicksByCampaign(sandbox.data(), firstDay(window),
              firstDay(window).plusDays(1)))),
      new Shape(window -> ExpectedStatistics.clicksByCampaignHourSql(firstDay(window), firstDay(window).plusDays(1)),
          (sandbox, window) -> ExpectedRows.text(ExpectedStatistics.clicksByCampaignHour(sandbox.data(),
              firstDay(window), firstDay(window).plusDays(1)))),
      new Shape(window -> "SELECT advertiser_id, breakdown, breakdown_value, clicks, revenue FROM audience_performance"
          + " WHERE advertiser_id IN ('10001', '10002')"
          + " AND breakdown IN ('Top30BrandsByClicks', 'Top30InterestsBySales')"
          + " AND start_date = DATE '" + firstDay(window) + "' AND end_date = DATE '" + firstDay(window).plusDays(1)
          + "' ORDER BY advertiser_id, breakdown, breakdown_value",
          (sandbox, window) -> Stream.of("10001", "10002").flatMap(advertiser -> Stream.concat(
              ExpectedRows.audienceTop30(sandbox, advertiser, "Top30BrandsByClicks", AudienceBreakdown.BRAND,
                  totals -> totals[ExpectedRows.AUDIENCE_CLICKS], firstDay(window), firstDay(window).plusDays(1))
                  .stream(),
              ExpectedRows.audienceTop30(sandbox, advertiser, "Top30InterestsBySales", AudienceBreakdown.INTEREST,
                  totals -> totals[ExpectedRows.AUDIENCE_SALES], firstDay(window), firstDay(window).plusDays(1))
                  .stream())).toList()),
      new Shape(window -> "SELECT campaign_id, seller_id, hour, SUM(clicks) AS clicks, SUM(cost) AS cost"
          + " FROM mpo_realtime WHERE advertiser_id = '10001' AND hour >= TIMESTAMP '"
          + sqlTimestamp(MPO_END.minusHours(window + 1L)) + "' AND hour < TIMESTAMP '"
          + sqlTimestamp(MPO_END.minusHours(window)) + "'"
          + " GROUP BY campaign_id, seller_id, hour ORDER BY campaign_id, seller_id, hour",
          (sandbox, window) -> ExpectedRows.mpo(sandbox, "10001", MPO_END.minusHours(window + 1L),
              MPO_END.minusHours(window), fact -> List.of(fact.campaignId(), fact.sellerId(), ExpectedRows.utcHour(fact)),
              List.of(ExpectedRows::clicks, ExpectedRows::cost))),
      new Shape(window -> "SELECT operation_token, status, number_of_products_with_errors, product_id, issue_type,"
          + " message FROM catalog_batch_report WHERE operation_token IN ('" + String.join("', '", CATALOG_TOKENS)
          + "') ORDER BY operation_token, product_id, issue_type",
          (sandbox, window) -> CATALOG_TOKENS.stream()
              .flatMap(token -> ExpectedRows.catalogBatch(sandbox, token).stream()).toList()));

  /** A query of {@code window} and its rows, as text, from a sandbox's raw facts. */
  private record Shape(IntFunction<String> sql, BiFunction<SandboxServer, Integer, List<List<String>>> expected) {
  }

  private static LocalDate firstDay(int window) {
    return FIRST_DAY.plusDays(3L * window);
  }

  private static String sqlTimestamp(LocalDateTime time) {
    return time.toLocalDate() + " " + time.toLocalTime() + ":00";
  }

  @Override
  protected String application() {
    return "load-app";
  }

  @Test
  void fiftyParallelQueriesUnderFaultsEqualTheFaultFreeResults() throws Exception {
    List<String> queries = new ArrayList<>();
    List<List<List<String>>> expected = new ArrayList<>();
    for (int window = 0; window < WINDOWS; window++) {
      for (Shape shape : SHAPES) {
        queries.add(shape.sql().apply(window));
        expected.add(shape.expected().apply(target.sandbox(), window));
      }
    }
    List<List<List<Object>>> faultFree;
    try (SandboxTarget reference = SandboxTarget.start("load-reference-app")) {
      faultFree = runInParallel(reference, queries);
    }
    target.faults().randomServerErrors(0.1, 50L).latency(Duration.ofMillis(5)).expireAfterDone(3)
        .dropNextCalls(Endpoint.CREATE, 2).dropNextCalls(Endpoint.OUTPUT, 2).loseNextResponses(Endpoint.CREATE, 2)
        .throttleNext(3, true).failNextTokenRequests(1);

    List<List<List<Object>>> underFaults = runInParallel(target, queries);

    long rows = 0;
    for (int query = 0; query < queries.size(); query++) {
      assertThat(expected.get(query)).as(queries.get(query)).isNotEmpty();
      assertThat(ExpectedRows.text(underFaults.get(query))).as(queries.get(query))
          .containsExactlyInAnyOrderElementsOf(expected.get(query));
      assertThat(underFaults.get(query)).as(queries.get(query)).isEqualTo(faultFree.get(query));
      rows += faultFree.get(query).size();
    }
    long serverErrors = target.log().count(r -> r.status() == 500);
    long dropped = target.log().count(r -> r.status() == 0);
    long throttled = target.log().count(r -> r.status() == 429);
    long injected = serverErrors + dropped + throttled + 3;
    ReliabilityFigures.queries(2L * queries.size());
    ReliabilityFigures.rowsChecked(rows);
    ReliabilityFigures.faults(injected);
    ReliabilityFigures.measure("parallel load: 50 queries over 4 tables and 10 connections", rows + " rows equal to the fault-free"
        + " run; faults seen by the API: " + serverErrors + " HTTP 500, " + dropped + " dropped or lost, " + throttled
        + " HTTP 429, 3 reports expired after done; " + target.reportCalls() + " report calls");
  }

  private static List<List<List<Object>>> runInParallel(SandboxTarget on, List<String> queries) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
    try {
      List<Connection> connections = new ArrayList<>();
      for (int i = 0; i < CONNECTIONS; i++) {
        connections.add(on.connect());
      }
      List<Future<List<List<Object>>>> futures = new ArrayList<>();
      for (int query = 0; query < queries.size(); query++) {
        Connection connection = connections.get(query % CONNECTIONS);
        String sql = queries.get(query);
        futures.add(pool.submit(() -> run(connection, sql)));
      }
      List<List<List<Object>>> results = new ArrayList<>();
      for (Future<List<List<Object>>> future : futures) {
        results.add(future.get(3, TimeUnit.MINUTES));
      }
      for (Connection connection : connections) {
        connection.close();
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<List<Object>> run(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      return ResultRows.readAll(statement.executeQuery(sql));
    }
  }
}
