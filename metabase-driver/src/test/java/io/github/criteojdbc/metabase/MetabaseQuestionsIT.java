package io.github.criteojdbc.metabase;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.summingLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.criteojdbc.sandbox.ReportAsked;
import io.github.criteojdbc.sandbox.data.HourlyFact;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Questions as {@code metabase.driver.criteo} and Metabase's sql-jdbc layer compile them (relative filters from the
 * namespace's own templates, HoneySQL's quoting and aliasing, the leading {@code -- Metabase::} comment), run on
 * the plugin jar. Each checks the report request the sandbox received (dimensions, dates) and the rows against the
 * sandbox's raw facts. They run on connections without cache, so that each question sends its own request rather
 * than being answered from another test's report.
 */
class MetabaseQuestionsIT {
  private static final String REMARK = "-- Metabase:: userID: 1 queryType: MBQL queryHash: 5f1c0e\n";
  private static final String TABLE = "\"criteo\".\"statistics\"";
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
  private static MetabaseConnections connections;
  private static DriverNamespace namespace;

  @BeforeAll
  static void start() {
    connections = new MetabaseConnections();
    namespace = DriverNamespace.fromPluginJar();
  }

  @AfterAll
  static void stop() {
    connections.close();
  }

  @Test
  void previousMonthFilterIsSentAsTheDaysOfLastMonth() throws SQLException {
    LocalDate firstOfThisMonth = TODAY.withDayOfMonth(1);
    LocalDate firstOfLastMonth = firstOfThisMonth.minusMonths(1);
    String where = column("day") + " >= " + truncated("month", interval("MONTH", -1, now()))
        + " AND " + column("day") + " < " + truncated("month", now());
    Map<LocalDate, Long> clicks = new TreeMap<>();

    List<ReportAsked> sent = connections.reportsSentBy(() -> read(
        "SELECT " + column("day") + " AS \"day\", SUM(" + column("clicks") + ") AS \"sum\" FROM " + TABLE
            + " WHERE " + where + " GROUP BY " + column("day") + " ORDER BY " + column("day") + " ASC",
        rows -> clicks.put(rows.getObject("day", LocalDate.class), rows.getLong("sum"))));

    assertThat(sent).singleElement().satisfies(report -> {
      assertThat(report.dimensions()).containsExactly("Day");
      assertThat(report.startDate()).isEqualTo(firstOfLastMonth);
      assertThat(report.endDate()).isEqualTo(firstOfThisMonth.minusDays(1));
    });
    assertThat(clicks).isEqualTo(sum(facts(firstOfLastMonth, firstOfThisMonth), MetabaseQuestionsIT::day));
  }

  @Test
  void thisYearByMonthIsOneReportFromTheFirstOfJanuary() throws SQLException {
    LocalDate firstOfYear = TODAY.withDayOfYear(1);
    String month = truncated("month", column("day"));
    String where = column("day") + " >= " + truncated("year", now())
        + " AND " + column("day") + " < " + truncated("year", interval("YEAR", 1, now()));
    Map<LocalDate, Long> clicks = new TreeMap<>();

    List<ReportAsked> sent = connections.reportsSentBy(() -> read(
        "SELECT " + month + " AS \"day\", SUM(" + column("clicks") + ") AS \"sum\" FROM " + TABLE
            + " WHERE " + where + " GROUP BY " + month + " ORDER BY " + month + " ASC",
        rows -> clicks.put(rows.getObject("day", LocalDate.class), rows.getLong("sum"))));

    assertThat(sent).singleElement().satisfies(report -> {
      assertThat(report.dimensions()).containsExactly("Day");
      assertThat(report.startDate()).isEqualTo(firstOfYear);
      assertThat(report.endDate()).isBetween(TODAY, firstOfYear.plusYears(1).minusDays(1));
    });
    assertThat(clicks).isEqualTo(sum(facts(firstOfYear, firstOfYear.plusYears(1)), fact -> day(fact).withDayOfMonth(1)));
  }

  @Test
  void topCampaignsByClicksAreTheLargestSumsOverTheLast30Days() throws SQLException {
    Map<String, Long> top = new LinkedHashMap<>();

    List<ReportAsked> sent = connections.reportsSentBy(() -> read(
        "SELECT " + column("campaign") + " AS \"campaign\", SUM(" + column("clicks") + ") AS \"sum\" FROM " + TABLE
            + " WHERE " + last30Days() + " GROUP BY " + column("campaign")
            + " ORDER BY \"sum\" DESC, " + column("campaign") + " ASC LIMIT 3",
        rows -> top.put(rows.getString("campaign"), rows.getLong("sum"))));

    assertThat(sent).singleElement().satisfies(report -> {
      assertThat(report.dimensions()).contains("Campaign").doesNotContain("Day", "Hour");
      assertThat(report.startDate()).isEqualTo(TODAY.minusDays(30));
      assertThat(report.endDate()).isEqualTo(TODAY.minusDays(1));
    });
    Map<String, Long> expected = new LinkedHashMap<>();
    sum(facts(TODAY.minusDays(30), TODAY), fact -> fact.dimension("Campaign")).entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(3)
        .forEach(entry -> expected.put(entry.getKey(), entry.getValue()));
    assertThat(top).containsExactlyEntriesOf(expected);
  }

