package io.github.criteojdbc.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.adapter.exec.ReportCache;
import io.github.criteojdbc.sandbox.MovableClock;
import io.github.criteojdbc.sandbox.ReportAsked;
import io.github.criteojdbc.sandbox.SandboxOptions;
import io.github.criteojdbc.sandbox.SandboxServer;
import io.github.criteojdbc.sandbox.data.HourlyFact;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A re-run "tomorrow" asks only for the days a cached report does not hold settled: Criteo
 * restates a day until 120 hours after it ends, so a day of a cached report is reused only when
 * the report was fetched after that. The sandbox and the cache share a clock the tests move; the
 * sandbox has data up to its current hour and no other restatement, so a day that was still under
 * way when cached reads differently a day later, and a reused copy would show it. Rows are checked
 * against the sandbox's raw facts summed here and against the same query on an empty cache.
 */
class DaySlicedRefetchTest {
  private static final String ADVERTISER = "10001";
  /** Half past noon UTC ten days ago: the sandbox holds that day's first twelve hours. */
  private static final Instant FIRST_RUN = LocalDate.now(ZoneOffset.UTC).minusDays(10)
      .atTime(12, 30).toInstant(ZoneOffset.UTC);
  /** The instant the sandbox and the report cache share, set and moved by the tests. */
  private static final MovableClock CLOCK = new MovableClock(Instant.now());
  private static final SandboxServer SANDBOX = SandboxServer.start(SandboxOptions.builder()
      .clock(CLOCK).build());
  private static final Consumer<AdapterSettings.Builder> KEEP_TWO_DAYS =
      s -> s.cacheTtl(Duration.ofDays(2));

  private ReportCache cache;

  @BeforeEach void firstRunNow() {
    CLOCK.set(FIRST_RUN);
    SANDBOX.requestLog().clear();
    cache = new ReportCache(4_000_000, CLOCK);
  }

  @AfterAll static void stop() {
    SANDBOX.close();
  }

  @Test void last30DaysTomorrowAsksOneReportOfTheDaysNotSettledWhenCached() throws SQLException {
    LocalDate today = LocalDate.ofInstant(FIRST_RUN, ZoneOffset.UTC);
    try (TestConnections.Session session = TestConnections.open(SANDBOX, cache, KEEP_TWO_DAYS)) {
      byDayAndCampaign(session, today.minusDays(30), today.minusDays(1));
      CLOCK.advance(Duration.ofDays(1));
      SANDBOX.requestLog().clear();

      List<String> rows = byDayAndCampaign(session, today.minusDays(29), today);

      // Cached at 12:30 on "today": its last day whose end was 120 hours behind is today - 6.
      assertThat(createdDates()).containsExactly(List.of(today.minusDays(5), today));
      assertThat(rows).containsExactlyInAnyOrderElementsOf(expectedByDayAndCampaign(ZoneOffset.UTC,
          today.minusDays(29), today));
      assertThat(rows).containsExactlyInAnyOrderElementsOf(onEmptyCache(KEEP_TWO_DAYS, today.minusDays(29),
          today));
    }
  }

  @Test void dayStillUnderWayWhenCachedIsAskedAgainAndReadsInFull() throws SQLException {
    LocalDate today = LocalDate.ofInstant(FIRST_RUN, ZoneOffset.UTC);
    try (TestConnections.Session session = TestConnections.open(SANDBOX, cache, KEEP_TWO_DAYS)) {
      byDayAndCampaign(session, today.minusDays(10), today);
      CLOCK.advance(Duration.ofDays(1));
      SANDBOX.requestLog().clear();

      List<String> rows = byDayAndCampaign(session, today.minusDays(10), today);

      assertThat(createdDates()).containsExactly(List.of(today.minusDays(5), today));
      assertThat(rows).containsExactlyInAnyOrderElementsOf(expectedByDayAndCampaign(ZoneOffset.UTC,
          today.minusDays(10), today));
    }
  }

