package io.github.criteojdbc.adapter;

import static io.github.criteojdbc.adapter.TestConnections.SANDBOX;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.sandbox.LoggedRequest;
import io.github.criteojdbc.sandbox.data.AudienceBreakdown;
import io.github.criteojdbc.sandbox.data.AudienceFact;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * {@code audience_performance} results equal the top 30 computed here from the sandbox's raw
 * daily audience facts (summed per brand or interest, ranked by the breakdown's metric, ties by
 * name), never through the adapter.
 */
class AudiencePerformanceResultTest {
  private static final String ADVERTISER = "10001";
  private static final LocalDate FIRST = LocalDate.now(ZoneOffset.UTC).minusDays(12);
  private static final LocalDate LAST = FIRST.plusDays(2);
  private static final String DATES = "start_date = DATE '" + FIRST + "' AND end_date = DATE '"
      + LAST + "'";

  @BeforeEach void clearLog() {
    SANDBOX.faults().reset();
    SANDBOX.requestLog().clear();
  }

  /** Sums of one brand or interest: clicks, displays, visits, sales, revenue and cost in cents, users. */
  private static final class Totals {
    long clicks;
    long displays;
    long visits;
    long sales;
    long revenueCents;
    long costCents;
    long exposedUsers;

    void add(AudienceFact fact) {
      clicks += fact.clicks();
      displays += fact.displays();
      visits += fact.visits();
      sales += fact.sales();
      revenueCents += fact.revenueCents();
      costCents += fact.costCents();
      exposedUsers += fact.exposedUsers();
    }
  }

  private static Map<String, Totals> top30(String advertiser, AudienceBreakdown breakdown,
      ToLongFunction<Totals> rankedBy, Predicate<AudienceFact> filter) {
    Map<String, Totals> sums = new TreeMap<>();
    SANDBOX.data().audienceFacts(FIRST, LAST)
        .filter(f -> f.advertiserId().equals(advertiser) && f.breakdown() == breakdown)
        .filter(filter)
        .forEach(f -> sums.computeIfAbsent(f.value(), v -> new Totals()).add(f));
    List<Map.Entry<String, Totals>> ranked = new ArrayList<>(sums.entrySet());
    ranked.sort(Comparator.<Map.Entry<String, Totals>>comparingLong(e -> -rankedBy.applyAsLong(e.getValue()))
        .thenComparing(Map.Entry::getKey));
    Map<String, Totals> top = new TreeMap<>();
    ranked.stream().limit(30).forEach(e -> top.put(e.getKey(), e.getValue()));
    return top;
  }

