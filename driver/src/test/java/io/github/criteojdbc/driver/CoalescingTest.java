package io.github.criteojdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.criteojdbc.sandbox.data.HourlyFact;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dashboard cards sent at once on several connections: those that differ only in dimensions and
 * additive metrics (or ratios with a catalog formula of additive ones) cost one report, whose rows
 * answer each card as its own report would and as the sandbox's raw facts say; other ratios,
 * queries of one thread, unions too large and failed unions are not merged. Each test reads its own dates, so that no other test's cached report answers it.
 */
class CoalescingTest {
  private static final String ADVERTISER = "10001";

  /** Keeps the embedded sandbox running between tests, so its request log counts them all. */
  private static Connection keepAlive;

  @BeforeAll
  static void startTheSandbox() throws SQLException {
    keepAlive = SandboxConnections.open();
  }

  @AfterAll
  static void stopTheSandbox() throws SQLException {
    keepAlive.close();
  }

  @Test
  void concurrentCardsOfOtherDimensionsCostOneReportAndEqualTheirOwnReportsAndTheRawFacts()
      throws Exception {
    LocalDate first = LocalDate.now(ZoneOffset.UTC).minusDays(110);
    List<String> cards = cards(first, "SELECT day, SUM(clicks) FROM statistics %s GROUP BY day",
        "SELECT campaign_id, SUM(advertiser_cost) FROM statistics %s GROUP BY campaign_id",
        "SELECT device, SUM(displays) FROM statistics %s GROUP BY device",
        "SELECT SUM(advertiser_cost) FROM statistics %s");
    long created = SandboxConnections.reportsCreated();

    List<List<String>> merged = concurrently(cards);

    assertThat(SandboxConnections.reportsCreated() - created).isEqualTo(1);
    assertThat(merged).isEqualTo(alone(cards));
    List<HourlyFact> facts = facts(first);
    Map<String, Long> clicksByDay = facts.stream().collect(Collectors.groupingBy(
        f -> f.hour().atZone(ZoneOffset.UTC).toLocalDate().toString(), TreeMap::new,
        Collectors.summingLong(f -> f.count("Clicks"))));
    assertThat(merged.get(0)).isEqualTo(clicksByDay.entrySet().stream()
        .map(e -> e.getKey() + "|" + e.getValue()).collect(Collectors.toList()));
    assertThat(new BigDecimal(merged.get(3).get(0))).isEqualByComparingTo(facts.stream()
        .map(f -> f.money("AdvertiserCost")).reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  @Test
  void aClickThroughRateCardJoinsTheUnionAsClicksAndDisplaysAndEqualsItsOwnReportAndTheRawFacts()
      throws Exception {
    LocalDate first = LocalDate.now(ZoneOffset.UTC).minusDays(99);
    List<String> cards = cards(first, "SELECT campaign_id, click_through_rate FROM statistics %s",
        "SELECT day, SUM(clicks) FROM statistics %s GROUP BY day");
    long created = SandboxConnections.reportsCreated();

    List<List<String>> merged = concurrently(cards);

    assertThat(SandboxConnections.reportsCreated() - created).isEqualTo(1);
    assertThat(merged).isEqualTo(alone(cards));
    Map<String, List<HourlyFact>> byCampaign = facts(first).stream().collect(Collectors.groupingBy(
        f -> f.dimension("CampaignId"), TreeMap::new, Collectors.toList()));
    assertThat(merged.get(0)).isEqualTo(byCampaign.entrySet().stream()
        .map(e -> e.getKey() + "|" + (double) e.getValue().stream().mapToLong(f -> f.count("Clicks")).sum()
            / e.getValue().stream().mapToLong(f -> f.count("Displays")).sum())
        .collect(Collectors.toList()));
  }

  @Test
  void aRatioCardWithoutAFormulaIsNotMerged() throws Exception {
    LocalDate first = LocalDate.now(ZoneOffset.UTC).minusDays(130);
    List<String> cards = cards(first, "SELECT campaign_id, conversion_rate_pc30d FROM statistics %s",
        "SELECT day, SUM(clicks), SUM(sales_pc30d) FROM statistics %s GROUP BY day");
    long created = SandboxConnections.reportsCreated();

    List<List<String>> merged = concurrently(cards);

    assertThat(SandboxConnections.reportsCreated() - created).isEqualTo(2);
    assertThat(merged).isEqualTo(alone(cards));
  }

  @Test
  void queriesOfOneThreadAreNotMergedAndDoNotWaitForEachOther() {
    LocalDate first = LocalDate.now(ZoneOffset.UTC).minusDays(88);
    List<String> cards = cards(first, "SELECT day, SUM(clicks) FROM statistics %s GROUP BY day",
        "SELECT device, SUM(displays) FROM statistics %s GROUP BY device");
    long created = SandboxConnections.reportsCreated();

    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      try (Connection connection = SandboxConnections.open();
          Statement outer = connection.createStatement();
          Statement inner = connection.createStatement();
          ResultSet open = outer.executeQuery(cards.get(0))) {
        assertThat(open.next()).isTrue();
        assertThat(rows(inner.executeQuery(cards.get(1)))).isNotEmpty();
      }
    });

    assertThat(SandboxConnections.reportsCreated() - created).isEqualTo(2);
  }

