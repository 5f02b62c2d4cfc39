package io.github.criteojdbc.metabase;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.summingLong;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.sandbox.LoggedRequest;
import io.github.criteojdbc.sandbox.data.HourlyFact;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A dashboard of six cards over "last 30 days", loaded as Metabase loads one: every card at once, each on its own
 * pooled connection, on the connection form's default budget of 40 report calls a minute.
 */
class MetabaseDashboardIT {
  private static final String TABLE = "\"criteo\".\"statistics\"";
  private static final int DAYS = 30;
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
  private static MetabaseConnections connections;
  private static DriverNamespace namespace;

  @BeforeAll
  static void start() {
    connections = MetabaseConnections.withDefaultBudget();
    namespace = DriverNamespace.fromPluginJar();
  }

  @AfterAll
  static void stop() {
    connections.close();
  }

  /**
   * One scenario, because a second dashboard in the same minute would wait on the budget this one spent: the first
   * load answers every card right within the minute's 40 calls, the reload costs nothing.
   */
  @Test
  void cardsLoadedTogetherSpendLessThanTheMinutesBudgetAndTheirReloadNothing() throws Exception {
    long callsBefore = reportCalls();
    long reportsBefore = connections.reportsCreated();

    Map<String, Map<List<Object>, Long>> cards = load(dashboard());
    long callsOfTheLoad = reportCalls() - callsBefore;
    Map<String, Map<List<Object>, Long>> reloaded = load(dashboard());

    assertThat(connections.reportsCreated() - reportsBefore).as("reports of the dashboard").isBetween(1L, 6L);
    assertThat(callsOfTheLoad).as("report calls of the dashboard").isLessThanOrEqualTo(40);
    assertThat(reportCalls() - callsBefore).as("report calls of the load and the reload").isEqualTo(callsOfTheLoad);
    assertThat(cards).isEqualTo(expectedCards());
    assertThat(reloaded).isEqualTo(cards);
  }

  /** Card name to its SQL; every card's rows are its grouping values followed by one summed count. */
  private static Map<String, String> dashboard() {
    Map<String, String> cards = new LinkedHashMap<>();
    cards.put("clicks by day", grouped("day", "clicks"));
    cards.put("clicks by campaign", grouped("campaign", "clicks"));
    cards.put("displays by device", grouped("device", "displays"));
    cards.put("daily clicks per campaign", grouped("campaign\", " + TABLE + ".\"day", "clicks"));
    cards.put("sales by ad set", grouped("ad_set", "sales_pc30d"));
    cards.put("total clicks", "SELECT SUM(" + column("clicks") + ") AS \"sum\" FROM " + TABLE + " WHERE " + lastDays());
    return cards;
  }

  private static Map<String, Map<List<Object>, Long>> expectedCards() {
    Map<String, Map<List<Object>, Long>> cards = new LinkedHashMap<>();
    cards.put("clicks by day", sum(fact -> List.of(day(fact)), "Clicks"));
    cards.put("clicks by campaign", sum(fact -> List.of(fact.dimension("Campaign")), "Clicks"));
    cards.put("displays by device", sum(fact -> List.of(fact.dimension("Device")), "Displays"));
    cards.put("daily clicks per campaign", sum(fact -> List.of(fact.dimension("Campaign"), day(fact)), "Clicks"));
    cards.put("sales by ad set", sum(fact -> List.of(fact.dimension("AdSet")), "SalesPc30d"));
    cards.put("total clicks", sum(fact -> List.of(), "Clicks"));
    return cards;
  }

  private static String grouped(String dimensions, String metric) {
    String columns = TABLE + ".\"" + dimensions + "\"";
    return "-- Metabase:: userID: 1 queryType: MBQL queryHash: dashboard\nSELECT " + columns + ", SUM(" + column(metric)
        + ") AS \"sum\" FROM " + TABLE + " WHERE " + lastDays() + " GROUP BY " + columns + " ORDER BY " + columns;
  }

  private static Map<String, Map<List<Object>, Long>> load(Map<String, String> cards) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(cards.size());
    try {
      Map<String, Future<Map<List<Object>, Long>>> running = new LinkedHashMap<>();
      cards.forEach((name, sql) -> running.put(name, pool.submit(card(sql))));
      Map<String, Map<List<Object>, Long>> answers = new LinkedHashMap<>();
      for (Map.Entry<String, Future<Map<List<Object>, Long>>> card : running.entrySet()) {
        answers.put(card.getKey(), card.getValue().get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Callable<Map<List<Object>, Long>> card(String sql) {
    return () -> {
      Map<List<Object>, Long> rows = new LinkedHashMap<>();
      try (Connection connection = connections.connect();
          PreparedStatement statement = connection.prepareStatement(sql);
          ResultSet result = statement.executeQuery()) {
        int width = result.getMetaData().getColumnCount();
        while (result.next()) {
          List<Object> key = new ArrayList<>();
          for (int i = 1; i < width; i++) {
            key.add(result.getMetaData().getColumnName(i).equals("day")
                ? result.getObject(i, LocalDate.class) : result.getString(i));
          }
          rows.merge(key, result.getLong(width), Long::sum);
        }
      }
      return rows;
    };
  }

  private static Map<List<Object>, Long> sum(Function<HourlyFact, List<Object>> key, String measure) {
    return new LinkedHashMap<>(facts().collect(groupingBy(key, summingLong(fact -> fact.count(measure)))));
  }

  private static Stream<HourlyFact> facts() {
    return connections.facts(TODAY.minusDays(DAYS), TODAY);
  }

  private static String column(String name) {
    return TABLE + ".\"" + name + "\"";
  }

  private static String lastDays() {
    String now = namespace.definedSql("current-datetime-sql");
    String day = namespace.dateSql().get("day");
    String daysAgo = String.format(namespace.definedSql("add-interval-sql"), "DAY", -DAYS).replace("%s", now);
    return column("day") + " >= " + day.replace("%s", daysAgo) + " AND " + column("day") + " < "
        + day.replace("%s", now);
  }

  private static LocalDate day(HourlyFact fact) {
    return LocalDate.ofInstant(fact.hour(), ZoneOffset.UTC);
  }

  private static long reportCalls() {
    return connections.sandbox().requestLog().count(LoggedRequest::isReportCall);
  }
}
