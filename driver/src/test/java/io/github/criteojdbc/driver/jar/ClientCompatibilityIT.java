package io.github.criteojdbc.driver.jar;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.sandbox.SandboxServer;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JDBC call sequences of DBeaver, DataGrip, Metabase and Spark, replayed on the shaded jar
 * against a sandbox whose request log shows which calls created reports.
 */
class ClientCompatibilityIT {
  private static final List<String> ADVERTISERS = List.of("10001", "10002", "10003");
  private static SandboxServer sandbox;
  private static Driver driver;
  private long reportsBefore;

  @BeforeAll
  static void start() {
    sandbox = SandboxServer.start();
    driver = ShadedJar.driver();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void countReports() {
    reportsBefore = reportsCreated();
  }

  /** As the tools pass them: the URL's pairs, and the credentials as JDBC user and password. */
  private static Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", sandbox.clientId());
    properties.setProperty("password", sandbox.clientSecret());
    return driver.connect("jdbc:criteo:baseUrl=" + sandbox.baseUrl()
        + ";advertiserIds=" + String.join(",", ADVERTISERS) + ";pollIntervalSeconds=0.05;maxCallsPerMinute=100000", properties);
  }

  @Test
  void dbeaverConnectsReadsMetadataAndOpensATable() throws SQLException {
    try (Connection connection = connect()) {
      connection.setReadOnly(true);
      connection.setAutoCommit(true);
      connection.getTransactionIsolation();
      DatabaseMetaData meta = connection.getMetaData();
      assertThat(meta.getDatabaseProductName()).isEqualTo("Criteo");
      assertThat(meta.getDatabaseProductVersion()).isNotBlank();
      assertThat(meta.getDriverName()).isEqualTo("criteo-jdbc");
      assertThat(meta.getDriverVersion()).isEqualTo(System.getProperty("project.version"));
      meta.getDatabaseMajorVersion();
      meta.getDatabaseMinorVersion();
      assertThat(meta.getIdentifierQuoteString()).isEqualTo("\"");
      meta.getSchemaTerm();
      meta.getProcedureTerm();
      meta.getCatalogTerm();
      meta.supportsBatchUpdates();
      meta.getSQLStateType();
      meta.supportsMixedCaseQuotedIdentifiers();
      meta.storesLowerCaseIdentifiers();
      meta.getSearchStringEscape();
      meta.getCatalogSeparator();
      meta.supportsSchemasInTableDefinitions();
      meta.getExtraNameCharacters();
      meta.isCatalogAtStart();
      assertThat(meta.getSQLKeywords()).isNotNull();
      assertThat(meta.getNumericFunctions()).isNotNull();
      assertThat(meta.getStringFunctions()).isNotNull();
      assertThat(meta.getTimeDateFunctions()).isNotNull();
      assertThat(rows(meta.getTypeInfo(), "TYPE_NAME")).contains("VARCHAR", "DECIMAL", "DATE");
      assertThat(rows(meta.getCatalogs(), "TABLE_CAT")).hasSizeLessThanOrEqualTo(1);
      assertThat(rows(meta.getSchemas(), "TABLE_SCHEM")).hasSizeGreaterThan(1).contains("criteo");
      assertThat(rows(meta.getTableTypes(), "TABLE_TYPE")).contains("TABLE");
      assertThat(rows(meta.getTables(null, "criteo", "%", new String[] {"TABLE", "VIEW"}), "TABLE_NAME"))
          .contains("statistics");
      assertThat(rows(meta.getColumns(null, "criteo", "statistics", "%"), "REMARKS")).doesNotContainNull();
      assertThat(rows(meta.getPrimaryKeys(null, "criteo", "statistics"), "COLUMN_NAME")).isEmpty();
      assertThat(rows(meta.getIndexInfo(null, "criteo", "statistics", false, true), "INDEX_NAME")).isEmpty();
      assertThat(rows(meta.getImportedKeys(null, "criteo", "statistics"), "PKTABLE_NAME")).isEmpty();
      assertThat(connection.isValid(5)).isTrue();
      assertThat(rows(meta.getTables(null, null, "dbeaver_ping_probe", null), "TABLE_NAME")).isEmpty();
      assertThat(reportsCreated()).as("reports created by connect, metadata and ping").isEqualTo(reportsBefore);

      try (Statement statement = connection.createStatement()) {
        statement.setMaxRows(200);
        statement.setFetchSize(200);
        assertThat(statement.execute("SELECT * FROM criteo.statistics")).isTrue();
        try (ResultSet page = statement.getResultSet()) {
          assertThat(page.getType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
          int read = 0;
          while (page.next()) {
            read++;
          }
          assertThat(read).isBetween(1, 200);
        }
        assertThat((Object) statement.getWarnings()).as("the default date window is announced").isNotNull();
      }
    }
  }

  @Test
  void dataGripIntrospectsFunctionsAndProceduresToo() throws SQLException {
    try (Connection connection = connect()) {
      DatabaseMetaData meta = connection.getMetaData();
      rows(meta.getCatalogs(), "TABLE_CAT");
      assertThat(rows(meta.getSchemas(null, "%"), "TABLE_SCHEM")).contains("criteo");
      assertThat(rows(meta.getTables(null, "criteo", null, null), "TABLE_NAME")).contains("statistics");
      assertThat(rows(meta.getColumns(null, "criteo", "statistics", null), "COLUMN_NAME")).contains("day", "clicks");
      rows(meta.getFunctions(null, "criteo", null), "FUNCTION_NAME");
      rows(meta.getProcedures(null, "criteo", null), "PROCEDURE_NAME");
      rows(meta.getProcedureColumns(null, "criteo", null, null), "COLUMN_NAME");
      rows(meta.getUDTs(null, "criteo", null, null), "TYPE_NAME");
      rows(meta.getSuperTables(null, "criteo", "%"), "TABLE_NAME");
      assertThat(reportsCreated()).isEqualTo(reportsBefore);

      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT day, campaign_id, clicks, advertiser_cost FROM statistics"
              + " WHERE day = CURRENT_DATE - INTERVAL '1' DAY AND advertiser_id = '10001'")) {
        ResultSetMetaData columns = rows.getMetaData();
        assertThat(columns.getColumnType(1)).isEqualTo(Types.DATE);
        assertThat(columns.getColumnType(3)).isEqualTo(Types.BIGINT);
        assertThat(columns.getColumnType(4)).isEqualTo(Types.DECIMAL);
        assertThat(columns.getScale(4)).isEqualTo(6);
        assertThat(columns.isNullable(3)).isEqualTo(ResultSetMetaData.columnNullable);
        assertThat(columns.getColumnClassName(4)).isEqualTo("java.math.BigDecimal");
        assertThat(rows.next()).isTrue();
      }
    }
  }

  @Test
  void metabaseSyncsFingerprintsAndQueries() throws SQLException {
    try (Connection connection = connect()) {
      DatabaseMetaData meta = connection.getMetaData();
      List<String> tables = rows(meta.getTables(null, "criteo", "%", new String[] {"TABLE", "VIEW",
          "FOREIGN TABLE", "MATERIALIZED VIEW", "EXTERNAL TABLE"}), "TABLE_NAME");
      for (String table : tables) {
        assertThat(rows(meta.getColumns(null, "criteo", table, "%"), "TYPE_NAME")).isNotEmpty();
      }
      assertThat(reportsCreated()).isEqualTo(reportsBefore);

      long fingerprinted = count(connection, "SELECT \"criteo\".\"statistics\".\"day\" AS \"day\","
          + " \"criteo\".\"statistics\".\"campaign\" AS \"campaign\", \"criteo\".\"statistics\".\"clicks\" AS \"clicks\""
          + " FROM \"criteo\".\"statistics\" LIMIT 10000");
      long questioned = count(connection, "SELECT \"source\".\"day\" AS \"day\", SUM(\"source\".\"clicks\") AS \"sum\""
          + " FROM (SELECT \"criteo\".\"statistics\".\"day\" AS \"day\", \"criteo\".\"statistics\".\"clicks\""
          + " AS \"clicks\" FROM \"criteo\".\"statistics\") AS \"source\" GROUP BY \"source\".\"day\""
          + " ORDER BY \"source\".\"day\" ASC LIMIT 2000");

      assertThat(fingerprinted).isBetween(1L, 10_000L);
      assertThat(questioned).as("one row per day with facts in the default 7-day window")
          .isEqualTo(daysWithFactsInTheDefaultWindow());
    }
  }

  @Test
  void sparkResolvesTheSchemaWithoutAReportThenReadsDatePartitions() throws SQLException {
    String query = "SELECT day, campaign_id, clicks FROM statistics";
    try (Connection connection = connect()) {
      try (Statement statement = connection.createStatement()) {
        statement.setQueryTimeout(30);
        try (ResultSet empty = statement.executeQuery("SELECT * FROM (" + query + ") SPARK_GEN_SUBQ_0 WHERE 1=0")) {
          ResultSetMetaData schema = empty.getMetaData();
          assertThat(schema.getColumnCount()).isEqualTo(3);
          assertThat(schema.getColumnName(1)).isEqualTo("day");
          assertThat(schema.getColumnType(1)).isEqualTo(Types.DATE);
          assertThat(schema.getColumnType(3)).isEqualTo(Types.BIGINT);
          assertThat(empty.next()).isFalse();
        }
      }
      assertThat(reportsCreated()).as("reports created by Spark's schema probe").isEqualTo(reportsBefore);

      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      LocalDate start = today.minusDays(20);
      LocalDate middle = today.minusDays(12);
      LocalDate end = today.minusDays(4);
      String[] predicates = {
          "\"day\" < '" + middle + "' OR \"day\" IS NULL",
          "\"day\" >= '" + middle + "' AND \"day\" < '" + end + "'",
      };
      long[] expected = {clicksOfDays(start, middle), clicksOfDays(middle, end)};
      long[] partitions = new long[predicates.length];
      for (int partition = 0; partition < predicates.length; partition++) {
        partitions[partition] = sumClicks(connection, "SELECT \"day\",\"clicks\" FROM (" + query + " WHERE day >= '"
            + start + "') SPARK_GEN_SUBQ_1 WHERE " + predicates[partition]);
      }
      long whole = sumClicks(connection, "SELECT day, clicks FROM statistics WHERE day >= '" + start
          + "' AND day < '" + end + "'");

      assertThat(expected[0]).as("clicks before %s", middle).isPositive();
      assertThat(expected[1]).as("clicks from %s", middle).isPositive();
      assertThat(partitions).as("clicks of each date partition").containsExactly(expected);
      assertThat(whole).isEqualTo(expected[0] + expected[1]);
    }
  }

  /**
   * The default window is today and the 6 days before (UTC); today has no facts yet just after midnight, so the
   * count comes from the facts rather than the calendar.
   */
  private static long daysWithFactsInTheDefaultWindow() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return sandbox.data().hourlyFacts(today.minusDays(6).atStartOfDay(ZoneOffset.UTC).toInstant(),
            today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
        .filter(fact -> ADVERTISERS.contains(fact.advertiserId()))
        .map(fact -> LocalDate.ofInstant(fact.hour(), ZoneOffset.UTC))
        .distinct()
        .count();
  }

  /** The sandbox's raw clicks of the connection's advertisers over UTC days {@code first} until {@code end}. */
  private static long clicksOfDays(LocalDate first, LocalDate end) {
    return sandbox.data().hourlyFacts(first.atStartOfDay(ZoneOffset.UTC).toInstant(),
            end.atStartOfDay(ZoneOffset.UTC).toInstant())
        .filter(fact -> ADVERTISERS.contains(fact.advertiserId()))
        .mapToLong(fact -> fact.count("Clicks"))
        .sum();
  }

  private static long sumClicks(Connection connection, String sql) throws SQLException {
    long clicks = 0;
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(1000);
      try (ResultSet rows = statement.executeQuery(sql)) {
        while (rows.next()) {
          clicks += rows.getLong("clicks");
        }
      }
    }
    return clicks;
  }

  private static long count(Connection connection, String sql) throws SQLException {
    long count = 0;
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        count++;
      }
    }
    return count;
  }

  private static List<String> rows(ResultSet rows, String column) throws SQLException {
    List<String> values = new ArrayList<>();
    try (rows) {
      while (rows.next()) {
        values.add(rows.getString(column));
      }
    }
    return values;
  }

  private static long reportsCreated() {
    return sandbox.requestLog().reportCreations();
  }
}
