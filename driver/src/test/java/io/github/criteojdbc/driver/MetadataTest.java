package io.github.criteojdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DatabaseMetaData as SQL clients read it: complete, from the catalog, and without any report. */
class MetadataTest {
  private static Connection connection;
  private static DatabaseMetaData metaData;
  private static long reportsBefore;

  @BeforeAll
  static void connect() throws SQLException {
    connection = SandboxConnections.open();
    metaData = connection.getMetaData();
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  @BeforeEach
  void countReports() {
    reportsBefore = SandboxConnections.reportsCreated();
  }

  @AfterEach
  void noReportWasCreated() {
    assertThat(SandboxConnections.reportsCreated()).isEqualTo(reportsBefore);
  }

  @Test
  void namesTheProductAndTheDriver() throws SQLException {
    assertThat(metaData.getDatabaseProductName()).isEqualTo("Criteo");
    assertThat(metaData.getDatabaseProductVersion()).isEqualTo("Marketing Solutions API preview");
    assertThat(metaData.getDriverName()).isEqualTo("criteo-jdbc");
    assertThat(metaData.getDriverVersion()).isEqualTo(System.getProperty("project.version"));
    assertThat(metaData.getConnection()).isSameAs(connection);
  }

  @Test
  void quotesIdentifiersWithDoubleQuotesAndMatchesThemIgnoringCase() throws SQLException {
    assertThat(metaData.getIdentifierQuoteString()).isEqualTo("\"");
    assertThat(metaData.storesMixedCaseIdentifiers()).isTrue();
    assertThat(metaData.supportsMixedCaseIdentifiers()).isFalse();
  }

  @Test
  void isReadOnlyWithoutTransactions() throws SQLException {
    assertThat(metaData.isReadOnly()).isTrue();
    assertThat(metaData.supportsTransactions()).isFalse();
    assertThat(metaData.getDefaultTransactionIsolation()).isEqualTo(Connection.TRANSACTION_NONE);
  }

  @Test
  void listsTheCriteoAndDriverStateSchemasBesideCalcitesMetadataSchema() throws SQLException {
    assertThat(column(metaData.getSchemas(), "TABLE_SCHEM")).containsExactly("criteo", "criteo_driver", "metadata");
    assertThat(connection.getSchema()).isEqualTo("criteo");
  }

  @Test
  void tablesCarryTheirCatalogRemark() throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet tables = metaData.getTables(null, "criteo", "%", null)) {
      while (tables.next()) {
        names.add(tables.getString("TABLE_NAME"));
        assertThat(tables.getString("TABLE_TYPE")).isEqualTo("TABLE");
        assertThat(tables.getString("REMARKS")).as(tables.getString("TABLE_NAME")).isNotBlank();
      }
    }
    assertThat(names).contains("statistics", "audience_performance", "mpo_realtime", "catalog_batch_report");
  }

  @Test
  void mpoRealtimeColumnsComeFromItsCatalogWithRemarks() throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet columns = metaData.getColumns(null, "criteo", "mpo\\_realtime", "%")) {
      while (columns.next()) {
        String name = columns.getString("COLUMN_NAME");
        names.add(name);
        assertThat(columns.getString("REMARKS")).as(name).isNotBlank();
        switch (name) {
          case "hour":
          case "minute":
            assertThat(columns.getInt("DATA_TYPE")).as(name).isEqualTo(Types.TIMESTAMP);
            assertThat(columns.getString("REMARKS")).as(name)
                .contains("local time in the timezone connection property");
            break;
          case "cost":
            assertThat(columns.getInt("DATA_TYPE")).isEqualTo(Types.DECIMAL);
            assertThat(columns.getInt("DECIMAL_DIGITS")).as("unrounded cost").isEqualTo(12);
            break;
          case "clicks":
          case "displays":
            assertThat(columns.getInt("DATA_TYPE")).as(name).isEqualTo(Types.BIGINT);
            break;
          default:
            assertThat(columns.getInt("DATA_TYPE")).as(name).isEqualTo(Types.VARCHAR);
            break;
        }
      }
    }
    assertThat(names).containsExactly("advertiser_id", "partner_id", "campaign_id", "seller_id",
        "product_id", "hour", "minute", "clicks", "displays", "cost");
  }

  @Test
  void audiencePerformanceColumnsComeFromItsCatalogWithRemarks() throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet columns = metaData.getColumns(null, "criteo", "audience\\_performance", "%")) {
      while (columns.next()) {
        String name = columns.getString("COLUMN_NAME");
        names.add(name);
        assertThat(columns.getString("REMARKS")).as(name).isNotBlank();
        switch (name) {
          case "start_date":
          case "end_date":
            assertThat(columns.getInt("DATA_TYPE")).as(name).isEqualTo(Types.DATE);
            break;
          case "cost_per_visit":
            assertThat(columns.getInt("DATA_TYPE")).isEqualTo(Types.DECIMAL);
            break;
          case "exposed_users":
            assertThat(columns.getInt("DATA_TYPE")).isEqualTo(Types.BIGINT);
            break;
          default:
            break;
        }
      }
    }
    assertThat(names).containsExactly("advertiser_id", "breakdown", "breakdown_value", "clicks",
        "displays", "visits", "sales", "revenue", "cost_per_visit", "exposed_users", "currency",
        "ad_set_id", "audience_id", "segment_id", "start_date", "end_date");
  }

  @Test
  void catalogBatchReportColumnsHaveTheirTypesAndRemarks() throws SQLException {
    Map<String, Integer> types = new LinkedHashMap<>();
    try (ResultSet columns = metaData.getColumns(null, "criteo", "catalog_batch_report", "%")) {
      while (columns.next()) {
        String name = columns.getString("COLUMN_NAME");
        types.put(name, columns.getInt("DATA_TYPE"));
        assertThat(columns.getString("REMARKS")).as(name).isNotBlank();
        assertThat(columns.getInt("NULLABLE")).as(name).isEqualTo(DatabaseMetaData.columnNullable);
      }
    }
    assertThat(types).containsEntry("operation_token", Types.VARCHAR)
        .containsEntry("import_request_timestamp", Types.TIMESTAMP)
        .containsEntry("number_of_products_with_errors", Types.INTEGER)
        .containsEntry("is_server_related", Types.BOOLEAN)
        .containsKeys("status", "product_id", "issue_level", "issue_type", "message");
  }

  @Test
  void tablePatternsAcceptNullWildcardsAndEscapedUnderscores() throws SQLException {
    assertThat(column(metaData.getTables(null, null, null, null), "TABLE_NAME")).contains("statistics");
    assertThat(column(metaData.getTables(null, "crit%", "stat%", new String[] {"TABLE", "VIEW"}), "TABLE_NAME"))
        .containsExactly("statistics");
    assertThat(column(metaData.getColumns(null, "criteo", "statistics", "advertiser\\_id"), "COLUMN_NAME"))
        .containsExactly("advertiser_id");
    assertThat(column(metaData.getTables(null, null, "no_such_table_probe", null), "TABLE_NAME")).isEmpty();
  }

  @Test
  void columnsHaveJdbcTypesSizesNullabilityAndRemarks() throws SQLException {
    try (ResultSet columns = metaData.getColumns(null, "criteo", "statistics", "%")) {
      List<String> names = new ArrayList<>();
      while (columns.next()) {
        String name = columns.getString("COLUMN_NAME");
        names.add(name);
        assertThat(columns.getString("REMARKS")).as(name).isNotBlank();
        assertThat(columns.getString("TYPE_NAME")).as(name).doesNotContain("NOT NULL").doesNotContain("(");
        assertThat(columns.getInt("NULLABLE")).as(name).isEqualTo(DatabaseMetaData.columnNullable);
        assertThat(columns.getString("IS_NULLABLE")).as(name).isEqualTo("YES");
        assertThat(columns.getInt("COLUMN_SIZE")).as(name).isPositive();
        switch (name) {
          case "day":
            assertThat(columns.getInt("DATA_TYPE")).isEqualTo(Types.DATE);
            assertThat(columns.getString("TYPE_NAME")).isEqualTo("DATE");
            break;
          case "clicks":
            assertThat(columns.getInt("DATA_TYPE")).isEqualTo(Types.BIGINT);
            break;
          case "advertiser_cost":
            assertThat(columns.getInt("DATA_TYPE")).isEqualTo(Types.DECIMAL);
            assertThat(columns.getString("TYPE_NAME")).isEqualTo("DECIMAL");
            assertThat(columns.getInt("COLUMN_SIZE")).isEqualTo(24);
            assertThat(columns.getInt("DECIMAL_DIGITS")).isEqualTo(6);
            break;
          case "campaign_id":
            assertThat(columns.getInt("DATA_TYPE")).isEqualTo(Types.VARCHAR);
            break;
          default:
            break;
        }
      }
      assertThat(names).contains("day", "clicks", "advertiser_cost", "campaign_id");
    }
  }

  @Test
  void typeInfoListsTheTypesOfTheColumns() throws SQLException {
    List<String> typeNames = column(metaData.getTypeInfo(), "TYPE_NAME");

    assertThat(typeNames).contains("VARCHAR", "BIGINT", "INTEGER", "DOUBLE", "DECIMAL", "DATE", "TIMESTAMP");
  }

  @Test
  void keysIndexesProceduresAndFunctionsAreEmptyNotErrors() throws SQLException {
    assertThat(column(metaData.getPrimaryKeys(null, "criteo", "statistics"), "COLUMN_NAME")).isEmpty();
    assertThat(column(metaData.getImportedKeys(null, "criteo", "statistics"), "PKCOLUMN_NAME")).isEmpty();
    assertThat(column(metaData.getExportedKeys(null, "criteo", "statistics"), "PKCOLUMN_NAME")).isEmpty();
    assertThat(column(metaData.getIndexInfo(null, "criteo", "statistics", false, true), "INDEX_NAME")).isEmpty();
    assertThat(column(metaData.getProcedures(null, "criteo", "%"), "PROCEDURE_NAME")).isEmpty();
    assertThat(column(metaData.getFunctions(null, "criteo", "%"), "FUNCTION_NAME")).isEmpty();
  }

  @Test
  void metadataResultSetsBelongToNoStatement() throws SQLException {
    try (ResultSet tables = metaData.getTables(null, null, "%", null)) {
      assertThat(tables.getStatement()).isNull();
    }
  }

  static List<String> column(ResultSet rows, String name) throws SQLException {
    List<String> values = new ArrayList<>();
    try (rows) {
      while (rows.next()) {
        values.add(rows.getString(name));
      }
    }
    return values;
  }
}
