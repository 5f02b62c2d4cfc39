package io.github.criteojdbc.adapter;

import static io.github.criteojdbc.adapter.TestConnections.SANDBOX;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.adapter.exec.ReportCache;
import io.github.criteojdbc.sandbox.data.HourlyFact;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A query whose rows can be computed from a cached report is answered from it without any call,
 * and its rows equal both the same query on an empty cache and the sandbox's raw facts summed
 * here; a query whose rows cannot (unique users at a coarser grain, another currency or time
 * zone, a report read only in part) creates its own report. Ratios: {@link RatioFromCachedPartsTest}.
 */
class CachedReportAnswerTest {
  private static final String ADVERTISER = "10001";
  private static final LocalDate FIRST = LocalDate.now(ZoneOffset.UTC).minusDays(20);
  private static final LocalDate LAST = FIRST.plusDays(9);
  private static final LocalDate MIDDLE = FIRST.plusDays(4);

  @BeforeEach void clearLog() {
    SANDBOX.faults().reset();
    SANDBOX.requestLog().clear();
  }

  @Test void fewerDimensionsAreSummedFromTheCachedFinerReport() throws SQLException {
    assertAnsweredFromCache(UTC,
        "SELECT CAST(day AS VARCHAR), campaign_id, device, clicks, advertiser_cost FROM statistics"
            + " WHERE advertiser_id = '" + ADVERTISER + "' AND " + days(FIRST, LAST),
        "SELECT * FROM (SELECT campaign_id, SUM(clicks) AS c, SUM(advertiser_cost) AS cost"
            + " FROM statistics WHERE advertiser_id = '" + ADVERTISER + "' AND " + days(FIRST, LAST)
            + " GROUP BY campaign_id) t",
        expected(facts(ZoneOffset.UTC, FIRST, LAST, ADVERTISER), f -> f.dimension("CampaignId"),
            true));
  }

  @Test void narrowerDatesAreCutFromTheCachedDailyReport() throws SQLException {
    assertAnsweredFromCache(UTC,
        "SELECT CAST(day AS VARCHAR), campaign_id, clicks, advertiser_cost FROM statistics"
            + " WHERE advertiser_id = '" + ADVERTISER + "' AND " + days(FIRST, LAST),
        "SELECT campaign_id, SUM(clicks), SUM(advertiser_cost) FROM statistics WHERE advertiser_id = '"
            + ADVERTISER + "' AND day = DATE '" + MIDDLE + "' GROUP BY campaign_id",
        expected(facts(ZoneOffset.UTC, MIDDLE, MIDDLE, ADVERTISER), f -> f.dimension("CampaignId"),
            true));
  }

