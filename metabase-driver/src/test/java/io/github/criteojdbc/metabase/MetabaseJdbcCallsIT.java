package io.github.criteojdbc.metabase;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.summingLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.criteojdbc.sandbox.LoggedRequest;
import io.github.criteojdbc.sandbox.ReportAsked;
import io.github.criteojdbc.sandbox.data.HourlyFact;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JDBC calls of Metabase's {@code sql-jdbc.execute} around every query, made on the plugin jar's driver in the
 * order Metabase makes them: connection set-up, the statement options, parameter metadata, {@code java.time}
 * parameters, {@code getObject} with a class, cancel and the query timeout.
 */
class MetabaseJdbcCallsIT {
  private static final LocalDateTime NOW = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
  private static final String HOURLY = "-- Metabase:: userID: 1 queryType: MBQL queryHash: 0a9e\n"
      + "SELECT \"criteo\".\"statistics\".\"hour\" AS \"hour\", \"criteo\".\"statistics\".\"day\" AS \"day\","
      + " SUM(\"criteo\".\"statistics\".\"clicks\") AS \"sum\" FROM \"criteo\".\"statistics\""
      + " WHERE \"criteo\".\"statistics\".\"hour\" >= ? AND \"criteo\".\"statistics\".\"hour\" < ?"
      + " GROUP BY \"criteo\".\"statistics\".\"hour\", \"criteo\".\"statistics\".\"day\""
      + " ORDER BY \"criteo\".\"statistics\".\"hour\" ASC";
  private static MetabaseConnections connections;
  private final ExecutorService canceller = Executors.newSingleThreadExecutor();

  @BeforeAll
  static void start() {
    connections = new MetabaseConnections();
  }

  @AfterAll
  static void stop() {
    connections.close();
  }

  @AfterEach
  void resetFaults() {
    canceller.shutdownNow();
    connections.sandbox().faults().reset();
  }

