package io.github.criteojdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DATE and TIMESTAMP values are the report's local calendar values through every getter and
 * every setter, whatever the JVM's zone. The build runs this class three times: in the build's
 * JVM zone, and in JVMs forked with {@code -Duser.timezone=America/Los_Angeles} and
 * {@code Europe/Paris}; each run uses report zones equal to and different from its JVM's.
 */
class ReportZoneTest {
  private static final String ADVERTISER = "10001";
  /** A day well inside the sandbox's data window, whatever today is. */
  private static final LocalDate DAY = LocalDate.now(ZoneId.of("UTC")).minusDays(10);
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private static Connection connection;

  @BeforeAll
  static void open() throws SQLException {
    // Keeps the sandbox running across the connections of the tests.
    connection = SandboxConnections.open();
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  @Test
  void runsInTheJvmZoneTheBuildAskedFor() {
    String expected = System.getProperty("expected.user.timezone");
    if (expected != null) {
      assertThat(TimeZone.getDefault().getID()).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "timezone={0}")
  @ValueSource(strings = {"UTC", "Europe/Paris", "America/Los_Angeles"})
  void daysAndHoursReadAsTheReportsLocalValuesThroughEveryGetter(String timezone) throws SQLException {
    ZoneId zone = ZoneId.of(timezone);
    String sql = "SELECT day, hour, clicks FROM statistics WHERE advertiser_id = '" + ADVERTISER + "'"
        + " AND day BETWEEN DATE '" + DAY + "' AND DATE '" + DAY.plusDays(1) + "' ORDER BY hour";
    List<LocalDateTime> hours = new ArrayList<>();
    try (Connection report = SandboxConnections.open("timezone=" + timezone);
        Statement statement = report.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      assertThat(rows.next()).isTrue();
      LocalDateTime midnight = DAY.atStartOfDay();

      assertThat(rows.getString(1)).isEqualTo(DAY.toString());
      assertThat(rows.getDate(1)).isEqualTo(Date.valueOf(DAY)).hasToString(DAY.toString());
      assertThat(rows.getDate("day").toLocalDate()).isEqualTo(DAY);
      assertThat(rows.getObject(1)).isEqualTo(Date.valueOf(DAY));
      assertThat(rows.getObject(1, LocalDate.class)).isEqualTo(DAY);
      assertThat(rows.getObject(1, Date.class)).isEqualTo(Date.valueOf(DAY));
      assertThat(rows.getTimestamp(1)).isEqualTo(Timestamp.valueOf(midnight));
      assertThat(rows.getDate(1, calendar("UTC")).getTime()).isEqualTo(DAY.toEpochDay() * MILLIS_PER_DAY);
      assertThat(rows.getDate(1, calendar("Asia/Tokyo")).getTime())
          .isEqualTo(DAY.atStartOfDay(ZoneId.of("Asia/Tokyo")).toInstant().toEpochMilli());

      assertThat(rows.getString(2)).isEqualTo(DAY + " 00:00:00");
      assertThat(rows.getTimestamp(2)).isEqualTo(Timestamp.valueOf(midnight));
      assertThat(rows.getTimestamp(2).toLocalDateTime()).isEqualTo(midnight);
      assertThat(rows.getObject(2)).isEqualTo(Timestamp.valueOf(midnight));
      assertThat(rows.getObject(2, Timestamp.class)).isEqualTo(Timestamp.valueOf(midnight));
      assertThat(rows.getObject(2, LocalDateTime.class)).isEqualTo(midnight);
      assertThat(rows.getObject(2, LocalDate.class)).isEqualTo(DAY);
      assertThat(rows.getObject(2, LocalTime.class)).isEqualTo(LocalTime.MIDNIGHT);
      assertThat(rows.getObject(2, ZonedDateTime.class)).isEqualTo(midnight.atZone(zone));
      assertThat(rows.getObject(2, OffsetDateTime.class)).isEqualTo(midnight.atZone(zone).toOffsetDateTime());
      assertThat(rows.getObject(2, Instant.class)).isEqualTo(midnight.atZone(zone).toInstant());
      assertThat(rows.getObject(2, java.util.Date.class)).isEqualTo(Timestamp.valueOf(midnight));
      assertThat(rows.getTimestamp(2, calendar("UTC")).getTime())
          .isEqualTo(DAY.toEpochDay() * MILLIS_PER_DAY);
      assertThat(rows.getTimestamp(2, calendar(timezone)).toInstant()).isEqualTo(midnight.atZone(zone).toInstant());

      assertThat(rows.getLong(3)).as("the clicks of the report zone's first hour, from the raw facts")
          .isEqualTo(rawClicks(midnight.atZone(zone).toInstant()));

      hours.add(rows.getObject(2, LocalDateTime.class));
      while (rows.next()) {
        hours.add(rows.getObject(2, LocalDateTime.class));
        assertThat(rows.getObject(1, LocalDate.class)).isEqualTo(hours.get(hours.size() - 1).toLocalDate());
      }
    }
    assertThat(hours).hasSize(48).startsWith(DAY.atStartOfDay()).endsWith(DAY.plusDays(1).atTime(23, 0));
  }

  @Test
  void getDateFollowsTheJvmZoneWhenItChangesWhileRowsAreRead() throws SQLException {
    String sql = "SELECT day, hour FROM statistics WHERE advertiser_id = '" + ADVERTISER + "'"
        + " AND day BETWEEN DATE '" + DAY + "' AND DATE '" + DAY.plusDays(2) + "' ORDER BY hour";
    TimeZone jvmZone = TimeZone.getDefault();
    int rowsRead = 0;
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        if (rowsRead == 30) {
          TimeZone.setDefault(TimeZone.getTimeZone(jvmZone.getID().equals("Asia/Tokyo") ? "UTC" : "Asia/Tokyo"));
        }
        LocalDate day = rows.getObject(1, LocalDate.class);
        assertThat(rows.getDate(1)).as("row %d", rowsRead).isEqualTo(Date.valueOf(day)).hasToString(day.toString());
        rowsRead++;
      }
    } finally {
      TimeZone.setDefault(jvmZone);
    }
    assertThat(rowsRead).isEqualTo(72);
  }

