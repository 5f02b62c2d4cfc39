package io.github.criteojdbc.adapter;

import static io.github.criteojdbc.adapter.TestConnections.SANDBOX;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.sandbox.data.HourlyFact;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The click-through rate, whose catalog formula is Criteo's clicks / displays, is computed at the
 * query's grain from a cached report that holds clicks and displays, with no call, and equals to
 * the last bit both the same query on an empty cache and the sandbox's raw facts divided here; a
 * ratio without a formula still creates its own report whatever the cached report holds.
 */
class RatioFromCachedPartsTest {
  private static final String ADVERTISER = "10001";
  private static final LocalDate FIRST = LocalDate.now(ZoneOffset.UTC).minusDays(45);
  private static final LocalDate LAST = FIRST.plusDays(13);
  private static final String PARTS_BY_DAY_AND_CAMPAIGN = "SELECT campaign_id, CAST(day AS VARCHAR), "
      + "clicks, displays FROM statistics WHERE advertiser_id = '" + ADVERTISER + "' AND " + days(FIRST, LAST);

  @BeforeEach void clearLog() {
    SANDBOX.faults().reset();
    SANDBOX.requestLog().clear();
  }

  @Test void clickThroughRateByCampaignIsComputedFromTheCachedDailyClicksAndDisplays() throws SQLException {
    assertAnsweredFromCache(PARTS_BY_DAY_AND_CAMPAIGN,
        "SELECT campaign_id, click_through_rate FROM statistics WHERE advertiser_id = '" + ADVERTISER
            + "' AND " + days(FIRST, LAST),
        clickThroughRates(facts(FIRST, LAST), f -> f.dimension("CampaignId")));
  }

  @Test void clickThroughRateOfEachCachedRowIsComputedFromItsClicksAndDisplays() throws SQLException {
    LocalDate day = FIRST.plusDays(3);
    assertAnsweredFromCache(PARTS_BY_DAY_AND_CAMPAIGN,
        "SELECT campaign_id, CAST(day AS VARCHAR), click_through_rate FROM statistics WHERE advertiser_id = '"
            + ADVERTISER + "' AND day = DATE '" + day + "'",
        clickThroughRates(facts(day, day), f -> f.dimension("CampaignId") + "|" + day));
  }

  @Test void clickThroughRateByWeekIsComputedFromTheCachedDays() throws SQLException {
    assertAnsweredFromCache(PARTS_BY_DAY_AND_CAMPAIGN,
        "SELECT CAST(week AS VARCHAR), click_through_rate FROM statistics WHERE advertiser_id = '"
            + ADVERTISER + "' AND " + days(FIRST, LAST),
        clickThroughRates(facts(FIRST, LAST), f -> f.hour().atZone(ZoneOffset.UTC).toLocalDate()
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString()));
  }

  @Test void clickThroughRateOfTheWholeRangeBesideClicksIsComputedFromTheCachedDays() throws SQLException {
    List<HourlyFact> facts = facts(FIRST, LAST);
    assertAnsweredFromCache(PARTS_BY_DAY_AND_CAMPAIGN,
        "SELECT clicks, click_through_rate FROM statistics WHERE advertiser_id = '" + ADVERTISER
            + "' AND " + days(FIRST, LAST),
        List.of(facts.stream().mapToLong(f -> f.count("Clicks")).sum() + "|"
            + clickThroughRates(facts, f -> "").get(0).substring(1)));
  }

  @Test void explainSaysTheRateIsClicksOverDisplaysOfTheCachedReport() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      rows(session, PARTS_BY_DAY_AND_CAMPAIGN);