  @Test void statementReusedForEachDayOfTheCachedRangeMakesNoCall() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      TestRows.of(session.connection, "SELECT CAST(day AS VARCHAR), campaign_id, clicks, advertiser_cost"
          + " FROM statistics WHERE advertiser_id = '" + ADVERTISER + "' AND " + days(FIRST, LAST));
      long calls = SANDBOX.requestLog().reportCalls();
      try (PreparedStatement statement = session.connection.prepareStatement("SELECT campaign_id, "
          + "SUM(clicks), SUM(advertiser_cost) FROM statistics WHERE advertiser_id = ? AND day = ? "
          + "GROUP BY campaign_id")) {
        for (LocalDate day : List.of(FIRST, MIDDLE, LAST)) {
          statement.setString(1, ADVERTISER);
          statement.setObject(2, day);
          try (ResultSet rs = statement.executeQuery()) {
            assertThat(TestRows.read(rs)).as("campaigns on %s", day).containsExactlyInAnyOrderElementsOf(
                expected(facts(ZoneOffset.UTC, day, day, ADVERTISER), f -> f.dimension("CampaignId"), true));
          }
        }
      }
      assertThat(SANDBOX.requestLog().reportCalls()).isEqualTo(calls);
    }
  }

  @Test void filterOnADimensionTheCachedReportHoldsReadsItsRows() throws SQLException {
    assertAnsweredFromCache(UTC,
        "SELECT device, campaign_id, SUM(clicks), SUM(advertiser_cost) FROM statistics"
            + " WHERE advertiser_id = '" + ADVERTISER + "' AND " + days(FIRST, LAST)
            + " GROUP BY device, campaign_id",
        "SELECT campaign_id, SUM(clicks) FROM statistics WHERE advertiser_id = '" + ADVERTISER
            + "' AND device = 'Smartphone' AND " + days(FIRST, LAST) + " GROUP BY campaign_id",
        expected(facts(ZoneOffset.UTC, FIRST, LAST, ADVERTISER).stream()
            .filter(f -> f.dimension("Device").equals("Smartphone")).collect(Collectors.toList()),
            f -> f.dimension("CampaignId"), false));
  }

  @Test void distinctValuesOfAHeldDimensionNeedNoCallWhateverMetricsWereCached() throws SQLException {
    assertAnsweredFromCache(UTC,
        "SELECT CAST(day AS VARCHAR), campaign_id, advertiser_cost FROM statistics WHERE advertiser_id = '"
            + ADVERTISER + "' AND " + days(FIRST, LAST),
        "SELECT DISTINCT campaign_id FROM statistics WHERE advertiser_id = '" + ADVERTISER + "' AND "
            + days(FIRST, LAST),
        facts(ZoneOffset.UTC, FIRST, LAST, ADVERTISER).stream().map(f -> f.dimension("CampaignId"))
            .distinct().collect(Collectors.toList()));
  }

  @Test void oneAdvertiserIsFilteredFromACachedReportOfSeveral() throws SQLException {
    assertAnsweredFromCache(UTC,
        "SELECT advertiser_id, campaign_id, clicks, advertiser_cost FROM statistics"
            + " WHERE advertiser_id IN ('10001', '10002') AND " + days(FIRST, LAST),
        "SELECT campaign_id, SUM(clicks), SUM(advertiser_cost) FROM statistics"
            + " WHERE advertiser_id = '10002' AND " + days(FIRST, LAST) + " GROUP BY campaign_id",
        expected(facts(ZoneOffset.UTC, FIRST, LAST, "10002"), f -> f.dimension("CampaignId"), true));
  }

  @Test void weeksAreSummedFromTheCachedDaysStartingOnMonday() throws SQLException {
    assertAnsweredFromCache(UTC,
        "SELECT CAST(day AS VARCHAR), clicks, advertiser_cost FROM statistics WHERE advertiser_id = '"
            + ADVERTISER + "' AND " + days(FIRST, LAST),
        "SELECT CAST(week AS VARCHAR), SUM(clicks), SUM(advertiser_cost) FROM statistics"
            + " WHERE advertiser_id = '" + ADVERTISER + "' AND " + days(FIRST, LAST) + " GROUP BY week",
        expected(facts(ZoneOffset.UTC, FIRST, LAST, ADVERTISER), f -> f.hour().atZone(ZoneOffset.UTC)
            .toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString(), true));
  }

  @Test void daysOfTheReportTimeZoneAreSummedFromTheCachedHours() throws SQLException {
    ZoneId paris = ZoneId.of("Europe/Paris");
    assertAnsweredFromCache(s -> s.timezone(paris),
        "SELECT CAST(hour AS VARCHAR), clicks, advertiser_cost FROM statistics WHERE advertiser_id = '"
            + ADVERTISER + "' AND " + days(FIRST, MIDDLE),
        "SELECT CAST(day AS VARCHAR), SUM(clicks), SUM(advertiser_cost) FROM statistics"
            + " WHERE advertiser_id = '" + ADVERTISER + "' AND " + days(FIRST.plusDays(1), MIDDLE)
            + " GROUP BY day",
        expected(facts(paris, FIRST.plusDays(1), MIDDLE, ADVERTISER),
            f -> f.hour().atZone(paris).toLocalDate().toString(), true));
  }

  @Test void ratioOfTheCachedGrainOverNarrowerDatesIsReadFromItsRows() throws SQLException {
    Map<String, List<HourlyFact>> byCampaign = facts(ZoneOffset.UTC, MIDDLE, MIDDLE, ADVERTISER)
        .stream().collect(Collectors.groupingBy(f -> f.dimension("CampaignId"), TreeMap::new,
            Collectors.toList()));
    List<String> expected = new ArrayList<>();
    byCampaign.forEach((campaign, facts) -> expected.add(campaign + "|" + MIDDLE + "|"
        + ratio(facts, "Clicks", "Displays")));
    assertAnsweredFromCache(UTC,
        "SELECT campaign_id, CAST(day AS VARCHAR), clicks, click_through_rate FROM statistics"
            + " WHERE advertiser_id = '" + ADVERTISER + "' AND " + days(FIRST, LAST),
        "SELECT campaign_id, CAST(day AS VARCHAR), click_through_rate FROM statistics"
            + " WHERE advertiser_id = '" + ADVERTISER + "' AND day = DATE '" + MIDDLE + "'",
        expected);
  }

  @Test void uniqueUsersOverFewerDimensionsCreateAReport() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      TestRows.of(session.connection, "SELECT campaign_id, CAST(day AS VARCHAR), exposed_users "
          + "FROM statistics WHERE advertiser_id = '" + ADVERTISER + "' AND " + days(FIRST, LAST));
      long creations = SANDBOX.requestLog().reportCreations();

      List<String> users = TestRows.of(session.connection, "SELECT campaign_id, exposed_users"
          + " FROM statistics WHERE advertiser_id = '" + ADVERTISER + "' AND " + days(FIRST, LAST));

      assertThat(SANDBOX.requestLog().reportCreations()).isEqualTo(creations + 1);
      // The sandbox sums its own unique-user measure; the real API does not, which is why a
      // report is needed: the value checked here is the sandbox's definition.
      assertThat(users).containsExactlyInAnyOrderElementsOf(facts(ZoneOffset.UTC, FIRST, LAST, ADVERTISER)
          .stream().collect(Collectors.groupingBy(f -> f.dimension("CampaignId"), TreeMap::new,
              Collectors.summingLong(f -> f.count("ExposedUsers"))))
          .entrySet().stream().map(e -> e.getKey() + "|" + e.getValue()).collect(Collectors.toList()));
    }
  }

  @Test void reportInTheSameCurrencyGivesItsConvertedAmountsAndCurrency() throws SQLException {
    BigDecimal euros = facts(ZoneOffset.UTC, FIRST, LAST, ADVERTISER).stream()
        .map(f -> f.money("AdvertiserCost")).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertAnsweredFromCache(UTC,
        "SELECT campaign_id, CAST(day AS VARCHAR), advertiser_cost FROM statistics WHERE advertiser_id = '"
            + ADVERTISER + "' AND currency = 'USD' AND " + days(FIRST, LAST),
        "SELECT currency, SUM(advertiser_cost) FROM statistics WHERE advertiser_id = '" + ADVERTISER
            + "' AND currency = 'USD' AND " + days(FIRST, LAST) + " GROUP BY currency",
        List.of("USD|" + TestRows.plain(euros.multiply(SANDBOX.data().currencyFactor("USD")))));
  }

  @Test void reportInAnotherCurrencyIsNotUsed() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      TestRows.of(session.connection, "SELECT campaign_id, CAST(day AS VARCHAR), advertiser_cost FROM "
          + "statistics WHERE advertiser_id = '" + ADVERTISER + "' AND currency = 'USD' AND "
          + days(FIRST, LAST));
      long creations = SANDBOX.requestLog().reportCreations();

      List<String> euros = TestRows.of(session.connection, "SELECT campaign_id, SUM(advertiser_cost) FROM "
          + "statistics WHERE advertiser_id = '" + ADVERTISER + "' AND " + days(FIRST, LAST)
          + " GROUP BY campaign_id");

      assertThat(SANDBOX.requestLog().reportCreations()).isEqualTo(creations + 1);
      assertThat(euros).containsExactlyInAnyOrderElementsOf(facts(ZoneOffset.UTC, FIRST, LAST, ADVERTISER)
          .stream().collect(Collectors.groupingBy(f -> f.dimension("CampaignId"), TreeMap::new,
              Collectors.reducing(BigDecimal.ZERO, f -> f.money("AdvertiserCost"), BigDecimal::add)))
          .entrySet().stream().map(e -> e.getKey() + "|" + TestRows.plain(e.getValue()))
          .collect(Collectors.toList()));
    }
  }

  @Test void reportInAnotherTimeZoneIsNotUsed() throws SQLException {
    ZoneId paris = ZoneId.of("Europe/Paris");
    ReportCache shared = new ReportCache(4_000_000, Clock.systemUTC());
    try (TestConnections.Session utc = TestConnections.open(shared, UTC);
         TestConnections.Session inParis = TestConnections.open(shared, s -> s.timezone(paris))) {
      TestRows.of(utc.connection, "SELECT CAST(hour AS VARCHAR), clicks FROM statistics WHERE advertiser_id = '"
          + ADVERTISER + "' AND " + days(FIRST, MIDDLE));
      long creations = SANDBOX.requestLog().reportCreations();

      List<String> parisDays = TestRows.of(inParis.connection, "SELECT CAST(day AS VARCHAR), SUM(clicks) FROM "
          + "statistics WHERE advertiser_id = '" + ADVERTISER + "' AND " + days(FIRST, MIDDLE)
          + " GROUP BY day");

      assertThat(SANDBOX.requestLog().reportCreations()).isEqualTo(creations + 1);
      assertThat(parisDays).containsExactlyInAnyOrderElementsOf(expected(facts(paris, FIRST, MIDDLE,
          ADVERTISER), f -> f.hour().atZone(paris).toLocalDate().toString(), false));
    }
  }

  @Test void connectionWithTheCacheOffReadsNoCachedReport() throws SQLException {
    ReportCache shared = new ReportCache(4_000_000, Clock.systemUTC());
    String query = "SELECT campaign_id, SUM(clicks) FROM statistics WHERE advertiser_id = '" + ADVERTISER
        + "' AND " + days(FIRST, LAST) + " GROUP BY campaign_id";
    try (TestConnections.Session caching = TestConnections.open(shared, UTC);
         TestConnections.Session off = TestConnections.open(shared, s -> s.cacheTtl(Duration.ZERO))) {
      TestRows.of(caching.connection, "SELECT CAST(day AS VARCHAR), campaign_id, clicks FROM statistics"
          + " WHERE advertiser_id = '" + ADVERTISER + "' AND " + days(FIRST, LAST));
      TestRows.of(caching.connection, query);
      long creations = SANDBOX.requestLog().reportCreations();

      List<String> campaigns = TestRows.of(off.connection, query);

      assertThat(SANDBOX.requestLog().reportCreations()).isEqualTo(creations + 1);
      assertThat(off.explain(query)).doesNotContain("answeredFrom");
      assertThat(campaigns).containsExactlyInAnyOrderElementsOf(expected(facts(ZoneOffset.UTC, FIRST,
          LAST, ADVERTISER), f -> f.dimension("CampaignId"), false));
    }
  }

  @Test void reportReadOnlyUpToALimitIsNotUsed() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      TestRows.of(session.connection, "SELECT CAST(day AS VARCHAR), campaign_id, clicks FROM statistics"
          + " WHERE advertiser_id = '" + ADVERTISER + "' AND " + days(FIRST, LAST) + " LIMIT 3");
      long creations = SANDBOX.requestLog().reportCreations();

      List<String> campaigns = TestRows.of(session.connection, "SELECT campaign_id, SUM(clicks) FROM statistics"
          + " WHERE advertiser_id = '" + ADVERTISER + "' AND " + days(FIRST, LAST) + " GROUP BY campaign_id");

      assertThat(SANDBOX.requestLog().reportCreations()).isEqualTo(creations + 1);
      assertThat(campaigns).containsExactlyInAnyOrderElementsOf(expected(facts(ZoneOffset.UTC, FIRST,
          LAST, ADVERTISER), f -> f.dimension("CampaignId"), false));
    }
  }

  @Test void explainNamesTheCachedReportAndHowItsRowsAreRolledUp() throws SQLException {
    String query = "SELECT campaign_id, SUM(clicks) FROM statistics WHERE advertiser_id = '"
        + ADVERTISER + "' AND day = DATE '" + MIDDLE + "' GROUP BY campaign_id";
    try (TestConnections.Session session = TestConnections.open()) {
      assertThat(session.explain(query)).doesNotContain("answeredFrom");

      TestRows.of(session.connection, "SELECT campaign_id, CAST(day AS VARCHAR), clicks, displays FROM "
          + "statistics WHERE advertiser_id = '" + ADVERTISER + "' AND " + days(FIRST, LAST));

      assertThat(session.explain(query)).contains("answeredFrom=[cached report{dimensions=[CampaignId, "
          + "Day], metrics=[Clicks, Displays], advertiserIds=[" + ADVERTISER + "], dates=" + FIRST + ".."
          + LAST + "}: dates narrowed to " + MIDDLE + ".." + MIDDLE
          + ", rolled up from [CampaignId, Day] to [CampaignId]]");
    }
  }

  @Test void explainEvaluatesRelativeDatesAsOfNowAndRunAgreesWithIt() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      TestRows.of(session.connection, "SELECT CAST(day AS VARCHAR), clicks FROM statistics WHERE advertiser_id = '"
          + ADVERTISER + "' AND day >= CURRENT_DATE - INTERVAL '30' DAY AND day < CURRENT_DATE");
      String lastWeek = "SELECT SUM(clicks) FROM statistics WHERE advertiser_id = '" + ADVERTISER
          + "' AND day >= FLOOR(TIMESTAMPADD(DAY, -7, CURRENT_TIMESTAMP) TO DAY) AND day < CURRENT_DATE";
      LocalDate today = LocalDate.now(ZoneOffset.UTC);

      assertThat(session.explain(lastWeek)).contains("dates narrowed to " + today.minusDays(7) + ".."
          + today.minusDays(1) + ", rolled up from [Day] to [AdvertiserId]");
      long calls = SANDBOX.requestLog().reportCalls();
      assertThat(TestRows.of(session.connection, lastWeek)).containsExactly(String.valueOf(
          facts(ZoneOffset.UTC, today.minusDays(7), today.minusDays(1), ADVERTISER).stream()
              .mapToLong(f -> f.count("Clicks")).sum()));
      assertThat(SANDBOX.requestLog().reportCalls()).isEqualTo(calls);
    }
  }

  @Test void explainOfARepeatedQuerySaysItsOwnReportIsCached() throws SQLException {
    String query = "SELECT campaign_id, SUM(clicks) FROM statistics WHERE advertiser_id = '"
        + ADVERTISER + "' AND " + days(FIRST, LAST) + " GROUP BY campaign_id";
    try (TestConnections.Session session = TestConnections.open()) {
      TestRows.of(session.connection, query);

      assertThat(session.explain(query)).contains("answeredFrom=[cached report of the same request]");
    }
  }

  @Test void explainOfAStatementWithParametersSaysNothingOfTheCache() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      TestRows.of(session.connection, "SELECT CAST(day AS VARCHAR), clicks FROM statistics WHERE advertiser_id = '"
          + ADVERTISER + "' AND " + days(FIRST, LAST));

      assertThat(session.explain("SELECT SUM(clicks) FROM statistics WHERE advertiser_id = '"
          + ADVERTISER + "' AND day = ?")).contains("dates=[day = ?0]").doesNotContain("answeredFrom");
    }
  }

  private static final Consumer<AdapterSettings.Builder> UTC = s -> { };

  /**
   * Runs {@code warm}, then {@code query}, which must make no call and give {@code expected}; then
   * {@code query} on an empty cache, which must create a report and give the same rows.
   */
  private static void assertAnsweredFromCache(Consumer<AdapterSettings.Builder> settings, String warm,
      String query, List<String> expected) throws SQLException {
    assertThat(expected).isNotEmpty();
    try (TestConnections.Session session = TestConnections.open(settings)) {
      TestRows.of(session.connection, warm);
      long calls = SANDBOX.requestLog().reportCalls();

      assertThat(TestRows.of(session.connection, query)).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(SANDBOX.requestLog().reportCalls()).isEqualTo(calls);
    }
    try (TestConnections.Session fresh = TestConnections.open(settings)) {
      long creations = SANDBOX.requestLog().reportCreations();
      assertThat(TestRows.of(fresh.connection, query)).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(SANDBOX.requestLog().reportCreations()).isEqualTo(creations + 1);
    }
  }

  private static String days(LocalDate first, LocalDate last) {
    return "day BETWEEN DATE '" + first + "' AND DATE '" + last + "'";
  }

  private static List<HourlyFact> facts(ZoneId zone, LocalDate first, LocalDate last, String advertiser) {
    return SANDBOX.data()
        .hourlyFacts(first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant())
        .filter(f -> f.advertiserId().equals(advertiser))
        .collect(Collectors.toList());
  }

  /** Per key, "key|clicks" or "key|clicks|cost", as {@link #rows} prints them. */
  private static List<String> expected(List<HourlyFact> facts, Function<HourlyFact, String> key,
      boolean withCost) {
    Map<String, List<HourlyFact>> groups = facts.stream()
        .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    List<String> rows = new ArrayList<>();
    groups.forEach((k, group) -> rows.add(k + "|" + group.stream().mapToLong(f -> f.count("Clicks")).sum()
        + (withCost ? "|" + TestRows.plain(group.stream().map(f -> f.money("AdvertiserCost"))
            .reduce(BigDecimal.ZERO, BigDecimal::add)) : "")));
    return rows;
  }

  /** The sandbox's ratio: the sum of the numerator over the sum of the denominator, as a double. */
  private static String ratio(List<HourlyFact> facts, String numerator, String denominator) {
    double top = facts.stream().mapToLong(f -> f.count(numerator)).sum();
    double bottom = facts.stream().mapToLong(f -> f.count(denominator)).sum();
    return String.format(Locale.ROOT, "%.12g", top / bottom);
  }
}