  /** A filter widget on campaign id: Metabase binds the value as a parameter. */
  @Test
  void campaignFilterReadsThatCampaignsDailyClicks() throws SQLException {
    LocalDate first = TODAY.minusDays(7);
    String campaignId = facts(first, TODAY).map(fact -> fact.dimension("CampaignId")).sorted().findFirst().orElseThrow();
    Map<LocalDate, Long> clicks = new TreeMap<>();

    List<ReportAsked> sent = connections.reportsSentBy(() -> {
      try (Connection connection = connections.connectWithoutCache();
          PreparedStatement statement = connection.prepareStatement(REMARK
              + "SELECT " + column("day") + " AS \"day\", SUM(" + column("clicks") + ") AS \"sum\" FROM " + TABLE
              + " WHERE " + column("campaign_id") + " = ?"
              + " AND " + column("day") + " >= " + truncated("day", interval("DAY", -7, now()))
              + " AND " + column("day") + " < " + truncated("day", now())
              + " GROUP BY " + column("day") + " ORDER BY " + column("day") + " ASC")) {
        statement.setObject(1, campaignId);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            clicks.put(rows.getObject("day", LocalDate.class), rows.getLong("sum"));
          }
        }
      }
    });

    assertThat(sent).singleElement().satisfies(report -> {
      assertThat(report.dimensions()).contains("Day", "CampaignId");
      assertThat(report.startDate()).isEqualTo(first);
      assertThat(report.endDate()).isEqualTo(TODAY.minusDays(1));
    });
    assertThat(clicks).isEqualTo(sum(facts(first, TODAY).filter(fact -> fact.dimension("CampaignId").equals(campaignId)),
        MetabaseQuestionsIT::day));
  }

  /**
   * A custom column ({@code [Clicks] + [Displays]}) and a custom aggregation ({@code Sum([Clicks]) / Sum([Displays])}),
   * compiled as Metabase compiles {@code :/}: the dividend cast to a float, the divisor in {@code NULLIF(..., 0)}.
   */
  @Test
  void customColumnAndRatioAggregationAreComputedFromTheSums() throws SQLException {
    Map<String, double[]> byDevice = new TreeMap<>();

    List<ReportAsked> sent = connections.reportsSentBy(() -> read(
        "SELECT \"source\".\"device\" AS \"device\", SUM(\"source\".\"engagements\") AS \"sum\","
            + " CAST(SUM(\"source\".\"clicks\") AS FLOAT) / NULLIF(SUM(\"source\".\"displays\"), 0) AS \"ctr\""
            + " FROM (SELECT " + column("device") + " AS \"device\", " + column("clicks") + " AS \"clicks\", "
            + column("displays") + " AS \"displays\", (" + column("clicks") + " + " + column("displays") + ")"
            + " AS \"engagements\" FROM " + TABLE + " WHERE " + last30Days() + ") AS \"source\""
            + " GROUP BY \"source\".\"device\" ORDER BY \"source\".\"device\" ASC",
        rows -> byDevice.put(rows.getString("device"), new double[] {rows.getLong("sum"), rows.getDouble("ctr")})));

    assertThat(sent).singleElement().satisfies(report -> {
      assertThat(report.dimensions()).contains("Device");
      assertThat(report.metrics()).contains("Clicks", "Displays");
      assertThat(report.startDate()).isEqualTo(TODAY.minusDays(30));
    });
    Map<String, Long> clicks = sum(facts(TODAY.minusDays(30), TODAY), fact -> fact.dimension("Device"));
    Map<String, Long> displays = sum(facts(TODAY.minusDays(30), TODAY), fact -> fact.dimension("Device"), "Displays");
    assertThat(byDevice).containsOnlyKeys(clicks.keySet());
    byDevice.forEach((device, values) -> {
      assertThat((long) values[0]).as(device).isEqualTo(clicks.get(device) + displays.get(device));
      assertThat(values[1]).as(device).isCloseTo((double) clicks.get(device) / displays.get(device), within(1e-12));
    });
  }

  /** A question built on a saved question: Metabase nests the saved one's SQL as {@code "source"}. */
  @Test
  void questionOnASavedQuestionSumsTheSavedDailyRowsPerCampaign() throws SQLException {
    String saved = "SELECT " + column("campaign") + " AS \"campaign\", " + column("day") + " AS \"day\", SUM("
        + column("clicks") + ") AS \"sum\" FROM " + TABLE + " WHERE " + last30Days()
        + " GROUP BY " + column("campaign") + ", " + column("day")
        + " ORDER BY " + column("campaign") + " ASC, " + column("day") + " ASC";
    Map<String, Long> clicks = new TreeMap<>();

    List<ReportAsked> sent = connections.reportsSentBy(() -> read(
        "SELECT \"source\".\"campaign\" AS \"campaign\", SUM(\"source\".\"sum\") AS \"sum\", COUNT(*) AS \"count\""
            + " FROM (" + saved + ") AS \"source\" GROUP BY \"source\".\"campaign\""
            + " ORDER BY \"source\".\"campaign\" ASC LIMIT 2000",
        rows -> {
          clicks.put(rows.getString("campaign"), rows.getLong("sum"));
          assertThat(rows.getLong("count")).as("days of %s", rows.getString("campaign")).isEqualTo(30);
        }));

    assertThat(sent).singleElement().satisfies(report -> {
      assertThat(report.dimensions()).contains("Campaign", "Day");
      assertThat(report.startDate()).isEqualTo(TODAY.minusDays(30));
      assertThat(report.endDate()).isEqualTo(TODAY.minusDays(1));
    });
    assertThat(clicks).isEqualTo(sum(facts(TODAY.minusDays(30), TODAY), fact -> fact.dimension("Campaign")));
  }

  /** A native question with two Date variables: sql-jdbc binds each as a {@code LocalDate} parameter. */
  @Test
  void nativeQuestionWithDateParametersReadsThoseReportDates() throws SQLException {
    LocalDate start = TODAY.minusDays(20);
    LocalDate end = TODAY.minusDays(10);
    List<Long> total = new ArrayList<>();

    List<ReportAsked> sent = connections.reportsSentBy(() -> {
      try (Connection connection = connections.connectWithoutCache();
          PreparedStatement statement = connection.prepareStatement("-- Metabase:: userID: 1 queryType: native\n"
              + "select sum(clicks) as clicks from criteo.statistics where day >= ? and day < ?")) {
        assertThat(statement.getParameterMetaData().getParameterCount()).isEqualTo(2);
        statement.setObject(1, start);
        statement.setObject(2, end);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            total.add(rows.getLong(1));
          }
        }
      }
    });

    assertThat(sent).singleElement().satisfies(report -> {
      assertThat(report.startDate()).isEqualTo(start);
      assertThat(report.endDate()).isEqualTo(end.minusDays(1));
    });
    assertThat(total).containsExactly(facts(start, end).mapToLong(fact -> fact.count("Clicks")).sum());
  }

  /** The {@code '2014-04-07'} literal form of druid-jdbc's native date parameter, on a {@code DATE} column. */
  @Test
  void nativeQuestionWithADateStringReadsFromThatDay() throws SQLException {
    LocalDate start = TODAY.minusDays(5);
    List<Long> total = new ArrayList<>();

    List<ReportAsked> sent = connections.reportsSentBy(() -> read(
        "select sum(clicks) as clicks from criteo.statistics where day >= '" + start + "' and day < CURRENT_DATE",
        rows -> total.add(rows.getLong(1))));

    assertThat(sent).singleElement().satisfies(report -> {
      assertThat(report.startDate()).isEqualTo(start);
      assertThat(report.endDate()).isEqualTo(TODAY.minusDays(1));
    });
    assertThat(total).containsExactly(facts(start, TODAY).mapToLong(fact -> fact.count("Clicks")).sum());
  }

  private static void read(String sql, RowReader reader) throws SQLException {
    try (Connection connection = connections.connectWithoutCache();
        PreparedStatement statement = connection.prepareStatement(sql.startsWith("--") ? sql : REMARK + sql);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        reader.read(rows);
      }
    }
  }

  private static String column(String name) {
    return TABLE + ".\"" + name + "\"";
  }

  private static String now() {
    return namespace.definedSql("current-datetime-sql");
  }

  private static String truncated(String unit, String expression) {
    return namespace.dateSql().get(unit).replace("%s", expression);
  }

  private static String interval(String unit, int amount, String expression) {
    return String.format(namespace.definedSql("add-interval-sql"), unit, amount).replace("%s", expression);
  }

  private static String last30Days() {
    return column("day") + " >= " + truncated("day", interval("DAY", -30, now()))
        + " AND " + column("day") + " < " + truncated("day", now());
  }

  private static Stream<HourlyFact> facts(LocalDate first, LocalDate end) {
    return connections.facts(first, end);
  }

  private static <K extends Comparable<K>> Map<K, Long> sum(Stream<HourlyFact> facts, Function<HourlyFact, K> key) {
    return sum(facts, key, "Clicks");
  }

  private static <K extends Comparable<K>> Map<K, Long> sum(
      Stream<HourlyFact> facts, Function<HourlyFact, K> key, String measure) {
    return new TreeMap<>(facts.collect(groupingBy(key, summingLong(fact -> fact.count(measure)))));
  }

  private static LocalDate day(HourlyFact fact) {
    return LocalDate.ofInstant(fact.hour(), ZoneOffset.UTC);
  }

  @FunctionalInterface
  private interface RowReader {
    void read(ResultSet rows) throws SQLException;
  }
}