      assertThat(session.explain("SELECT campaign_id, click_through_rate FROM statistics WHERE advertiser_id = '"
          + ADVERTISER + "' AND " + days(FIRST, LAST))).contains("answeredFrom=[cached report{dimensions="
          + "[CampaignId, Day], metrics=[Clicks, Displays]", "rolled up from [CampaignId, Day] to "
          + "[CampaignId], click_through_rate = clicks / displays]");
    }
  }

  @Test void ratioWithoutAFormulaCreatesAReportEvenWhenTheCachedReportHoldsItsParts() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      rows(session, "SELECT campaign_id, CAST(day AS VARCHAR), sales_pc30d, clicks, conversion_rate_pc30d"
          + " FROM statistics WHERE advertiser_id = '" + ADVERTISER + "' AND " + days(FIRST, LAST));
      long creations = SANDBOX.requestLog().reportCreations();

      List<String> rates = rows(session, "SELECT campaign_id, conversion_rate_pc30d FROM statistics"
          + " WHERE advertiser_id = '" + ADVERTISER + "' AND " + days(FIRST, LAST));

      assertThat(SANDBOX.requestLog().reportCreations()).isEqualTo(creations + 1);
      assertThat(rates).containsExactlyInAnyOrderElementsOf(facts(FIRST, LAST).stream()
          .collect(Collectors.groupingBy(f -> f.dimension("CampaignId"), TreeMap::new, Collectors.toList()))
          .entrySet().stream().map(e -> e.getKey() + "|" + quotient(e.getValue(), "SalesPc30d", "Clicks"))
          .collect(Collectors.toList()));
    }
  }

  /**
   * Runs {@code warm}, then {@code query}, which must make no call and give {@code expected}; then
   * {@code query} on an empty cache, which must create a report and give the same rows.
   */
  private static void assertAnsweredFromCache(String warm, String query, List<String> expected)
      throws SQLException {
    assertThat(expected).isNotEmpty();
    try (TestConnections.Session session = TestConnections.open()) {
      rows(session, warm);
      long calls = SANDBOX.requestLog().reportCalls();

      assertThat(rows(session, query)).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(SANDBOX.requestLog().reportCalls()).isEqualTo(calls);
    }
    try (TestConnections.Session fresh = TestConnections.open()) {
      long creations = SANDBOX.requestLog().reportCreations();
      assertThat(rows(fresh, query)).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(SANDBOX.requestLog().reportCreations()).isEqualTo(creations + 1);
    }
  }

  /** Rows as "a|b|c", each value as {@link String#valueOf} prints it, so doubles to their last bit. */
  private static List<String> rows(TestConnections.Session session, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = session.connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          values.add(String.valueOf(rs.getObject(i)));
        }
        rows.add(String.join("|", values));
      }
    }
    return rows;
  }

  private static String days(LocalDate first, LocalDate last) {
    return "day BETWEEN DATE '" + first + "' AND DATE '" + last + "'";
  }

  private static List<HourlyFact> facts(LocalDate first, LocalDate last) {
    return SANDBOX.data()
        .hourlyFacts(first.atStartOfDay(ZoneOffset.UTC).toInstant(),
            last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
        .filter(f -> f.advertiserId().equals(ADVERTISER))
        .collect(Collectors.toList());
  }

  /** Per key, "key|ratio" with the ratio of the facts' summed clicks over their summed displays. */
  private static List<String> clickThroughRates(List<HourlyFact> facts, Function<HourlyFact, String> key) {
    Map<String, List<HourlyFact>> groups = facts.stream()
        .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    List<String> rows = new ArrayList<>();
    groups.forEach((k, group) -> rows.add(k + "|" + quotient(group, "Clicks", "Displays")));
    return rows;
  }

  /** The sum of one count over the sum of another, as a double, or null when the second sums to 0. */
  private static String quotient(List<HourlyFact> facts, String numerator, String denominator) {
    long top = facts.stream().mapToLong(f -> f.count(numerator)).sum();
    long bottom = facts.stream().mapToLong(f -> f.count(denominator)).sum();
    return bottom == 0 ? "null" : String.valueOf((double) top / bottom);
  }
}