  private static Map<String, Long> query(Connection connection, String sql) throws SQLException {
    Map<String, Long> result = new TreeMap<>();
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        assertThat(result.put(rs.getString(1), rs.getLong(2))).as(rs.getString(1)).isNull();
      }
    }
    return result;
  }

  private static long audienceReportsCreated() {
    return SANDBOX.requestLog().count(r -> r.isReportCreation()
        && r.path().endsWith("/reports/async-audience-performance"));
  }

  private static List<String> createdBodies() {
    return SANDBOX.requestLog().all().stream().filter(LoggedRequest::isReportCreation)
        .map(LoggedRequest::body).collect(Collectors.toList());
  }

  @Test void oneBreakdownGivesTheTop30WithEveryMetric() throws SQLException {
    Map<String, Totals> expected = top30(ADVERTISER, AudienceBreakdown.BRAND, t -> t.clicks, f -> true);
    try (TestConnections.Session session = TestConnections.open();
         Statement statement = session.connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT breakdown_value, clicks, displays, visits, "
             + "sales, revenue, cost_per_visit, exposed_users, currency FROM audience_performance "
             + "WHERE advertiser_id = '" + ADVERTISER + "' AND breakdown = 'Top30BrandsByClicks' "
             + "AND " + DATES)) {
      int rows = 0;
      while (rs.next()) {
        Totals totals = expected.get(rs.getString(1));
        assertThat(totals).as(rs.getString(1)).isNotNull();
        assertThat(rs.getLong(2)).isEqualTo(totals.clicks);
        assertThat(rs.getLong(3)).isEqualTo(totals.displays);
        assertThat(rs.getLong(4)).isEqualTo(totals.visits);
        assertThat(rs.getLong(5)).isEqualTo(totals.sales);
        assertThat(rs.getBigDecimal(6)).isEqualByComparingTo(BigDecimal.valueOf(totals.revenueCents, 2));
        assertThat(rs.getBigDecimal(7)).isEqualByComparingTo(BigDecimal.valueOf(totals.costCents, 2)
            .divide(BigDecimal.valueOf(totals.visits), 4, RoundingMode.HALF_UP));
        assertThat(rs.getLong(8)).isEqualTo(totals.exposedUsers);
        assertThat(rs.getString(9)).isEqualTo("EUR");
        rows++;
      }
      assertThat(rows).isEqualTo(30);
    }
    assertThat(audienceReportsCreated()).isEqualTo(1);
  }

  @Test void adSetAudienceAndSegmentFiltersNarrowTheFactsTheReportRanks() throws SQLException {
    String adSet = SANDBOX.data().adSets().stream().filter(a -> a.advertiserId().equals(ADVERTISER))
        .findFirst().orElseThrow().id();
    String audience = SANDBOX.data().audiences(ADVERTISER).get(1).id();
    String segment = SANDBOX.data().audiences(ADVERTISER).get(1).segments().get(0).id();
    Map<String, Long> expected = top30(ADVERTISER, AudienceBreakdown.INTEREST, t -> t.displays,
        f -> f.adSetId().equals(adSet) && f.audienceId().equals(audience) && f.segmentId().equals(segment))
        .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().displays,
            (a, b) -> a, TreeMap::new));
    try (TestConnections.Session session = TestConnections.open()) {
      assertThat(query(session.connection, "SELECT breakdown_value, displays FROM "
          + "audience_performance WHERE advertiser_id = '" + ADVERTISER + "' AND breakdown = "
          + "'Top30InterestsByDisplays' AND ad_set_id = '" + adSet + "' AND audience_id = '"
          + audience + "' AND segment_id = '" + segment + "' AND " + DATES)).isEqualTo(expected);
    }
    assertThat(createdBodies()).singleElement().asString()
        .contains("\"adSetIds\":[\"" + adSet + "\"]")
        .contains("\"audienceIds\":[\"" + audience + "\"]")
        .contains("\"segmentsIds\":[\"" + segment + "\"]");
  }

  @Test void advertisersAndBreakdownsFanOutIntoOneReportPerPairWithRowsMerged() throws SQLException {
    Map<String, Long> expected = new TreeMap<>();
    for (String advertiser : List.of("10001", "10002")) {
      top30(advertiser, AudienceBreakdown.BRAND, t -> t.clicks, f -> true)
          .forEach((value, t) -> expected.put(advertiser + "|Top30BrandsByClicks|" + value, t.clicks));
      top30(advertiser, AudienceBreakdown.INTEREST, t -> t.sales, f -> true)
          .forEach((value, t) -> expected.put(advertiser + "|Top30InterestsBySales|" + value, t.clicks));
    }
    try (TestConnections.Session session = TestConnections.open()) {
      assertThat(query(session.connection, "SELECT advertiser_id || '|' || breakdown || '|' || "
          + "breakdown_value, clicks FROM audience_performance WHERE advertiser_id IN ('10001', "
          + "'10002') AND breakdown IN ('Top30BrandsByClicks', 'Top30InterestsBySales') AND "
          + DATES)).isEqualTo(expected);
    }
    assertThat(audienceReportsCreated()).isEqualTo(4);
  }

  @Test void breakdownInTwoValuesCreatesExactlyTwoReports() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      query(session.connection, "SELECT breakdown_value, clicks FROM audience_performance WHERE "
          + "advertiser_id = '" + ADVERTISER + "' AND breakdown IN ('Top30BrandsBySales', "
          + "'Top30InterestsByClicks') AND " + DATES);
    }
    assertThat(audienceReportsCreated()).isEqualTo(2);
    assertThat(createdBodies()).hasSize(2)
        .anySatisfy(body -> assertThat(body).contains("\"dimension\":\"Top30BrandsBySales\""))
        .anySatisfy(body -> assertThat(body).contains("\"dimension\":\"Top30InterestsByClicks\""));
  }

  @Test void noBreakdownFilterCreatesOneReportPerBreakdown() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      Map<String, Long> perBreakdown = query(session.connection, "SELECT breakdown, COUNT(*) FROM "
          + "audience_performance WHERE advertiser_id = '" + ADVERTISER + "' AND " + DATES
          + " GROUP BY breakdown");
      assertThat(perBreakdown).containsOnlyKeys("Top30BrandsByDisplays", "Top30BrandsByClicks",
          "Top30BrandsBySales", "Top30InterestsByDisplays", "Top30InterestsByClicks",
          "Top30InterestsBySales").allSatisfy((breakdown, rows) -> assertThat(rows).isEqualTo(30L));
    }
    assertThat(audienceReportsCreated()).isEqualTo(6);
  }

  @Test void startAndEndDateColumnsCarryTheReportRangeInEveryRow() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      assertThat(query(session.connection, "SELECT CAST(start_date AS VARCHAR) || '..' || "
          + "CAST(end_date AS VARCHAR), COUNT(*) FROM audience_performance WHERE advertiser_id = '"
          + ADVERTISER + "' AND breakdown = 'Top30BrandsByDisplays' AND start_date >= DATE '"
          + FIRST + "' AND end_date <= DATE '" + LAST + "' GROUP BY start_date, end_date"))
          .containsExactly(Map.entry(FIRST + ".." + LAST, 30L));
    }
    assertThat(createdBodies()).singleElement().asString()
        .contains("\"startDate\":\"" + FIRST + "\"").contains("\"endDate\":\"" + LAST + "\"");
  }

  @Test void singleFilterValueIsReadBackAndSeveralReadAsNull() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      assertThat(query(session.connection, "SELECT COALESCE(ad_set_id, 'several') || '/' || "
          + "COALESCE(segment_id, 'all'), COUNT(*) FROM audience_performance WHERE advertiser_id = '"
          + ADVERTISER + "' AND breakdown = 'Top30BrandsByDisplays' AND ad_set_id IN "
          + "('10001011', '10001012') AND " + DATES + " GROUP BY ad_set_id, segment_id"))
          .containsOnlyKeys("several/all");
      assertThat(query(session.connection, "SELECT ad_set_id, COUNT(*) FROM audience_performance "
          + "WHERE advertiser_id = '" + ADVERTISER + "' AND breakdown = 'Top30BrandsByDisplays' "
          + "AND ad_set_id = '10001011' AND " + DATES + " GROUP BY ad_set_id"))
          .containsOnlyKeys("10001011");
    }
  }

  @Test void missingDateFilterUsesTheDefaultWindowAndWarns() throws SQLException {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    try (TestConnections.Session session = TestConnections.open(s -> s.defaultLookbackDays(3))) {
      query(session.connection, "SELECT breakdown_value, clicks FROM audience_performance WHERE "
          + "advertiser_id = '" + ADVERTISER + "' AND breakdown = 'Top30BrandsByClicks'");
      assertThat(session.warnings).anyMatch(w -> w.contains("audience_performance: no "
          + "start_date/end_date filter, so the report covers the last 3 days"));
    }
    assertThat(createdBodies()).singleElement().asString()
        .contains("\"startDate\":\"" + today.minusDays(2) + "\"")
        .contains("\"endDate\":\"" + today + "\"");
  }

  @Test void onlyAnEndDateCoversTheDefaultNumberOfDaysUpToItAndWarns() throws SQLException {
    try (TestConnections.Session session = TestConnections.open(s -> s.defaultLookbackDays(3))) {
      query(session.connection, "SELECT breakdown_value, clicks FROM audience_performance WHERE "
          + "advertiser_id = '" + ADVERTISER + "' AND breakdown = 'Top30BrandsByClicks' AND "
          + "end_date = DATE '" + LAST + "'");
      assertThat(session.warnings).anyMatch(w -> w.contains("no start_date filter, so the report "
          + "covers the 3 days up to end_date (" + LAST.minusDays(2) + " to " + LAST + ")"));
    }
    assertThat(createdBodies()).singleElement().asString()
        .contains("\"startDate\":\"" + LAST.minusDays(2) + "\"")
        .contains("\"endDate\":\"" + LAST + "\"");
  }

  @Test void onlyAStartDateEndsTheReportToday() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      query(session.connection, "SELECT breakdown_value, clicks FROM audience_performance WHERE "
          + "advertiser_id = '" + ADVERTISER + "' AND breakdown = 'Top30BrandsByClicks' AND "
          + "start_date > DATE '" + FIRST + "'");
      assertThat(session.warnings).isEmpty();
    }
    assertThat(createdBodies()).singleElement().asString()
        .contains("\"startDate\":\"" + FIRST.plusDays(1) + "\"")
        .contains("\"endDate\":\"" + LocalDate.now(ZoneOffset.UTC) + "\"");
  }

  @Test void preparedStatementParametersChooseTheDates() throws SQLException {
    Map<String, Totals> expected = top30(ADVERTISER, AudienceBreakdown.BRAND, t -> t.sales, f -> true);
    try (TestConnections.Session session = TestConnections.open();
         PreparedStatement statement = session.connection.prepareStatement("SELECT "
             + "breakdown_value, sales FROM audience_performance WHERE advertiser_id = ? AND "
             + "breakdown = ? AND start_date = ? AND end_date = ?")) {
      statement.setString(1, ADVERTISER);
      statement.setString(2, "Top30BrandsBySales");
      statement.setDate(3, java.sql.Date.valueOf(FIRST));
      statement.setDate(4, java.sql.Date.valueOf(LAST));
      Map<String, Long> actual = new TreeMap<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          assertThat(actual.put(rs.getString(1), rs.getLong(2))).as(rs.getString(1)).isNull();
        }
      }
      assertThat(actual).isEqualTo(expected.entrySet().stream().collect(Collectors.toMap(
          Map.Entry::getKey, e -> e.getValue().sales, (a, b) -> a, TreeMap::new)));
    }
  }

  @Test void repeatedQueryIsAnsweredFromTheCache() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      String sql = "SELECT breakdown_value, clicks FROM audience_performance WHERE advertiser_id = '"
          + ADVERTISER + "' AND breakdown = 'Top30BrandsByClicks' AND " + DATES;
      Map<String, Long> expected = new TreeMap<>();
      top30(ADVERTISER, AudienceBreakdown.BRAND, t -> t.clicks, f -> true)
          .forEach((value, totals) -> expected.put(value, totals.clicks));
      assertThat(query(session.connection, sql)).isNotEmpty().isEqualTo(expected);
      assertThat(query(session.connection, sql)).isEqualTo(expected);
    }
    assertThat(audienceReportsCreated()).isEqualTo(1);
  }

  @Test void revenueIsConvertedToTheFilteredCurrency() throws SQLException {
    Map<String, Totals> expected = top30(ADVERTISER, AudienceBreakdown.BRAND, t -> t.displays, f -> true);
    BigDecimal usdPerEuro = SANDBOX.data().currencyFactor("USD");
    try (TestConnections.Session session = TestConnections.open();
         Statement statement = session.connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT breakdown_value, revenue, currency FROM "
             + "audience_performance WHERE advertiser_id = '" + ADVERTISER + "' AND breakdown = "
             + "'Top30BrandsByDisplays' AND currency = 'USD' AND " + DATES)) {
      int rows = 0;
      while (rs.next()) {
        assertThat(rs.getBigDecimal(2)).as(rs.getString(1)).isEqualByComparingTo(
            BigDecimal.valueOf(expected.get(rs.getString(1)).revenueCents, 2).multiply(usdPerEuro));
        assertThat(rs.getString(3)).isEqualTo("USD");
        rows++;
      }
      assertThat(rows).isEqualTo(expected.size());
    }
  }
}