  @ParameterizedTest(name = "timezone={0}")
  @ValueSource(strings = {"UTC", "Europe/Paris", "America/Los_Angeles"})
  void currentDateIsTodayInTheReportZone(String timezone) throws SQLException {
    ZoneId zone = ZoneId.of(timezone);
    try (Connection report = SandboxConnections.open("timezone=" + timezone);
        Statement statement = report.createStatement()) {
      LocalDate before = LocalDate.now(zone);
      try (ResultSet rows = statement.executeQuery("SELECT CURRENT_DATE, CURRENT_DATE - INTERVAL '3' DAY")) {
        assertThat(rows.next()).isTrue();
        LocalDate after = LocalDate.now(zone);
        assertThat(rows.getObject(1, LocalDate.class)).isIn(before, after);
        assertThat(rows.getDate(1).toLocalDate()).isEqualTo(rows.getObject(1, LocalDate.class));
        assertThat(rows.getString(1)).isEqualTo(rows.getObject(1, LocalDate.class).toString());
        assertThat(rows.getObject(2, LocalDate.class)).isEqualTo(rows.getObject(1, LocalDate.class).minusDays(3));
      }
    }
  }

  @ParameterizedTest(name = "timezone={0}")
  @ValueSource(strings = {"UTC", "Europe/Paris", "America/Los_Angeles"})
  void everyWayOfBindingADayBindsThatDay(String timezone) throws SQLException {
    ZoneId zone = ZoneId.of(timezone);
    Instant tenOClock = DAY.atTime(10, 0).atZone(zone).toInstant();
    Map<String, Binder> binders = Map.ofEntries(
        Map.entry("setDate(Date.valueOf)", (s, i) -> s.setDate(i, Date.valueOf(DAY))),
        Map.entry("setDate(date, Tokyo calendar)", (s, i) -> s.setDate(i,
            new Date(DAY.atStartOfDay(ZoneId.of("Asia/Tokyo")).toInstant().toEpochMilli()), calendar("Asia/Tokyo"))),
        Map.entry("setObject(LocalDate)", (s, i) -> s.setObject(i, DAY)),
        Map.entry("setObject(LocalDate, DATE)", (s, i) -> s.setObject(i, DAY, Types.DATE)),
        Map.entry("setObject(LocalDate, VARCHAR)", (s, i) -> s.setObject(i, DAY, Types.VARCHAR)),
        Map.entry("setObject(java.sql.Date)", (s, i) -> s.setObject(i, Date.valueOf(DAY))),
        Map.entry("setObject(String, DATE)", (s, i) -> s.setObject(i, DAY.toString(), Types.DATE)),
        Map.entry("setString", (s, i) -> s.setString(i, DAY.toString())),
        Map.entry("setTimestamp", (s, i) -> s.setTimestamp(i, Timestamp.valueOf(DAY.atTime(10, 0)))),
        Map.entry("setObject(LocalDateTime, DATE)", (s, i) -> s.setObject(i, DAY.atTime(10, 0), Types.DATE)),
        Map.entry("setObject(LocalDateTime, TIMESTAMP)", (s, i) -> s.setObject(i, DAY.atTime(10, 0),
            Types.TIMESTAMP)),
        Map.entry("setObject(OffsetDateTime)", (s, i) -> s.setObject(i, tenOClock.atZone(zone).toOffsetDateTime())),
        Map.entry("setObject(OffsetDateTime, TIMESTAMP_WITH_TIMEZONE)", (s, i) -> s.setObject(i,
            tenOClock.atOffset(java.time.ZoneOffset.ofHours(-9)), Types.TIMESTAMP_WITH_TIMEZONE)),
        Map.entry("setObject(ZonedDateTime in Tokyo)", (s, i) -> s.setObject(i,
            tenOClock.atZone(ZoneId.of("Asia/Tokyo")))),
        Map.entry("setObject(Instant)", (s, i) -> s.setObject(i, tenOClock)),
        Map.entry("setObject(Instant, TIMESTAMP)", (s, i) -> s.setObject(i, tenOClock, Types.TIMESTAMP)));
    String sql = "SELECT day, SUM(clicks) AS clicks FROM statistics WHERE advertiser_id = '" + ADVERTISER + "'"
        + " AND day = ? GROUP BY day";
    try (Connection report = SandboxConnections.open("timezone=" + timezone);
        PreparedStatement statement = report.prepareStatement(sql)) {
      for (Map.Entry<String, Binder> binder : binders.entrySet()) {
        binder.getValue().bind(statement, 1);
        try (ResultSet rows = statement.executeQuery()) {
          assertThat(rows.next()).as(binder.getKey()).isTrue();
          assertThat(rows.getObject(1, LocalDate.class)).as(binder.getKey()).isEqualTo(DAY);
          assertThat(rows.next()).as(binder.getKey()).isFalse();
        }
      }
    }
  }

