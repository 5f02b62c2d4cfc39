package io.github.criteojdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JDBC objects' contract: conversions, statement lifecycle, closed objects and errors. */
class JdbcSurfaceTest {
  private static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC).minusDays(9);
  private static final String ONE_DAY = "SELECT campaign_id, clicks, advertiser_cost, year, day FROM statistics"
      + " WHERE advertiser_id = '10001' AND day = DATE '" + DAY + "' ORDER BY campaign_id";

  private static Connection connection;

  @BeforeAll
  static void connect() throws SQLException {
    connection = SandboxConnections.open();
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  private static void onFirstRow(String sql, ThrowingConsumer<ResultSet> check) throws Throwable {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      assertThat(rows.next()).isTrue();
      check.accept(rows);
    }
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertSqlState(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String state) {
    return assertThatThrownBy(call).isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(e.getMessage()).isEqualTo(state));
  }

  // getObject(i, Class) and the getters' conversions (JDBC 4.2 tables B-5 and B-6)

  @Test
  void reportColumnsConvertToEveryClassTheirTypeAllows() throws Throwable {
    onFirstRow(ONE_DAY, rows -> {
      String campaign = rows.getString(1);
      assertThat(campaign).containsOnlyDigits();
      long campaignId = Long.parseLong(campaign);
      assertThat(rows.getLong(1)).as("a digits-only VARCHAR id read as a number").isEqualTo(campaignId);
      assertThat(rows.getInt("campaign_id")).isEqualTo((int) campaignId);
      assertThat(rows.getObject(1, Long.class)).isEqualTo(campaignId);
      assertThat(rows.getObject(1, Integer.class)).isEqualTo((int) campaignId);
      assertThat(rows.getObject(1, BigDecimal.class)).isEqualTo(BigDecimal.valueOf(campaignId));
      assertThat(rows.getObject(1, BigInteger.class)).isEqualTo(BigInteger.valueOf(campaignId));
      assertThat(rows.getObject(1, Double.class)).isEqualTo((double) campaignId);
      assertThat(rows.getObject(1, String.class)).isEqualTo(campaign);
      assertThat(rows.getObject(1, Object.class)).isEqualTo(campaign);

      long clicks = rows.getLong(2);
      assertThat(rows.getObject(2)).isEqualTo(clicks);
      assertThat(rows.getObject(2, Long.class)).as("the column's own class").isEqualTo(clicks);
      assertThat(rows.getObject(2, Integer.class)).isEqualTo((int) clicks);
      assertThat(rows.getObject(2, BigDecimal.class)).isEqualTo(BigDecimal.valueOf(clicks));
      assertThat(rows.getObject(2, BigInteger.class)).isEqualTo(BigInteger.valueOf(clicks));
      assertThat(rows.getObject(2, Double.class)).isEqualTo((double) clicks);
      assertThat(rows.getObject(2, Float.class)).isEqualTo((float) clicks);
      assertThat(rows.getObject(2, Boolean.class)).isEqualTo(clicks != 0);
      assertThat(rows.getObject(2, String.class)).isEqualTo(Long.toString(clicks));

      BigDecimal cost = rows.getBigDecimal(3);
      assertThat(rows.getObject(3, BigDecimal.class)).isEqualTo(cost);
      assertThat(rows.getObject(3, Double.class)).isEqualTo(cost.doubleValue());
      assertThat(rows.getObject(3, Long.class)).isEqualTo(cost.longValue());
      assertThat(rows.getObject(3, BigInteger.class)).isEqualTo(cost.toBigInteger());

      assertThat(rows.getObject(4, Integer.class)).isEqualTo(DAY.getYear());
      assertThat(rows.getObject(4, Short.class)).isEqualTo((short) DAY.getYear());
      assertThat(rows.getObject(4, Long.class)).isEqualTo((long) DAY.getYear());
      assertSqlState(() -> rows.getObject(4, Byte.class), "22003").hasMessageContaining("year");
      assertSqlState(() -> rows.getByte(4), "22003");

      assertThat(rows.getObject(5, LocalDate.class)).isEqualTo(DAY);
      assertThat(rows.getObject(5, LocalDateTime.class)).isEqualTo(DAY.atStartOfDay());
      assertSqlState(() -> rows.getObject(5, Long.class), "22018").hasMessageContaining("'day' (DATE)");
      assertSqlState(() -> rows.getLong(5), "22018");
      assertSqlState(() -> rows.getObject(2, LocalDate.class), "22018").hasMessageContaining("'clicks' (BIGINT)");
      assertSqlState(() -> rows.getObject(2, StringBuilder.class), "0A000")
          .hasMessageContaining("StringBuilder").hasMessageContaining("LocalDate");
    });
  }

  @Test
  void computedColumnsOfEveryTypeConvert() throws Throwable {
    onFirstRow("SELECT CAST(7 AS TINYINT) AS t, CAST(300 AS SMALLINT) AS s, CAST(1.5 AS REAL) AS r,"
        + " CAST(2.25 AS DOUBLE) AS d, 1 = 1 AS b, TIME '10:30:15' AS tm, CAST('x' AS CHAR(1)) AS c, '0' AS zero", rows -> {
          assertThat(rows.getObject(1, Byte.class)).isEqualTo((byte) 7);
          assertThat(rows.getObject(1, Integer.class)).isEqualTo(7);
          assertThat(rows.getObject(2, Short.class)).isEqualTo((short) 300);
          assertSqlState(() -> rows.getObject(2, Byte.class), "22003");
          assertThat(rows.getObject(3, Float.class)).isEqualTo(1.5f);
          assertThat(rows.getObject(3, Double.class)).isEqualTo(1.5d);
          assertThat(rows.getObject(4, Double.class)).isEqualTo(2.25d);
          assertThat(rows.getObject(4, BigDecimal.class)).isEqualByComparingTo("2.25");
          assertThat(rows.getObject(4, Long.class)).isEqualTo(2L);
          assertThat(rows.getObject(5, Boolean.class)).isTrue();
          assertThat(rows.getObject(5, Integer.class)).isEqualTo(1);
          assertThat(rows.getObject(6, LocalTime.class)).isEqualTo(LocalTime.of(10, 30, 15));
          assertThat(rows.getObject(6, Time.class)).isEqualTo(Time.valueOf(LocalTime.of(10, 30, 15)));
          assertThat(rows.getTime(6).toLocalTime()).isEqualTo(LocalTime.of(10, 30, 15));
          assertThat(rows.getObject(7, String.class)).isEqualTo("x");
          assertSqlState(() -> rows.getLong(7), "22018").hasMessageContaining("'c'").hasMessageContaining("'x'");
          assertThat(rows.getBoolean(8)).isFalse();
          assertThat(rows.getObject(8, Boolean.class)).isFalse();
        });
  }

  @Test
  void nullsAreNullObjectsAndZeroPrimitivesWithWasNull() throws Throwable {
    onFirstRow("SELECT CAST(NULL AS BIGINT) AS n, CAST(NULL AS DATE) AS d, CAST(NULL AS TIMESTAMP) AS ts,"
        + " CAST(NULL AS VARCHAR(5)) AS v, CAST(NULL AS BOOLEAN) AS b, CAST(NULL AS DECIMAL(10, 2)) AS m", rows -> {
          Class<?>[] classes = {Long.class, Integer.class, Short.class, Byte.class, Double.class, Float.class,
              BigDecimal.class, BigInteger.class, Boolean.class, String.class, Object.class};
          for (Class<?> type : classes) {
            for (int column : new int[] {1, 4, 6}) {
              assertThat(rows.getObject(column, type)).as(column + " as " + type).isNull();
              assertThat(rows.wasNull()).isTrue();
            }
          }
          assertThat(rows.getLong(1)).isZero();
          assertThat(rows.wasNull()).isTrue();
          assertThat(rows.getInt(4)).as("a null VARCHAR read as a number").isZero();
          assertThat(rows.wasNull()).isTrue();
          assertThat(rows.getBoolean(5)).isFalse();
          assertThat(rows.wasNull()).isTrue();
          assertThat(rows.getObject(5, Boolean.class)).isNull();
          assertThat(rows.getDouble(6)).isZero();
          assertThat(rows.wasNull()).isTrue();
          for (Class<?> type : new Class<?>[] {LocalDate.class, LocalDateTime.class, java.sql.Date.class,
              java.sql.Timestamp.class, java.time.Instant.class, java.time.OffsetDateTime.class}) {
            assertThat(rows.getObject(2, type)).as("DATE as " + type).isNull();
            assertThat(rows.getObject(3, type)).as("TIMESTAMP as " + type).isNull();
          }
          assertThat(rows.getDate(2)).isNull();
          assertThat(rows.getTimestamp(3)).isNull();
          assertThat(rows.getObject(2)).isNull();
          assertThat(rows.wasNull()).isTrue();
        });
  }

  @Test
  void badColumnIndexesAndLabelsSaySo() throws Throwable {
    onFirstRow("SELECT 1 AS one, 2 AS two", rows -> {
      assertSqlState(() -> rows.getLong(3), "07009").hasMessageContaining("2 column(s)");
      assertSqlState(() -> rows.getObject(0, Long.class), "07009");
      assertSqlState(() -> rows.getString("three"), "42S22").hasMessageContaining("one, two");
    });
  }

  @Test
  void resultSetMetaDataAgreesWithGetColumns() throws SQLException {
    Map<String, Integer> columnSizes = new HashMap<>();
    try (ResultSet columns = connection.getMetaData().getColumns(null, "criteo", "statistics", "%")) {
      while (columns.next()) {
        columnSizes.put(columns.getString("COLUMN_NAME"), columns.getInt("COLUMN_SIZE"));
      }
    }
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT campaign_id, campaign, clicks, advertiser_cost, day, hour,"
            + " year, click_through_rate FROM statistics WHERE 1 = 0")) {
      ResultSetMetaData meta = rows.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        String name = meta.getColumnName(i);
        assertThat(meta.getPrecision(i)).as(name).isEqualTo(columnSizes.get(name));
        assertThat(meta.getColumnDisplaySize(i)).as(name).isPositive();
      }
      assertThat(meta.getColumnType(1)).isEqualTo(Types.VARCHAR);
      assertThat(meta.getColumnDisplaySize(4)).as("DECIMAL(24, 6): sign, digits, point").isEqualTo(26);
      assertThat(meta.getColumnDisplaySize(5)).isEqualTo(10);
      assertThat(meta.getColumnDisplaySize(6)).isEqualTo(19);
    }
  }

  // Statements

  @Test
  void anIdleCancelDoesNotFailLaterExecutions() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.cancel();
      try (ResultSet rows = statement.executeQuery("SELECT 1")) {
        assertThat(rows.next()).isTrue();
      }
      statement.cancel();
      try (ResultSet rows = statement.executeQuery("SELECT 2")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getInt(1)).isEqualTo(2);
      }
    }
    try (PreparedStatement prepared = connection.prepareStatement("SELECT ? + 1")) {
      prepared.setInt(1, 41);
      prepared.cancel();
      for (int run = 0; run < 2; run++) {
        try (ResultSet rows = prepared.executeQuery()) {
          assertThat(rows.next()).isTrue();
          assertThat(rows.getInt(1)).isEqualTo(42);
        }
        prepared.cancel();
      }
    }
  }

  @Test
  void thereIsNoResultAfterGetMoreResults() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      assertThat(statement.execute("SELECT 1")).isTrue();
      ResultSet first = statement.getResultSet();
      assertThat(first).isNotNull();
      assertThat(statement.getUpdateCount()).isEqualTo(-1);

      assertThat(statement.getMoreResults()).isFalse();
      assertThat(statement.getResultSet()).isNull();
      assertThat(statement.getUpdateCount()).isEqualTo(-1);
      assertThat(first.isClosed()).isTrue();
    }
  }

  @Test
  void closedObjectsSayWhatIsClosed() throws SQLException {
    Connection closing = SandboxConnections.open();
    Statement statement = closing.createStatement();
    PreparedStatement prepared = closing.prepareStatement("SELECT 1");
    ResultSet rows = statement.executeQuery("SELECT 1");
    rows.close();
    assertThat(rows.isClosed()).isTrue();
    assertSqlState(rows::next, "24000");
    assertSqlState(() -> rows.getString(1), "24000");
    assertSqlState(() -> rows.getObject(1, Long.class), "24000");

    statement.close();
    assertThat(statement.isClosed()).isTrue();
    assertSqlState(() -> statement.executeQuery("SELECT 1"), "HY010");
    assertSqlState(statement::getResultSet, "HY010");

    closing.close();
    assertThat(closing.isClosed()).isTrue();
    assertThat(prepared.isClosed()).isTrue();
    assertSqlState(closing::createStatement, "08003");
    assertSqlState(() -> closing.prepareStatement("SELECT 1"), "08003");
    assertSqlState(closing::getMetaData, "08003");
    assertSqlState(closing::getAutoCommit, "08003");
    assertSqlState(prepared::executeQuery, "08003");
  }

  // Errors

  @ParameterizedTest
  @ValueSource(strings = {"DELETE FROM statistics", "INSERT INTO statistics (clicks) VALUES (1)",
      "UPDATE statistics SET clicks = 0", "MERGE INTO statistics s USING statistics t ON s.day = t.day"
      + " WHEN MATCHED THEN UPDATE SET clicks = 0", "CREATE TABLE t (a INT)", "DROP TABLE statistics",
      "  /* why not */ delete from statistics", "EXPLAIN PLAN FOR DELETE FROM statistics"})
  void statementsThatChangeDataAreRefusedShortlyBeforePlanning(String sql) throws SQLException {
    long reports = SandboxConnections.reportsCreated();
    try (Statement statement = connection.createStatement()) {
      for (org.assertj.core.api.ThrowableAssert.ThrowingCallable call
          : new org.assertj.core.api.ThrowableAssert.ThrowingCallable[] {
              () -> statement.executeQuery(sql), () -> statement.execute(sql), () -> statement.executeUpdate(sql),
              () -> statement.addBatch(sql), () -> connection.prepareStatement(sql)}) {
        assertSqlState(call, "25006").hasMessageStartingWith("The driver is read-only")
            .hasMessageContaining("only SELECT")
            .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
      }
    }
    assertThat(SandboxConnections.reportsCreated()).isEqualTo(reports);
  }

  @Test
  void aTypeMismatchIsAnInvalidCastNotAnInitializerError() {
    assertSqlState(() -> onFirstRow("SELECT clicks + 'a' FROM statistics", rows -> { }), "22018")
        .hasMessageContaining("'a' is not a number");
  }

  @Test
  void aMisspeltKeywordReportsWhereTheSyntaxErrorIs() {
    assertSqlState(() -> onFirstRow("SELEC 1", rows -> { }), "42000")
        .hasMessageContaining("line 1, column 1");
    assertSqlState(() -> onFirstRow("SELECT clicks\nFROM statistics WHERE", rows -> { }), "42000")
        .hasMessageContaining("line 2, column");
  }

  @Test
  void divisionByZeroIsItsOwnError() {
    assertSqlState(() -> onFirstRow("SELECT clicks / 0 FROM statistics WHERE day = DATE '" + DAY + "'", rows -> { }),
        "22012").hasMessage("Division by zero");
  }

  @Test
  void aRateLimitedQueryFailsWithATransientError() {
    SQLException translated = SqlErrors.translate(new io.github.criteojdbc.client.CriteoApiException(429,
        java.util.List.of(), "Still rate limited after 4 attempts"));
    assertThat((Throwable) translated).isInstanceOf(SQLTransientException.class);
  }

  @Test
  void databaseMetaDataStaysReadOnlyWhateverTheConnectionSays() throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    assertThat(meta.isReadOnly()).isTrue();
    assertThat(meta.getConnection()).isSameAs(connection);
  }
}
