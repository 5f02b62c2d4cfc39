package io.github.criteojdbc.adapter;

import static io.github.criteojdbc.adapter.TestConnections.SANDBOX;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.criteojdbc.sandbox.data.HourlyFact;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Query results equal what computing the query over the sandbox's raw hourly facts gives; the
 * expectations are computed here from the facts, never through the adapter.
 */
class StatisticsResultTest {
  private static final String ADVERTISER = "10001";
  private static final LocalDate FIRST = LocalDate.now(ZoneOffset.UTC).minusDays(12);
  private static final LocalDate LAST = FIRST.plusDays(2);

  @BeforeEach void clearLog() {
    SANDBOX.faults().reset();
    SANDBOX.requestLog().clear();
  }

  private static List<HourlyFact> facts(ZoneId zone, LocalDate first, LocalDate last) {
    return SANDBOX.data()
        .hourlyFacts(first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant())
        .filter(f -> f.advertiserId().equals(ADVERTISER))
        .collect(Collectors.toList());
  }

  private static <K> Map<K, Long> clicksBy(List<HourlyFact> facts, Function<HourlyFact, K> key) {
    return facts.stream().collect(Collectors.groupingBy(key, TreeMap::new,
        Collectors.summingLong(f -> f.count("Clicks"))));
  }