  @Test
  void aUnionFarLargerThanItsPartsIsNotMerged() throws Exception {
    LocalDate first = LocalDate.now(ZoneOffset.UTC).minusDays(77);
    List<String> cards = cards(first, "SELECT postal_code, SUM(clicks) FROM statistics %s GROUP BY postal_code",
        "SELECT hour, ad_id, SUM(clicks) FROM statistics %s GROUP BY hour, ad_id");
    long created = SandboxConnections.reportsCreated();

    List<List<String>> merged = concurrently(cards);

    assertThat(SandboxConnections.reportsCreated() - created).isEqualTo(2);
    assertThat(merged).isEqualTo(alone(cards));
  }

  @Test
  void whenTheUnionReportFailsEachCardAsksItsOwn() throws Exception {
    LocalDate first = LocalDate.now(ZoneOffset.UTC).minusDays(66);
    List<String> cards = cards(first, "SELECT day, SUM(clicks) FROM statistics %s GROUP BY day",
        "SELECT campaign_id, SUM(advertiser_cost) FROM statistics %s GROUP BY campaign_id",
        "SELECT device, SUM(displays) FROM statistics %s GROUP BY device");
    long created = SandboxConnections.reportsCreated();
    SandboxConnections.server().faults().failNextReports(1, "union fails");
    List<List<String>> merged;
    try {
      merged = concurrently(cards);
    } finally {
      SandboxConnections.server().faults().reset();
    }

    assertThat(SandboxConnections.reportsCreated() - created).isEqualTo(1 + cards.size());
    assertThat(merged).isEqualTo(alone(cards));
  }

  private static List<String> cards(LocalDate first, String... templates) {
    String where = "WHERE advertiser_id = '" + ADVERTISER + "' AND day BETWEEN DATE '" + first
        + "' AND DATE '" + first.plusDays(9) + "'";
    List<String> cards = new ArrayList<>();
    for (String template : templates) {
      cards.add(String.format(template, where));
    }
    return cards;
  }

  /**
   * Each card on its own connection, all released at once; the window is wider than the default
   * so that a card planned slowly on a loaded machine (the first in a JVM) still arrives in it.
   */
  private static List<List<String>> concurrently(List<String> cards) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(cards.size());
    try {
      CyclicBarrier start = new CyclicBarrier(cards.size());
      List<Future<List<String>>> results = new ArrayList<>();
      for (String card : cards) {
        results.add(threads.submit(() -> {
          try (Connection connection = SandboxConnections.open("coalesceWindowSeconds=2");
              Statement statement = connection.createStatement()) {
            start.await();
            return sorted(rows(statement.executeQuery(card)));
          }
        }));
      }
      List<List<String>> rows = new ArrayList<>();
      for (Future<List<String>> result : results) {
        rows.add(result.get());
      }
      return rows;
    } finally {
      threads.shutdownNow();
    }
  }

  /** Each card from its own report, on a connection that reads and keeps no cached report. */
  private static List<List<String>> alone(List<String> cards) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection connection = SandboxConnections.open("cache=off");
        Statement statement = connection.createStatement()) {
      for (String card : cards) {
        rows.add(sorted(rows(statement.executeQuery(card))));
      }
    }
    return rows;
  }

  private static List<String> rows(ResultSet resultSet) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (resultSet) {
      int columns = resultSet.getMetaData().getColumnCount();
      while (resultSet.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          Object value = resultSet.getObject(i);
          values.add(value instanceof BigDecimal ? ((BigDecimal) value).stripTrailingZeros().toPlainString()
              : String.valueOf(value));
        }
        rows.add(String.join("|", values));
      }
    }
    return rows;
  }

  private static List<String> sorted(List<String> rows) {
    return rows.stream().sorted().collect(Collectors.toList());
  }

  private static List<HourlyFact> facts(LocalDate first) {
    return SandboxConnections.server().data()
        .hourlyFacts(first.atStartOfDay(ZoneOffset.UTC).toInstant(),
            first.plusDays(10).atStartOfDay(ZoneOffset.UTC).toInstant())
        .filter(f -> f.advertiserId().equals(ADVERTISER))
        .collect(Collectors.toList());
  }
}
