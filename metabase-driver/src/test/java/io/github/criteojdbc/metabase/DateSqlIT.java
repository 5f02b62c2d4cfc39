package io.github.criteojdbc.metabase;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.summingLong;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.sandbox.LoggedRequest;
import io.github.criteojdbc.sandbox.ReportAsked;
import io.github.criteojdbc.sandbox.data.HourlyFact;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SQL templates of {@code metabase.driver.criteo} (read from the plugin jar's namespace, not copied here) run
 * through the plugin jar; every bucket's clicks are checked against the sandbox's raw hourly facts in UTC.
 */
class DateSqlIT {
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
  /** 100 days: several weeks, months and two quarters (possibly two years), all inside the 120 days of data. */
  private static final LocalDate FIRST_DAY = TODAY.minusDays(100);
  private static final LocalDate FIRST_HOUR_DAY = TODAY.minusDays(3);
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
  void namespaceHasATemplateForEveryUnitMetabaseBucketsBy() {
    assertThat(namespace.dateSql().keySet()).containsExactlyInAnyOrder("minute", "hour", "day", "week", "month",
        "quarter", "year", "minute-of-hour", "hour-of-day", "day-of-week", "day-of-month", "day-of-year",
        "week-of-year-iso", "month-of-year", "quarter-of-year", "year-of-era");
  }

  @Test
  void dayTruncationGivesTheDay() throws SQLException {
    assertDayBuckets("day", day -> day);
  }

  @Test
  void weekTruncationGivesTheMondayOfTheWeek() throws SQLException {
    assertDayBuckets("week", day -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
  }

  /**
   * Metabase's start-of-week setting at Sunday: {@code adjust-start-of-week} shifts the day by one, truncates to
   * Monday, and shifts back, with the namespace's own interval SQL.
   */
  @Test
  void weekShiftedByMetabaseToStartOnSundayGivesTheSundayOfTheWeek() throws SQLException {
    String addInterval = namespace.definedSql("add-interval-sql");
    String column = "\"criteo\".\"statistics\".\"day\"";
    String dayAfter = String.format(addInterval, "DAY", 1).replace("%s", column);
    String truncated = namespace.dateSql().get("week").replace("%s", dayAfter);
    String sunday = String.format(addInterval, "DAY", -1).replace("%s", truncated);
    assertThat(query("SELECT " + sunday + " AS \"bucket\", SUM(\"clicks\") AS \"clicks\""
        + " FROM \"criteo\".\"statistics\""
        + " WHERE \"day\" >= DATE '" + FIRST_DAY + "' AND \"day\" < DATE '" + TODAY + "'"
        + " GROUP BY " + sunday, rs -> rs.getObject(1, LocalDate.class)))
        .isEqualTo(expected(FIRST_DAY, TODAY,
            fact -> day(fact).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY))));
  }

  @Test
  void monthTruncationGivesTheFirstOfTheMonth() throws SQLException {
    assertDayBuckets("month", day -> day.withDayOfMonth(1));
  }

  @Test
  void quarterTruncationGivesTheFirstDayOfTheQuarter() throws SQLException {
    assertDayBuckets("quarter", day -> day.with(IsoFields.DAY_OF_QUARTER, 1));
  }

  @Test
  void yearTruncationGivesTheFirstOfJanuary() throws SQLException {
    assertDayBuckets("year", day -> day.withDayOfYear(1));
  }

  @Test
  void dayOfWeekIsIsoWithMondayOne() throws SQLException {
    assertDayExtraction("day-of-week", day -> (long) day.getDayOfWeek().getValue());
  }

  @Test
  void dayOfMonthMonthQuarterYearAndDayOfYearAreTheCalendarFields() throws SQLException {
    assertDayExtraction("day-of-month", day -> (long) day.getDayOfMonth());
    assertDayExtraction("day-of-year", day -> (long) day.getDayOfYear());
    assertDayExtraction("month-of-year", day -> (long) day.getMonthValue());
    assertDayExtraction("quarter-of-year", day -> day.getLong(IsoFields.QUARTER_OF_YEAR));
    assertDayExtraction("year-of-era", day -> (long) day.getYear());
  }

  @Test
  void weekOfYearIsTheIsoWeek() throws SQLException {
    assertDayExtraction("week-of-year-iso", day -> day.getLong(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  @Test
  void hourAndMinuteTruncationsOfTheHourColumnGiveItsHours() throws SQLException {
    assertHourBuckets("hour", hour -> hour);
    assertHourBuckets("minute", hour -> hour);
  }

  @Test
  void hourOfDayAndMinuteOfHourAreTheClockFields() throws SQLException {
    assertHourExtraction("hour-of-day", hour -> (long) hour.getHour());
    assertHourExtraction("minute-of-hour", hour -> (long) hour.getMinute());
  }

  /**
   * Metabase's "last 30 days": {@code day >= trunc-day(now - 30 days) AND day < trunc-day(now)}, on a
   * connection without cache, since the 100-day reports of the other tests hold those days.
   */
  @Test
  void last30DaysFilterReadsExactlyThoseDaysAsReportDates() throws SQLException {
    String now = namespace.definedSql("current-datetime-sql");
    String thirtyDaysAgo = String.format(namespace.definedSql("add-interval-sql"), "DAY", -30).replace("%s", now);
    String dayOf = namespace.dateSql().get("day");
    String sql = "SELECT \"day\", SUM(\"clicks\") AS \"clicks\" FROM \"criteo\".\"statistics\""
        + " WHERE \"day\" >= " + dayOf.replace("%s", thirtyDaysAgo)
        + " AND \"day\" < " + dayOf.replace("%s", now)
        + " GROUP BY \"day\" ORDER BY \"day\" ASC";
    int logged = connections.sandbox().requestLog().all().size();

    Map<Object, Long> rows = query(connections.connectWithoutCache(), sql, rs -> rs.getObject(1, LocalDate.class));

    assertThat(rows).isEqualTo(expected(TODAY.minusDays(30), TODAY, fact -> day(fact)));
    List<String> creations = connections.sandbox().requestLog().all()
        .subList(logged, connections.sandbox().requestLog().all().size()).stream()
        .filter(LoggedRequest::isReportCreation).map(LoggedRequest::body).toList();
    assertThat(creations).hasSize(1);
    assertThat(creations.get(0)).contains("\"startDate\":\"" + TODAY.minusDays(30))
        .contains("\"endDate\":\"" + TODAY.minusDays(1));
  }

  private static void assertDayBuckets(String unit, Function<LocalDate, LocalDate> bucket) throws SQLException {
    assertThat(dayQuery(unit, rs -> rs.getObject(1, LocalDate.class)))
        .as(unit).isEqualTo(expected(FIRST_DAY, TODAY, fact -> bucket.apply(day(fact))));
  }

  private static void assertDayExtraction(String unit, Function<LocalDate, Long> field) throws SQLException {
    assertThat(dayQuery(unit, rs -> rs.getLong(1)))
        .as(unit).isEqualTo(expected(FIRST_DAY, TODAY, fact -> field.apply(day(fact))));
  }

  private static void assertHourBuckets(String unit, Function<LocalDateTime, LocalDateTime> bucket)
      throws SQLException {
    assertThat(hourQuery(unit, rs -> rs.getObject(1, LocalDateTime.class)))
        .as(unit).isEqualTo(expected(FIRST_HOUR_DAY, TODAY, fact -> bucket.apply(hour(fact))));
  }

  private static void assertHourExtraction(String unit, Function<LocalDateTime, Long> field) throws SQLException {
    assertThat(hourQuery(unit, rs -> rs.getLong(1)))
        .as(unit).isEqualTo(expected(FIRST_HOUR_DAY, TODAY, fact -> field.apply(hour(fact))));
  }

  private static Map<Object, Long> dayQuery(String unit, Bucket bucket) throws SQLException {
    return grouped(unit, "day", FIRST_DAY, bucket);
  }

  private static Map<Object, Long> hourQuery(String unit, Bucket bucket) throws SQLException {
    return grouped(unit, "hour", FIRST_HOUR_DAY, bucket);
  }

  /** The namespace's SQL for {@code unit} applied to {@code column}, grouped, over [first, today). */
  private static Map<Object, Long> grouped(String unit, String column, LocalDate first, Bucket bucket)
      throws SQLException {
    String expression = namespace.dateSql().get(unit).replace("%s", "\"criteo\".\"statistics\".\"" + column + "\"");
    Map<Object, Long> buckets = new TreeMap<>();
    List<ReportAsked> sent = connections.reportsSentBy(() -> buckets.putAll(query("SELECT " + expression + " AS \"bucket\", SUM(\"clicks\") AS \"clicks\""
        + " FROM \"criteo\".\"statistics\""
        + " WHERE \"day\" >= DATE '" + first + "' AND \"day\" < DATE '" + TODAY + "'"
        + " GROUP BY " + expression + " ORDER BY " + expression + " ASC", bucket)));
    assertThat(sent).as("reports of %s(%s), the first of its grain asks, the others reuse", unit, column)
        .hasSizeLessThanOrEqualTo(1)
        .allSatisfy(report -> {
          assertThat(report.dimensions()).containsExactly(column.equals("day") ? "Day" : "Hour");
          assertThat(report.startDate()).isEqualTo(first);
          assertThat(report.endDate()).isEqualTo(TODAY.minusDays(1));
        });
    return buckets;
  }

  private static Map<Object, Long> query(String sql, Bucket bucket) throws SQLException {
    return query(connections.connect(), sql, bucket);
  }

  private static Map<Object, Long> query(Connection opened, String sql, Bucket bucket) throws SQLException {
    Map<Object, Long> clicks = new TreeMap<>();
    try (Connection connection = opened; Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        clicks.put(bucket.of(rows), rows.getLong("clicks"));
      }
    }
    return clicks;
  }

  /** Raw clicks of the connection's advertisers over UTC days [first, end), summed by {@code bucket}. */
  private static Map<Object, Long> expected(LocalDate first, LocalDate end, Function<HourlyFact, Object> bucket) {
    return new TreeMap<>(connections.facts(first, end).collect(groupingBy(bucket, summingLong(fact -> fact.count("Clicks")))));
  }

  private static LocalDate day(HourlyFact fact) {
    return LocalDate.ofInstant(fact.hour(), ZoneOffset.UTC);
  }

  private static LocalDateTime hour(HourlyFact fact) {
    return LocalDateTime.ofInstant(fact.hour(), ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
  }

  @FunctionalInterface
  private interface Bucket {
    Object of(ResultSet rows) throws SQLException;
  }
}
