package io.github.criteojdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.criteojdbc.sandbox.LoggedRequest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code criteo_driver} schema shows the reports queries read, the cache and the call budget,
 * as plain SQL from any client. Call counts and report ids are checked against the sandbox's
 * request log. The connection's zone is one no other test uses, so its requests are told apart in
 * tables shared by every connection of the application.
 */
class DriverStateSchemaTest {
  private static final String ZONE = "America/St_Johns";
  private static final String QUERY = "SELECT campaign_id, SUM(clicks) AS clicks FROM statistics"
      + " WHERE day = CURRENT_DATE - INTERVAL '2' DAY GROUP BY campaign_id";
  private static final String OUR_REPORTS = "SELECT table_name, request, report_id, status, rows_read, calls,"
      + " from_cache, budget_wait_seconds FROM criteo_driver.reports WHERE request LIKE '%timezone=" + ZONE + "%'";

  /**
   * The sandbox closes connections idle for 2 s: the first call after a pause may be sent on one
   * it just closed, spend its slot, never arrive and be sent again, so the driver counts one more.
   */
  private static final String SENT_NOT_ARRIVED = "one call may have been sent on a connection the sandbox had"
      + " just closed";

  private static Connection connection;

  @BeforeAll
  static void connect() throws SQLException {
    connection = SandboxConnections.open("timezone=" + ZONE + ";recentCacheTtlSeconds=300");
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  private static List<Map<String, Object>> rows(String sql) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= columns; i++) {
          row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static long reportCalls() {
    return SandboxConnections.server().requestLog().reportCalls();
  }

  /**
   * Runs the query for a day no other test of the class asks for, so the first run creates its
   * report, then again from the cache: its row count and the report calls of the first run.
   */
  private static int[] runTwice(int daysBack) throws SQLException {
    String sql = QUERY.replace("'2' DAY", "'" + daysBack + "' DAY");
    long before = reportCalls();
    int rowCount = rows(sql).size();
    int calls = (int) (reportCalls() - before);
    assertThat(calls).as("the first run creates its report").isGreaterThanOrEqualTo(3);
    assertThat(rows(sql)).hasSize(rowCount);
    return new int[] {rowCount, calls};
  }

  @Test
  void reportsListTheReportsJustReadWithTheirCallsAndWhetherTheCacheAnswered() throws SQLException {
    int[] outcome = runTwice(1);
    List<Map<String, Object>> ours = rows(OUR_REPORTS);

    Map<String, Object> cached = ours.get(0);
    Map<String, Object> fetched = ours.get(1);
    assertThat(cached).containsEntry("from_cache", true).containsEntry("calls", 0).containsEntry("status", "read")
        .containsEntry("rows_read", (long) outcome[0]);
    assertThat(cached.get("report_id")).isNull();
    assertThat(fetched).containsEntry("table_name", "statistics").containsEntry("from_cache", false)
        .containsEntry("status", "read").containsEntry("rows_read", (long) outcome[0]);
    assertThat((Integer) fetched.get("calls")).as(SENT_NOT_ARRIVED).isBetween(outcome[1], outcome[1] + 1);
    String reportId = (String) fetched.get("report_id");
    assertThat(SandboxConnections.server().requestLog().all()).as("the report id the API gave")
        .anyMatch(r -> r.isReportCall() && r.decodedPath().contains(reportId));
    assertThat((String) fetched.get("request")).contains("dimensions=[CampaignId]", "metrics=[Clicks]");
  }

  @Test
  void aQuerySummedFromACachedFinerReportIsListedAsAnsweredByTheCache() throws SQLException {
    String day = "CURRENT_DATE - INTERVAL '6' DAY";
    rows("SELECT campaign_id, device, SUM(clicks) FROM statistics WHERE day = " + day + " GROUP BY campaign_id, device");
    long before = reportCalls();

    int campaigns = rows("SELECT campaign_id, SUM(clicks) FROM statistics WHERE day = " + day
        + " GROUP BY campaign_id").size();

    assertThat(reportCalls()).isEqualTo(before);
    assertThat(rows(OUR_REPORTS).get(0)).containsEntry("from_cache", true).containsEntry("calls", 0)
        .containsEntry("status", "read").containsEntry("rows_read", (long) campaigns)
        .satisfies(newest -> assertThat((String) newest.get("request")).contains("dimensions=[CampaignId]"));
  }

  @Test
  void cacheEntriesListTheCachedReportWithItsRowsAndExpiry() throws SQLException {
    int rowCount = runTwice(2)[0];
    Instant now = Instant.now();

    LocalDate day = LocalDate.now(ZoneId.of(ZONE)).minusDays(2);
    List<Map<String, Object>> entries = rows("SELECT request, cached_rows, complete, estimated_bytes, expires_at"
        + " FROM criteo_driver.cache_entries WHERE request LIKE '%" + day + ".." + day
        + " dimensions=[CampaignId]%timezone=" + ZONE + "%'");

    assertThat(entries).hasSize(1);
    assertThat(entries.get(0)).containsEntry("cached_rows", (long) rowCount).containsEntry("complete", true);
    assertThat((Long) entries.get(0).get("estimated_bytes")).isPositive();
    Instant expires = ((Timestamp) entries.get(0).get("expires_at")).toLocalDateTime().toInstant(ZoneOffset.UTC);
    assertThat(expires).as("recentCacheTtlSeconds=300 after the report was read")
        .isBetween(now.plusSeconds(240), now.plusSeconds(301));
  }

  @Test
  void budgetCountsTheReportCallsOfTheLastMinute() throws SQLException {
    runTwice(3);
    Instant asked = Instant.now();
    List<Map<String, Object>> budget = rows("SELECT * FROM criteo_driver.budget");
    List<LoggedRequest> log = SandboxConnections.server().requestLog().all();

    assertThat(budget).hasSize(1);
    int calls = (Integer) budget.get(0).get("calls_last_minute");
    assertThat(calls).as("report calls the sandbox received in the last minute; " + SENT_NOT_ARRIVED)
        .isBetween(countSince(log, asked.minusSeconds(58)), countSince(log, asked.minusSeconds(63)) + 1);
    assertThat(budget.get(0)).containsEntry("max_calls_per_minute", 100_000).containsEntry("next_call_in_seconds", 0d);
    assertThat((String) budget.get(0).get("application")).contains("@" + SandboxConnections.server().baseUrl());
  }

  private static int countSince(List<LoggedRequest> log, Instant since) {
    return (int) log.stream().filter(r -> r.isReportCall() && r.at().isAfter(since)).count();
  }

  @Test
  void aSpentBudgetShowsWhenTheNextCallCanStartAndAQueryWaitingOnItIsWarned() throws SQLException {
    runTwice(4);
    try (Connection tight = SandboxConnections.open("maxCallsPerMinute=1;cacheTtlSeconds=0;timezone=Asia/Tokyo");
        Statement statement = tight.createStatement()) {
      try (ResultSet budget = statement.executeQuery("SELECT next_call_at, next_call_in_seconds FROM"
          + " criteo_driver.budget")) {
        assertThat(budget.next()).isTrue();
        double wait = budget.getDouble("next_call_in_seconds");
        assertThat(wait).as("one call a minute, and the last call was just made").isBetween(3d, 61d);
        assertThat(budget.getObject("next_call_at", LocalDateTime.class))
            .isAfter(LocalDateTime.now(ZoneOffset.UTC).plusSeconds(2));
      }
      statement.setQueryTimeout(1);
      assertThatThrownBy(() -> statement.executeQuery(QUERY).next()).isInstanceOf(SQLTimeoutException.class);
      assertThat(QueryTest.messages(statement.getWarnings())).anyMatch(m -> m.matches("The report-call budget of"
          + " this Criteo app \\(1 calls a minute, shared by all its connections\\) is spent: waiting about \\d+ s,"
          + " until \\d\\d:\\d\\d:\\d\\d UTC, before creating .*"));
    }
  }

  @Test
  void metadataListsTheSchemaItsTablesAndColumnsWithRemarks() throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    List<String> schemas = new ArrayList<>();
    try (ResultSet rs = meta.getSchemas()) {
      while (rs.next()) {
        schemas.add(rs.getString("TABLE_SCHEM"));
      }
    }
    Map<String, String> tables = new LinkedHashMap<>();
    try (ResultSet rs = meta.getTables(null, "criteo_driver", "%", null)) {
      while (rs.next()) {
        tables.put(rs.getString("TABLE_NAME"), rs.getString("REMARKS"));
      }
    }
    Map<String, String> columns = new LinkedHashMap<>();
    try (ResultSet rs = meta.getColumns(null, "criteo_driver", "reports", "%")) {
      while (rs.next()) {
        columns.put(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"));
      }
    }

    assertThat(schemas).contains("criteo", "criteo_driver");
    assertThat(tables).containsOnlyKeys("budget", "cache_entries", "reports")
        .allSatisfy((name, remarks) -> assertThat(remarks).contains("Creates no report"));
    assertThat(columns).containsEntry("calls", "INTEGER").containsEntry("from_cache", "BOOLEAN")
        .containsEntry("started_at", "TIMESTAMP").containsKeys("request", "status", "rows_read", "report_id");
  }

  @Test
  void queryingTheStateCreatesNoReportAndIsReadOnly() throws SQLException {
    runTwice(5);
    long before = SandboxConnections.server().requestLog().all().size();

    rows("SELECT COUNT(*) FROM criteo_driver.reports");
    rows("SELECT * FROM criteo_driver.cache_entries ORDER BY expires_at DESC LIMIT 5");
    rows("SELECT r.table_name, b.calls_last_minute FROM criteo_driver.reports r CROSS JOIN criteo_driver.budget b");

    assertThat(SandboxConnections.server().requestLog().all()).hasSize((int) before);
    assertThatThrownBy(() -> rows("DELETE FROM criteo_driver.reports"))
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(SqlErrors.READ_ONLY));
  }

  @Test
  void noValueOfTheStateHoldsTheSecret() throws SQLException {
    runTwice(6);
    String secret = SandboxConnections.server().clientSecret();
    List<Object> values = new ArrayList<>();
    for (String table : List.of("reports", "cache_entries", "budget")) {
      rows("SELECT * FROM criteo_driver." + table).forEach(row -> values.addAll(row.values()));
    }

    assertThat(values).isNotEmpty().noneMatch(value -> String.valueOf(value).contains(secret));
  }

  @Test
  void budgetWaitOfTheFetchedReportIsZeroWithAnAmpleBudget() throws SQLException {
    runTwice(7);
    assertThat(rows(OUR_REPORTS)).allSatisfy(row -> assertThat(row.get("budget_wait_seconds")).isEqualTo(0d));
  }
}