  @Test void daysSettledWhenCachedAreReadTheNextDayWithoutACall() throws SQLException {
    LocalDate today = LocalDate.ofInstant(FIRST_RUN, ZoneOffset.UTC);
    try (TestConnections.Session session = TestConnections.open(SANDBOX, cache, KEEP_TWO_DAYS)) {
      byDayAndCampaign(session, today.minusDays(30), today.minusDays(1));
      CLOCK.advance(Duration.ofDays(1));
      long calls = SANDBOX.requestLog().reportCalls();

      List<String> rows = byDayAndCampaign(session, today.minusDays(20), today.minusDays(6));

      assertThat(SANDBOX.requestLog().reportCalls()).isEqualTo(calls);
      assertThat(rows).containsExactlyInAnyOrderElementsOf(expectedByDayAndCampaign(ZoneOffset.UTC,
          today.minusDays(20), today.minusDays(6)));
    }
  }

  @Test void totalPerCampaignTomorrowSumsCachedDaysWithNewDaysAskedByDay() throws SQLException {
    LocalDate today = LocalDate.ofInstant(FIRST_RUN, ZoneOffset.UTC);
    try (TestConnections.Session session = TestConnections.open(SANDBOX, cache, KEEP_TWO_DAYS)) {
      byDayAndCampaign(session, today.minusDays(30), today.minusDays(1));
      CLOCK.advance(Duration.ofDays(1));
      SANDBOX.requestLog().clear();

      List<String> rows = TestRows.of(session.connection, "SELECT * FROM (SELECT campaign_id, "
          + "SUM(clicks) AS clicks, SUM(advertiser_cost) AS cost FROM statistics WHERE advertiser_id = '"
          + ADVERTISER + "' AND day BETWEEN DATE '" + today.minusDays(29) + "' AND DATE '" + today
          + "' GROUP BY campaign_id) t");

      assertThat(createdDates()).containsExactly(List.of(today.minusDays(5), today));
      assertThat(createdDimensions()).containsExactly(List.of("CampaignId", "Day"));
      assertThat(rows).containsExactlyInAnyOrderElementsOf(expected(facts(ZoneOffset.UTC,
          today.minusDays(29), today), f -> f.dimension("CampaignId")));
    }
  }

  @Test void dashboardTomorrowCostsOneReportOfSixDaysWhenItsDailyCardRunsFirst() throws SQLException {
    LocalDate today = LocalDate.ofInstant(FIRST_RUN, ZoneOffset.UTC);
    String total = "SELECT SUM(clicks), SUM(advertiser_cost) FROM statistics WHERE advertiser_id = '"
        + ADVERTISER + "' AND day BETWEEN DATE '%s' AND DATE '%s'";
    try (TestConnections.Session session = TestConnections.open(SANDBOX, cache, KEEP_TWO_DAYS)) {
      byDayAndCampaign(session, today.minusDays(30), today.minusDays(1));
      TestRows.of(session.connection, total.formatted(today.minusDays(30), today.minusDays(1)));
      CLOCK.advance(Duration.ofDays(1));
      SANDBOX.requestLog().clear();

      List<String> dailyRows = byDayAndCampaign(session, today.minusDays(29), today);
      List<String> totalRows = TestRows.of(session.connection, total.formatted(today.minusDays(29), today));

      assertThat(createdDates()).containsExactly(List.of(today.minusDays(5), today));
      assertThat(dailyRows).containsExactlyInAnyOrderElementsOf(expectedByDayAndCampaign(ZoneOffset.UTC,
          today.minusDays(29), today));
      assertThat(totalRows).containsExactlyElementsOf(expected(facts(ZoneOffset.UTC, today.minusDays(29),
          today), f -> "").stream().map(row -> row.substring(1)).collect(Collectors.toList()));
    }
  }