  /** Every row as (first column, second column), duplicates kept, so a test can compare multisets. */
  private static List<Map.Entry<String, Long>> rows(Connection connection, String sql) throws SQLException {
    List<Map.Entry<String, Long>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(Map.entry(rs.getString(1), rs.getLong(2)));
      }
    }
    return rows;
  }

  /** The rows by their first column, which each query here makes a key: a repeated key fails the test. */
  private static Map<String, Long> query(Connection connection, String sql) throws SQLException {
    Map<String, Long> result = new TreeMap<>();
    for (Map.Entry<String, Long> row : rows(connection, sql)) {
      assertThat(result.put(row.getKey(), row.getValue())).as("a second row for %s", row.getKey()).isNull();
    }
    return result;
  }

  private static Map<String, Long> clicksByHourAndAdSet() {
    return clicksBy(facts(ZoneOffset.UTC, FIRST, LAST),
        f -> sqlHour(f) + f.dimension("AdSetId"));
  }

  private static String sqlHour(HourlyFact fact) {
    return fact.hour().atZone(ZoneOffset.UTC).toLocalDateTime().toString().replace('T', ' ') + ":00";
  }

  private static String days() {
    return "day BETWEEN DATE '" + FIRST + "' AND DATE '" + LAST + "'";
  }

  @Test void campaignTotalsOverWholeDaysEqualTheSumOfHourlyFacts() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      Map<String, Long> actual = query(session.connection, "SELECT campaign_id, SUM(clicks) "
          + "FROM statistics WHERE advertiser_id = '" + ADVERTISER + "' AND " + days()
          + " GROUP BY campaign_id");
      assertThat(actual).isEqualTo(clicksBy(facts(ZoneOffset.UTC, FIRST, LAST),
          f -> f.dimension("CampaignId")));
    }
  }

  @Test void dailyBucketsFollowTheReportTimeZone() throws SQLException {
    ZoneId paris = ZoneId.of("Europe/Paris");
    try (TestConnections.Session session = TestConnections.open(s -> s.timezone(paris))) {
      Map<String, Long> actual = query(session.connection, "SELECT CAST(day AS VARCHAR), "
          + "SUM(clicks) FROM statistics WHERE advertiser_id = '" + ADVERTISER + "' AND " + days()
          + " GROUP BY day");
      Map<String, Long> expected = clicksBy(facts(paris, FIRST, LAST),
          f -> f.hour().atZone(paris).toLocalDate().toString());
      assertThat(actual).isEqualTo(expected);
      assertThat(expected).isNotEqualTo(clicksBy(facts(ZoneOffset.UTC, FIRST, LAST),
          f -> f.hour().atZone(ZoneOffset.UTC).toLocalDate().toString()));
    }
  }

  @Test void partialDayHourFilterKeepsItsExactBound() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      Map<String, Long> actual = query(session.connection, "SELECT campaign_id, SUM(clicks) "
          + "FROM statistics WHERE advertiser_id = '" + ADVERTISER + "' AND hour >= TIMESTAMP '"
          + FIRST + " 10:00:00' AND hour < TIMESTAMP '" + FIRST + " 14:00:00' GROUP BY campaign_id");
      List<HourlyFact> window = facts(ZoneOffset.UTC, FIRST, FIRST).stream()
          .filter(f -> {
            int hour = f.hour().atZone(ZoneOffset.UTC).getHour();
            return hour >= 10 && hour < 14;
          })
          .collect(Collectors.toList());
      assertThat(actual).isEqualTo(clicksBy(window, f -> f.dimension("CampaignId")));
    }
  }

  @Test void coarserBucketsAreDerivedFromTheFinerOne() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      Map<String, Long> actual = query(session.connection, "SELECT CAST(month AS VARCHAR) || '/' "
          + "|| CAST(day AS VARCHAR), SUM(clicks) FROM statistics WHERE advertiser_id = '"
          + ADVERTISER + "' AND " + days() + " GROUP BY month, day");
      Map<String, Long> expected = clicksBy(facts(ZoneOffset.UTC, FIRST, LAST), f -> {
        LocalDate day = f.hour().atZone(ZoneOffset.UTC).toLocalDate();
        return day.withDayOfMonth(1) + "/" + day;
      });
      assertThat(actual).isEqualTo(expected);
    }
  }

  @Test void weeksAndMonthsTogetherSplitAWeekThatStraddlesTwoMonths() throws SQLException {
    LocalDate firstOfMonth = LocalDate.now(ZoneOffset.UTC).minusDays(40).withDayOfMonth(1).plusMonths(1);
    if (firstOfMonth.getDayOfWeek() == java.time.DayOfWeek.MONDAY) {
      firstOfMonth = firstOfMonth.minusMonths(1);
    }
    LocalDate first = firstOfMonth.minusDays(3);
    LocalDate last = firstOfMonth.plusDays(3);
    try (TestConnections.Session session = TestConnections.open()) {
      Map<String, Long> actual = query(session.connection, "SELECT CAST(week AS VARCHAR) || '/' "
          + "|| CAST(month AS VARCHAR), SUM(clicks) FROM statistics WHERE advertiser_id = '"
          + ADVERTISER + "' AND day BETWEEN DATE '" + first + "' AND DATE '" + last + "'"
          + " GROUP BY week, month");
      Map<String, Long> expected = clicksBy(facts(ZoneOffset.UTC, first, last), f -> {
        LocalDate day = f.hour().atZone(ZoneOffset.UTC).toLocalDate();
        return day.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
            + "/" + day.withDayOfMonth(1);
      });
      assertThat(actual).isEqualTo(expected);
    }
  }

  @Test void moneyIsExactAndConvertedToTheFilteredCurrency() throws SQLException {
    try (TestConnections.Session session = TestConnections.open();
         Statement statement = session.connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT currency, SUM(advertiser_cost) FROM "
             + "statistics WHERE advertiser_id = '" + ADVERTISER + "' AND currency = 'USD' AND "
             + days() + " GROUP BY currency")) {
      BigDecimal euros = facts(ZoneOffset.UTC, FIRST, LAST).stream()
          .map(f -> f.money("AdvertiserCost")).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("USD");
      assertThat(rs.getBigDecimal(2)).isEqualByComparingTo(
          euros.multiply(SANDBOX.data().currencyFactor("USD")));
      assertThat(rs.next()).isFalse();
    }
  }

  @Test void ratioIsTheApisValueAtTheQueriedGrain() throws SQLException {
    try (TestConnections.Session session = TestConnections.open();
         Statement statement = session.connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT click_through_rate FROM statistics "
             + "WHERE advertiser_id = '" + ADVERTISER + "' AND " + days())) {
      List<HourlyFact> facts = facts(ZoneOffset.UTC, FIRST, LAST);
      double clicks = facts.stream().mapToLong(f -> f.count("Clicks")).sum();
      double displays = facts.stream().mapToLong(f -> f.count("Displays")).sum();
      assertThat(rs.next()).isTrue();
      assertThat(rs.getDouble(1)).isCloseTo(clicks / displays, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(rs.next()).isFalse();
    }
  }

  @Test void plainQueryCreatesOneReportAndItsRepeatNone() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      String sql = "SELECT campaign_id, SUM(clicks) FROM statistics WHERE advertiser_id = '"
          + ADVERTISER + "' AND " + days() + " GROUP BY campaign_id";
      Map<String, Long> expected = clicksBy(facts(ZoneOffset.UTC, FIRST, LAST), f -> f.dimension("CampaignId"));
      assertThat(query(session.connection, sql)).isNotEmpty().isEqualTo(expected);
      assertThat(SANDBOX.requestLog().reportCreations()).isEqualTo(1);
      assertThat(query(session.connection, sql)).isEqualTo(expected);
      assertThat(SANDBOX.requestLog().reportCreations()).isEqualTo(1);
    }
  }

  @Test void impossibleFilterCreatesNoReport() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      assertThat(query(session.connection, "SELECT campaign_id, clicks FROM statistics "
          + "WHERE 1 = 0")).isEmpty();
      assertThat(SANDBOX.requestLog().reportCalls()).isZero();
    }
  }

  @Test void selfJoinFetchesTheReportOnce() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      String scan = "(SELECT campaign_id, SUM(clicks) AS c FROM statistics WHERE advertiser_id = '"
          + ADVERTISER + "' AND " + days() + " GROUP BY campaign_id)";
      Map<String, Long> joined = query(session.connection, "SELECT a.campaign_id, a.c + b.c FROM "
          + scan + " a JOIN " + scan + " b ON a.campaign_id = b.campaign_id");
      assertThat(joined).isNotEmpty();
      assertThat(SANDBOX.requestLog().reportCreations()).isEqualTo(1);
    }
  }

  @Test void limitWithoutOrderReturnsThatManyRows() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      assertThat(rows(session.connection, "SELECT CAST(hour AS VARCHAR) || ad_set_id, clicks "
          + "FROM statistics WHERE advertiser_id = '" + ADVERTISER + "' AND " + days()
          + " LIMIT 5")).hasSize(5).doesNotHaveDuplicates().isSubsetOf(clicksByHourAndAdSet().entrySet());
    }
  }

  @Test void limitRepeatIsAnsweredFromTheRowsAlreadyRead() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      String sql = "SELECT CAST(hour AS VARCHAR) || ad_set_id, clicks FROM statistics"
          + " WHERE advertiser_id = '" + ADVERTISER + "' AND " + days() + " LIMIT 5";
      List<Map.Entry<String, Long>> first = rows(session.connection, sql);
      long calls = SANDBOX.requestLog().reportCalls();

      List<Map.Entry<String, Long>> repeat = rows(session.connection, sql);

      assertThat(first).hasSize(5).doesNotHaveDuplicates().isSubsetOf(clicksByHourAndAdSet().entrySet());
      assertThat(repeat).isEqualTo(first);
      assertThat(SANDBOX.requestLog().reportCalls()).isEqualTo(calls);
    }
  }

  @Test void readingPastTheRowsALimitCachedDownloadsTheRestWithoutLossOrDuplication()
      throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      String select = "SELECT CAST(hour AS VARCHAR) || ad_set_id, clicks FROM statistics"
          + " WHERE advertiser_id = '" + ADVERTISER + "' AND " + days();
      Map<String, Long> expected = clicksByHourAndAdSet();
      assertThat(rows(session.connection, select + " LIMIT 5")).hasSize(5).isSubsetOf(expected.entrySet());
      long creations = SANDBOX.requestLog().reportCreations();

      List<Map.Entry<String, Long>> all = rows(session.connection, select);

      assertThat(all).containsExactlyInAnyOrderElementsOf(expected.entrySet());
      assertThat(SANDBOX.requestLog().reportCreations()).isEqualTo(creations + 1);
    }
  }

  @Test void missingAdvertiserFailsBeforeAnyCall() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      assertThatThrownBy(() -> query(session.connection, "SELECT clicks FROM statistics WHERE "
          + days()))
          .hasMessageContaining("add WHERE advertiser_id = ")
          .hasMessageContaining("advertiserIds connection property");
      assertThat(SANDBOX.requestLog().reportCalls()).isZero();
    }
  }

  @Test void rangeOlderThanTheApiServesFailsBeforeAnyCall() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      assertThatThrownBy(() -> query(session.connection, "SELECT clicks FROM statistics WHERE "
          + "advertiser_id = '" + ADVERTISER + "' AND day >= DATE '2020-01-01'"))
          .hasMessageContaining("serves the last 2 years only");
      assertThat(SANDBOX.requestLog().reportCalls()).isZero();
    }
  }

  @Test void missingDateFilterUsesTheDefaultWindowAndWarns() throws SQLException {
    try (TestConnections.Session session = TestConnections.open(s -> s.defaultLookbackDays(3))) {
      query(session.connection, "SELECT advertiser_id, clicks FROM statistics "
          + "WHERE advertiser_id = '" + ADVERTISER + "'");
      assertThat(session.warnings).anyMatch(w -> w.contains("the last 3 days"));
      assertThat(SANDBOX.requestLog().all().stream().filter(r -> r.isReportCreation())
          .map(r -> r.body())).singleElement().asString()
          .contains("\"startDate\":\"" + LocalDate.now(ZoneOffset.UTC).minusDays(2) + "\"");
    }
  }

  @Test void preparedStatementParametersAreBoundIntoTheRequest() throws SQLException {
    try (TestConnections.Session session = TestConnections.open();
         java.sql.PreparedStatement statement = session.connection.prepareStatement(
             "SELECT advertiser_id, SUM(clicks) FROM statistics WHERE advertiser_id = ? "
                 + "AND day >= ? AND day <= ? GROUP BY advertiser_id")) {
      statement.setString(1, ADVERTISER);
      statement.setDate(2, java.sql.Date.valueOf(FIRST));
      statement.setDate(3, java.sql.Date.valueOf(LAST));
      try (ResultSet rs = statement.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(2)).isEqualTo(facts(ZoneOffset.UTC, FIRST, LAST).stream()
            .mapToLong(f -> f.count("Clicks")).sum());
      }
      assertThat(SANDBOX.requestLog().all().stream().filter(r -> r.isReportCreation())
          .map(r -> r.body())).singleElement().asString()
          .contains("\"startDate\":\"" + FIRST + "\"").contains("\"endDate\":\"" + LAST + "\"");
    }
  }

  @Test void longHourlyRangeIsSplitIntoChunksWithoutLossOrDuplication() throws SQLException {
    LocalDate first = LocalDate.now(ZoneOffset.UTC).minusDays(70);
    LocalDate last = first.plusDays(64);
    try (TestConnections.Session session = TestConnections.open()) {
      List<Map.Entry<String, Long>> actual = rows(session.connection, "SELECT CAST(hour AS VARCHAR), "
          + "SUM(clicks) FROM statistics WHERE advertiser_id = '" + ADVERTISER + "' AND day "
          + "BETWEEN DATE '" + first + "' AND DATE '" + last + "' GROUP BY hour");
      Map<String, Long> expected = clicksBy(facts(ZoneOffset.UTC, first, last), StatisticsResultTest::sqlHour);
      assertThat(actual).containsExactlyInAnyOrderElementsOf(expected.entrySet());
      assertThat(SANDBOX.requestLog().reportCreations()).isEqualTo(3);
    }
  }

  @Test void queryWithoutDimensionsIsSummedBackFromPerAdvertiserRows() throws SQLException {
    try (TestConnections.Session session = TestConnections.open(
        s -> s.advertiserIds(List.of("10001", "10002")))) {
      Map<String, Long> actual = query(session.connection, "SELECT 'total', clicks FROM statistics "
          + "WHERE " + days());
      long expected = SANDBOX.data()
          .hourlyFacts(FIRST.atStartOfDay(ZoneOffset.UTC).toInstant(),
              LAST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
          .filter(f -> List.of("10001", "10002").contains(f.advertiserId()))
          .mapToLong(f -> f.count("Clicks")).sum();
      assertThat(actual).containsExactly(Map.entry("total", expected));
    }
  }

  @Test void ratioAcrossSeveralAdvertisersWithoutADimensionIsRefused() throws SQLException {
    try (TestConnections.Session session = TestConnections.open(
        s -> s.advertiserIds(List.of("10001", "10002")))) {
      assertThatThrownBy(() -> query(session.connection, "SELECT 'ctr', click_through_rate "
          + "FROM statistics WHERE " + days()))
          .hasMessageContaining("[click_through_rate] cannot be combined across 2 advertisers");
      assertThat(SANDBOX.requestLog().reportCalls()).isZero();
    }
  }

  @Test void countStarCountsTheRowsOfTheGrainWithoutDimensions() throws SQLException {
    try (TestConnections.Session session = TestConnections.open(
        s -> s.advertiserIds(List.of("10001", "10002")))) {
      assertThat(query(session.connection, "SELECT 'rows', COUNT(*) FROM statistics WHERE "
          + days())).containsExactly(Map.entry("rows", 1L));
    }
  }
}