  @ParameterizedTest(name = "timezone={0}")
  @ValueSource(strings = {"UTC", "Europe/Paris", "America/Los_Angeles"})
  void everyWayOfBindingAnHourBindsThatHour(String timezone) throws SQLException {
    ZoneId zone = ZoneId.of(timezone);
    LocalDateTime from = DAY.atTime(5, 0);
    LocalDateTime to = DAY.atTime(8, 0);
    Map<String, Function<LocalDateTime, Object>> forms = Map.of(
        "LocalDateTime", t -> t,
        "Timestamp.valueOf", Timestamp::valueOf,
        "OffsetDateTime", t -> t.atZone(zone).toOffsetDateTime(),
        "ZonedDateTime in Tokyo", t -> t.atZone(zone).withZoneSameInstant(ZoneId.of("Asia/Tokyo")),
        "Instant", t -> t.atZone(zone).toInstant(),
        "String", t -> t.toLocalDate() + " " + t.toLocalTime() + ":00");
    String sql = "SELECT hour, SUM(clicks) AS clicks FROM statistics WHERE advertiser_id = '" + ADVERTISER + "'"
        + " AND hour >= ? AND hour < ? GROUP BY hour ORDER BY hour";
    try (Connection report = SandboxConnections.open("timezone=" + timezone);
        PreparedStatement statement = report.prepareStatement(sql)) {
      for (Map.Entry<String, Function<LocalDateTime, Object>> form : forms.entrySet()) {
        for (int target : new int[] {0, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR}) {
          String how = form.getKey() + (target == 0 ? "" : " as " + java.sql.JDBCType.valueOf(target));
          if (target == 0) {
            statement.setObject(1, form.getValue().apply(from));
            statement.setObject(2, form.getValue().apply(to));
          } else {
            statement.setObject(1, form.getValue().apply(from), target);
            statement.setObject(2, form.getValue().apply(to), target);
          }
          assertThat(hours(statement)).as(how).containsExactly(from, from.plusHours(1), from.plusHours(2));
        }
      }
      statement.setTimestamp(1, Timestamp.from(from.atZone(ZoneId.of("Asia/Tokyo")).toInstant()),
          calendar("Asia/Tokyo"));
      statement.setTimestamp(2, Timestamp.from(to.atZone(ZoneId.of("Asia/Tokyo")).toInstant()),
          calendar("Asia/Tokyo"));
      assertThat(hours(statement)).as("setTimestamp with a calendar")
          .containsExactly(from, from.plusHours(1), from.plusHours(2));
      statement.setObject(1, from, Types.DATE);
      statement.setObject(2, from.plusHours(2), Types.TIMESTAMP);
      assertThat(hours(statement)).as("a timestamp sent as a DATE is its midnight")
          .containsExactly(DAY.atStartOfDay(), DAY.atTime(1, 0), DAY.atTime(2, 0), DAY.atTime(3, 0),
              DAY.atTime(4, 0), DAY.atTime(5, 0), DAY.atTime(6, 0));
      statement.setString(1, from.toLocalDate() + " 05:00:00");
      statement.setString(2, to.toLocalDate() + " 08:00:00");
      try (ResultSet rows = statement.executeQuery()) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong("clicks")).as("clicks of the first hour, from the raw facts")
            .isEqualTo(rawClicks(from.atZone(zone).toInstant()));
      }
    }
  }

  private static List<LocalDateTime> hours(PreparedStatement statement) throws SQLException {
    List<LocalDateTime> hours = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        hours.add(rows.getObject(1, LocalDateTime.class));
      }
    }
    return hours;
  }

  private static long rawClicks(Instant hour) {
    return SandboxConnections.server().data().hourlyFacts(hour, hour.plusSeconds(3600))
        .filter(f -> f.advertiserId().equals(ADVERTISER)).mapToLong(f -> f.count("Clicks")).sum();
  }

  private static Calendar calendar(String zone) {
    return Calendar.getInstance(TimeZone.getTimeZone(zone));
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement statement, int index) throws SQLException;
  }
}