  @Test void totalMissingMoreThanAWeekOfDaysIsAskedAsWritten() throws SQLException {
    LocalDate today = LocalDate.ofInstant(FIRST_RUN, ZoneOffset.UTC);
    try (TestConnections.Session session = TestConnections.open(SANDBOX, cache, KEEP_TWO_DAYS)) {
      byDayAndCampaign(session, today.minusDays(30), today.minusDays(20));
      SANDBOX.requestLog().clear();

      List<String> rows = TestRows.of(session.connection, "SELECT campaign_id, SUM(clicks), "
          + "SUM(advertiser_cost) FROM statistics WHERE advertiser_id = '" + ADVERTISER + "' AND day "
          + "BETWEEN DATE '" + today.minusDays(30) + "' AND DATE '" + today.minusDays(1) + "' GROUP BY campaign_id");

      assertThat(createdDates()).containsExactly(List.of(today.minusDays(30), today.minusDays(1)));
      assertThat(createdDimensions()).containsExactly(List.of("CampaignId"));
      assertThat(rows).containsExactlyInAnyOrderElementsOf(expected(facts(ZoneOffset.UTC,
          today.minusDays(30), today.minusDays(1)), f -> f.dimension("CampaignId")));
    }
  }

  @Test void ratioByDayTomorrowReadsSettledDaysAndAsksTheOthers() throws SQLException {
    LocalDate today = LocalDate.ofInstant(FIRST_RUN, ZoneOffset.UTC);
    String ctr = "SELECT CAST(day AS VARCHAR), click_through_rate FROM statistics WHERE advertiser_id = '"
        + ADVERTISER + "' AND day BETWEEN DATE '%s' AND DATE '%s'";
    try (TestConnections.Session session = TestConnections.open(SANDBOX, cache, KEEP_TWO_DAYS)) {
      TestRows.of(session.connection, ctr.formatted(today.minusDays(30), today.minusDays(1)));
      CLOCK.advance(Duration.ofDays(1));
      SANDBOX.requestLog().clear();

      List<String> rows = TestRows.of(session.connection, ctr.formatted(today.minusDays(29), today));

      assertThat(createdDates()).containsExactly(List.of(today.minusDays(5), today));
      List<String> expected = new ArrayList<>();
      facts(ZoneOffset.UTC, today.minusDays(29), today).stream()
          .collect(Collectors.groupingBy(f -> LocalDate.ofInstant(f.hour(), ZoneOffset.UTC).toString(),
              TreeMap::new, Collectors.toList()))
          .forEach((day, facts) -> expected.add(day + "|" + String.format(Locale.ROOT, "%.12g",
              (double) facts.stream().mapToLong(f -> f.count("Clicks")).sum()
                  / facts.stream().mapToLong(f -> f.count("Displays")).sum())));
      assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test void ratioPerCampaignTomorrowSumsTheCachedDaysPartsWithNewDaysAskedByDayAsParts()
      throws SQLException {
    LocalDate today = LocalDate.ofInstant(FIRST_RUN, ZoneOffset.UTC);
    String ctr = "SELECT campaign_id, click_through_rate FROM statistics WHERE advertiser_id = '"
        + ADVERTISER + "' AND day BETWEEN DATE '" + today.minusDays(29) + "' AND DATE '" + today + "'";
    List<String> rows;
    try (TestConnections.Session session = TestConnections.open(SANDBOX, cache, KEEP_TWO_DAYS)) {
      TestRows.of(session.connection, "SELECT CAST(day AS VARCHAR), campaign_id, clicks, displays FROM "
          + "statistics WHERE advertiser_id = '" + ADVERTISER + "' AND day BETWEEN DATE '"
          + today.minusDays(30) + "' AND DATE '" + today.minusDays(1) + "'");
      CLOCK.advance(Duration.ofDays(1));
      assertThat(session.explain(ctr)).contains(today.minusDays(5) + ".." + today + " a new report of "
          + "[CampaignId, Day]; summed from [CampaignId, Day] to [CampaignId], click_through_rate = clicks / displays]");
      SANDBOX.requestLog().clear();

      rows = TestRows.of(session.connection, ctr);

      assertThat(created()).containsExactly(new ReportAsked(List.of("CampaignId", "Day"),
          List.of("Clicks", "Displays"), today.minusDays(5), today));
      List<String> expected = new ArrayList<>();
      facts(ZoneOffset.UTC, today.minusDays(29), today).stream()
          .collect(Collectors.groupingBy(f -> f.dimension("CampaignId"), TreeMap::new, Collectors.toList()))
          .forEach((campaign, facts) -> expected.add(campaign + "|" + String.format(Locale.ROOT, "%.12g",
              (double) facts.stream().mapToLong(f -> f.count("Clicks")).sum()
                  / facts.stream().mapToLong(f -> f.count("Displays")).sum())));
      assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
    }
    try (TestConnections.Session fresh = TestConnections.open(SANDBOX, new ReportCache(4_000_000, CLOCK),
        KEEP_TWO_DAYS)) {
      assertThat(TestRows.of(fresh.connection, ctr)).containsExactlyInAnyOrderElementsOf(rows);
    }
  }

  @Test void recentDaysOfAReportOlderThanTheRecentCacheTimeAreAskedAgain() throws SQLException {
    LocalDate today = LocalDate.ofInstant(FIRST_RUN, ZoneOffset.UTC);
    try (TestConnections.Session session = TestConnections.open(SANDBOX, cache, KEEP_TWO_DAYS)) {
      byDayAndCampaign(session, today.minusDays(30), today);
      CLOCK.advance(Duration.ofMinutes(3));
      SANDBOX.requestLog().clear();

      List<String> rows = byDayAndCampaign(session, today.minusDays(30), today);

      assertThat(createdDates()).containsExactly(List.of(today.minusDays(5), today));
      assertThat(rows).containsExactlyInAnyOrderElementsOf(expectedByDayAndCampaign(ZoneOffset.UTC,
          today.minusDays(30), today));
    }
  }

  @Test void hoursInTheReportTimeZoneSettleByItsMidnights() throws SQLException {
    ZoneId paris = ZoneId.of("Europe/Paris");
    // 23:30 UTC is already tomorrow in Paris, whose days settle an hour before UTC's.
    CLOCK.set(FIRST_RUN.plus(11, ChronoUnit.HOURS));
    LocalDate today = LocalDate.ofInstant(CLOCK.instant(), paris);
    Consumer<AdapterSettings.Builder> settings = KEEP_TWO_DAYS.andThen(s -> s.timezone(paris));
    try (TestConnections.Session session = TestConnections.open(SANDBOX, cache, settings)) {
      byHour(session, today.minusDays(10), today.minusDays(1));
      CLOCK.advance(Duration.ofDays(1));
      SANDBOX.requestLog().clear();

      List<String> rows = byHour(session, today.minusDays(9), today);

      assertThat(createdDates()).containsExactly(List.of(today.minusDays(5), today));
      Map<String, Long> clicksByHour = facts(paris, today.minusDays(9), today).stream()
          .collect(Collectors.groupingBy(f -> LocalDateTime.ofInstant(f.hour(), paris).toString()
              .replace('T', ' ') + ":00", TreeMap::new, Collectors.summingLong(f -> f.count("Clicks"))));
      assertThat(rows).containsExactlyElementsOf(clicksByHour.entrySet().stream()
          .map(e -> e.getKey() + "|" + e.getValue()).collect(Collectors.toList()));
    }
  }

  @Test void explainSaysWhichDaysComeFromTheCacheAndWhichAreAskedFor() throws SQLException {
    LocalDate today = LocalDate.ofInstant(FIRST_RUN, ZoneOffset.UTC);
    try (TestConnections.Session session = TestConnections.open(SANDBOX, cache, KEEP_TWO_DAYS)) {
      byDayAndCampaign(session, today.minusDays(30), today.minusDays(1));
      CLOCK.advance(Duration.ofDays(1));

      assertThat(session.explain("SELECT campaign_id, SUM(clicks) FROM statistics WHERE advertiser_id = '"
          + ADVERTISER + "' AND day BETWEEN DATE '" + today.minusDays(29) + "' AND DATE '" + today
          + "' GROUP BY campaign_id"))
          .contains("answeredFrom=[by day: " + today.minusDays(29) + ".." + today.minusDays(6)
              + " from cached report{dimensions=[CampaignId, Day]")
          .contains(today.minusDays(5) + ".." + today + " a new report of [CampaignId, Day]; summed "
              + "from [CampaignId, Day] to [CampaignId]]");
    }
  }

  /** Per day and campaign, "day|campaign|clicks|cost", read with a reused prepared statement. */
  private static List<String> byDayAndCampaign(TestConnections.Session session, LocalDate first,
      LocalDate last) throws SQLException {
    try (PreparedStatement statement = session.connection.prepareStatement("SELECT CAST(day AS VARCHAR), "
        + "campaign_id, SUM(clicks), SUM(advertiser_cost) FROM statistics WHERE advertiser_id = ? "
        + "AND day BETWEEN ? AND ? GROUP BY day, campaign_id")) {
      statement.setString(1, ADVERTISER);
      statement.setObject(2, first);
      statement.setObject(3, last);
      try (ResultSet rs = statement.executeQuery()) {
        return TestRows.read(rs);
      }
    }
  }

  private static List<String> byHour(TestConnections.Session session, LocalDate first, LocalDate last)
      throws SQLException {
    return TestRows.of(session.connection, "SELECT CAST(hour AS VARCHAR), SUM(clicks) FROM statistics"
        + " WHERE advertiser_id = '" + ADVERTISER + "' AND day BETWEEN DATE '" + first + "' AND DATE '"
        + last + "' GROUP BY hour ORDER BY hour");
  }

  private List<String> onEmptyCache(Consumer<AdapterSettings.Builder> settings, LocalDate first,
      LocalDate last) throws SQLException {
    try (TestConnections.Session fresh = TestConnections.open(SANDBOX,
        new ReportCache(4_000_000, CLOCK), settings)) {
      return byDayAndCampaign(fresh, first, last);
    }
  }

  private static List<String> expectedByDayAndCampaign(ZoneId zone, LocalDate first, LocalDate last) {
    return expected(facts(zone, first, last), f -> LocalDate.ofInstant(f.hour(), zone) + "|"
        + f.dimension("CampaignId"));
  }

  private static List<HourlyFact> facts(ZoneId zone, LocalDate first, LocalDate last) {
    return SANDBOX.data()
        .hourlyFacts(first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant())
        .filter(f -> f.advertiserId().equals(ADVERTISER))
        .collect(Collectors.toList());
  }

  /** Per key, "key|clicks|cost". */
  private static List<String> expected(List<HourlyFact> facts, Function<HourlyFact, String> key) {
    List<String> rows = new ArrayList<>();
    facts.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()))
        .forEach((k, group) -> rows.add(k + "|" + group.stream().mapToLong(f -> f.count("Clicks")).sum()
            + "|" + TestRows.plain(group.stream().map(f -> f.money("AdvertiserCost"))
                .reduce(BigDecimal.ZERO, BigDecimal::add))));
    return rows;
  }

  /** [startDate, endDate] of each report created since the log was cleared, as the bodies say. */
  private static List<List<LocalDate>> createdDates() {
    return created().stream().map(r -> List.of(r.startDate(), r.endDate())).collect(Collectors.toList());
  }

  private static List<List<String>> createdDimensions() {
    return created().stream().map(ReportAsked::dimensions).collect(Collectors.toList());
  }

  /**
   * Accepted creations: a day on the sandbox clock expires the client's token, so its first create
   * is refused once and sent again.
   */
  private static List<ReportAsked> created() {
    return SANDBOX.requestLog().all().stream().filter(r -> r.isReportCreation() && r.status() < 400)
        .map(ReportAsked::of).collect(Collectors.toList());
  }

}