  @Test
  void connectionTakesMetabasesReadOnlyUncommittedSetUp() throws SQLException {
    try (Connection connection = metabaseConnection()) {
      assertThat(connection.isReadOnly()).isTrue();
      assertThat(connection.getAutoCommit()).isFalse();
      assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_UNCOMMITTED);
    }
  }

  @Test
  void statementTakesMetabasesOptionsAndDescribesItsParameters() throws SQLException {
    try (Connection connection = metabaseConnection(); PreparedStatement statement = metabaseStatement(connection)) {
      assertThat(statement.getResultSetType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
      assertThat(statement.getResultSetConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
      assertThat(statement.getFetchDirection()).isEqualTo(ResultSet.FETCH_FORWARD);
      assertThat(statement.getFetchSize()).isEqualTo(500);
      ParameterMetaData parameters = statement.getParameterMetaData();
      assertThat(parameters.getParameterCount()).isEqualTo(2);
      assertThat(parameters.getParameterType(1)).isEqualTo(Types.TIMESTAMP);
    }
  }

  @Test
  void localDateTimeParametersReadTheirHoursAsOneHourlyReport() throws SQLException {
    LocalDateTime from = NOW.minusHours(30);
    Map<LocalDateTime, Long> clicks = new TreeMap<>();

    List<ReportAsked> sent = connections.reportsSentBy(() -> {
      try (Connection connection = metabaseConnection(); PreparedStatement statement = metabaseStatement(connection)) {
        statement.setObject(1, from);
        statement.setObject(2, NOW);
        readHours(statement, clicks);
      }
    });

    assertThat(sent).singleElement().satisfies(report -> {
      assertThat(report.dimensions()).contains("Hour");
      assertThat(report.startDate()).isEqualTo(from.toLocalDate());
      assertThat(report.endDate()).isEqualTo(NOW.toLocalDate());
    });
    assertThat(clicks).isEqualTo(hourlyClicks(from, NOW));
  }

  /** {@code set-parameter} for an {@code OffsetDateTime}: {@code setObject(i, v, TIMESTAMP_WITH_TIMEZONE)}. */
  @Test
  void offsetDateTimeParametersInAnotherOffsetMeanTheSameInstants() throws SQLException {
    LocalDateTime from = NOW.minusHours(20);
    ZoneOffset paris = ZoneOffset.ofHours(1);
    Map<LocalDateTime, Long> clicks = new TreeMap<>();

    try (Connection connection = metabaseConnection(); PreparedStatement statement = metabaseStatement(connection)) {
      statement.setObject(1, from.atOffset(ZoneOffset.UTC).withOffsetSameInstant(paris), Types.TIMESTAMP_WITH_TIMEZONE);
      statement.setObject(2, NOW.atOffset(ZoneOffset.UTC).withOffsetSameInstant(paris), Types.TIMESTAMP_WITH_TIMEZONE);
      readHours(statement, clicks);
    }

    assertThat(clicks).isEqualTo(hourlyClicks(from, NOW));
  }

  @Test
  void localDateParametersBindTheDay() throws SQLException {
    LocalDate day = NOW.toLocalDate().minusDays(2);
    long clicks;
    try (Connection connection = metabaseConnection();
        PreparedStatement statement = connection.prepareStatement("SELECT SUM(\"clicks\") AS \"sum\""
            + " FROM \"criteo\".\"statistics\" WHERE \"day\" = ?", ResultSet.TYPE_FORWARD_ONLY,
            ResultSet.CONCUR_READ_ONLY, ResultSet.CLOSE_CURSORS_AT_COMMIT)) {
      statement.setObject(1, day, Types.DATE);
      try (ResultSet rows = statement.executeQuery()) {
        assertThat(rows.next()).isTrue();
        clicks = rows.getLong(1);
      }
    }
    assertThat(clicks).isEqualTo(hourlyClicks(day.atStartOfDay(), day.plusDays(1).atStartOfDay())
        .values().stream().mapToLong(Long::longValue).sum());
  }

  /** Metabase reads {@code DATE} as {@code LocalDate}, {@code TIMESTAMP} as {@code LocalDateTime} or, zoned, {@code OffsetDateTime}. */
  @Test
  void datesAndTimestampsReadAsTheJavaTimeClassesMetabaseAsksFor() throws SQLException {
    try (Connection connection = metabaseConnection(); PreparedStatement statement = metabaseStatement(connection)) {
      statement.setObject(1, NOW.minusHours(3));
      statement.setObject(2, NOW);
      try (ResultSet rows = statement.executeQuery()) {
        assertThat(rows.next()).isTrue();
        LocalDateTime hour = rows.getObject("hour", LocalDateTime.class);
        assertThat(hour).isEqualTo(NOW.minusHours(3));
        assertThat(rows.getObject("hour", OffsetDateTime.class)).isEqualTo(hour.atOffset(ZoneOffset.UTC));
        assertThat(rows.getObject("day", LocalDate.class)).isEqualTo(hour.toLocalDate());
        assertThat(rows.getMetaData().getColumnType(1)).isEqualTo(Types.TIMESTAMP);
        assertThat(rows.getMetaData().getColumnType(2)).isEqualTo(Types.DATE);
      }
    }
  }

  /**
   * Metabase cancels the statement from another thread when the user leaves the question. The hours are of days no
   * other test reads, so that no cached report answers.
   */
  @Test
  void cancelFromAnotherThreadFailsTheQueryAndStopsItsPolling() throws Exception {
    connections.sandbox().faults().neverFinish(true);
    try (Connection connection = metabaseConnection(); PreparedStatement statement = metabaseStatement(connection)) {
      statement.setObject(1, NOW.minusDays(40));
      statement.setObject(2, NOW.minusDays(39));
      long creationsBefore = connections.reportsCreated();
      Future<?> cancel = canceller.submit(() -> {
        while (connections.reportsCreated() == creationsBefore) {
          Thread.sleep(10);
        }
        statement.cancel();
        return null;
      });
      assertThatThrownBy(statement::executeQuery).isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("HY008"));
      cancel.get();
    }
    assertNoReportCallAfterAQuietSpell();
  }

  @Test
  void queryTimeoutFailsWithATimeoutError() throws SQLException {
    connections.sandbox().faults().neverFinish(true);
    try (Connection connection = metabaseConnection(); PreparedStatement statement = metabaseStatement(connection)) {
      statement.setQueryTimeout(1);
      statement.setObject(1, NOW.minusDays(50));
      statement.setObject(2, NOW.minusDays(49));
      assertThatThrownBy(statement::executeQuery).isInstanceOf(SQLTimeoutException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("HYT00"));
    }
  }

  /**
   * {@code sql-jdbc.execute/connection-with-timezone} and {@code do-with-connection-with-options}, without cache so
   * that each test's query sends its own report request.
   */
  private static Connection metabaseConnection() throws SQLException {
    Connection connection = connections.connectWithoutCache();
    connection.setReadOnly(true);
    connection.setAutoCommit(false);
    connection.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
    return connection;
  }

  /** {@code sql-jdbc.execute/prepared-statement}. */
  private static PreparedStatement metabaseStatement(Connection connection) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(HOURLY, ResultSet.TYPE_FORWARD_ONLY,
        ResultSet.CONCUR_READ_ONLY, ResultSet.CLOSE_CURSORS_AT_COMMIT);
    statement.setFetchDirection(ResultSet.FETCH_FORWARD);
    statement.setFetchSize(500);
    assertThat(statement.getParameterMetaData().getParameterCount()).isEqualTo(2);
    return statement;
  }

  private static void readHours(PreparedStatement statement, Map<LocalDateTime, Long> clicks) throws SQLException {
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        clicks.put(rows.getObject("hour", LocalDateTime.class), rows.getLong("sum"));
      }
    }
  }

  /** Raw clicks of the connection's advertisers per UTC hour in [from, to). */
  private static Map<LocalDateTime, Long> hourlyClicks(LocalDateTime from, LocalDateTime to) {
    return new TreeMap<>(connections.facts(from, to).collect(groupingBy(MetabaseJdbcCallsIT::hour, summingLong(fact -> fact.count("Clicks")))));
  }

  private static LocalDateTime hour(HourlyFact fact) {
    return LocalDateTime.ofInstant(fact.hour(), ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
  }

  /**
   * A poll already on the wire when the query stopped may reach the log late, so the log must first fall quiet (it
   * never does while a report is polled every 50 ms); then no call may follow for a second.
   */
  private static void assertNoReportCallAfterAQuietSpell() throws InterruptedException {
    Duration quiet = Duration.ofMillis(500);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    long calls = reportCalls();
    long quietSince = System.nanoTime();
    while (System.nanoTime() - quietSince < quiet.toNanos()) {
      assertThat(System.nanoTime()).as("the request log fell quiet for %s", quiet).isLessThan(deadline);
      Thread.sleep(20);
      long now = reportCalls();
      if (now != calls) {
        calls = now;
        quietSince = System.nanoTime();
      }
    }
    Thread.sleep(1000);
    assertThat(reportCalls()).as("report calls after the cancel").isEqualTo(calls);
  }

  private static long reportCalls() {
    return connections.sandbox().requestLog().count(LoggedRequest::isReportCall);
  }
}
