package io.github.criteojdbc.metabase;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The calls of Metabase's connection test and table sync (sql-jdbc's {@code connection.clj},
 * {@code sync/describe_database.clj}, {@code sync/describe_table.clj}) through the plugin jar: none creates a report.
 */
class MetabaseSyncIT {
  private static final List<String> TABLES = List.of("audience_performance", "catalog_batch_report", "mpo_realtime",
      "statistics");
  private static final String[] METABASE_TABLE_TYPES = {"TABLE", "PARTITIONED TABLE", "VIEW", "FOREIGN TABLE",
      "MATERIALIZED VIEW", "EXTERNAL TABLE", "DYNAMIC_TABLE"};
  private static MetabaseConnections connections;
  private long reportsBefore;

  @BeforeAll
  static void start() {
    connections = new MetabaseConnections();
  }

  @AfterAll
  static void stop() {
    connections.close();
  }

  @BeforeEach
  void countReports() {
    reportsBefore = connections.reportsCreated();
  }

  @Test
  void connectionTestSelectsOne() throws SQLException {
    try (Connection connection = connections.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT 1")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getObject(1)).isEqualTo(1);
    }
    assertThat(connections.reportsCreated()).isEqualTo(reportsBefore);
  }

  @Test
  void syncListsTheCriteoSchemaAndItsFourTables() throws SQLException {
    try (Connection connection = connections.connect()) {
      DatabaseMetaData meta = connection.getMetaData();
      assertThat(column(meta.getSchemas(), "TABLE_SCHEM")).contains("criteo");
      assertThat(column(meta.getTables(null, "criteo", "%", METABASE_TABLE_TYPES), "TABLE_NAME"))
          .containsExactlyInAnyOrderElementsOf(TABLES);
    }
    assertThat(connections.reportsCreated()).isEqualTo(reportsBefore);
  }

  @Test
  void selectProbeOfEveryTableReturnsNoRowAndCreatesNoReport() throws SQLException {
    try (Connection connection = connections.connect(); Statement statement = connection.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet rows = statement.executeQuery(
            "SELECT TRUE AS \"_\" FROM \"criteo\".\"" + table + "\" WHERE 1 <> 1 LIMIT 0")) {
          assertThat(rows.next()).as(table).isFalse();
        }
      }
    }
    assertThat(connections.reportsCreated()).isEqualTo(reportsBefore);
  }

  @Test
  void everyColumnTypeHasABaseTypeInTheNamespace() throws SQLException {
    List<String> mapped = DriverNamespace.fromPluginJar().mappedDatabaseTypes();
    try (Connection connection = connections.connect()) {
      for (String table : TABLES) {
        assertThat(column(connection.getMetaData().getColumns(null, "criteo", table, null), "TYPE_NAME"))
            .as(table).isNotEmpty().isSubsetOf(mapped);
      }
    }
    assertThat(connections.reportsCreated()).isEqualTo(reportsBefore);
  }

  private static List<String> column(ResultSet rows, String label) throws SQLException {
    List<String> values = new ArrayList<>();
    try (rows) {
      while (rows.next()) {
        values.add(rows.getString(label));
      }
    }
    return values;
  }
}
