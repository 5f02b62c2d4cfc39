package io.github.criteojdbc.adapter;

import static io.github.criteojdbc.adapter.TestConnections.SANDBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.criteojdbc.sandbox.Endpoint;
import io.github.criteojdbc.sandbox.batch.CatalogBatch;
import io.github.criteojdbc.sandbox.batch.ProductIssue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rows of {@code catalog_batch_report} equal what the test registered in the sandbox, computed here from the
 * registered batch; errors are checked against the sandbox request log.
 */
class CatalogBatchReportResultTest {
  private static final String ROW = "operation_token, status, import_request_timestamp, "
      + "number_of_products_in_the_batch, number_of_products_upserted, number_of_products_deleted, "
      + "number_of_products_with_errors, number_of_products_with_warnings, product_id, issue_level, issue_type, "
      + "message, is_server_related";

  @BeforeEach void reset() {
    SANDBOX.faults().reset();
    SANDBOX.requestLog().clear();
  }

  private static String token() {
    return "test-" + UUID.randomUUID();
  }

  private static Instant sent() {
    return Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
  }

  private static CatalogBatch register(CatalogBatch batch) {
    return SANDBOX.catalogBatches().register(batch);
  }

  private static CatalogBatch withIssues(String token) {
    return register(CatalogBatch.builder(token, sent()).products(6, 4, 1)
        .error("SKU-Red", "MissingImages", "imageLink: field is required", false)
        .error("SKU-Red", "OverlargeURL", "link: too long", false)
        .error("SKU-Blue", "UnknownError", "try again later", true)
        .warning("SKU-Green", "InvalidBadgeUrl", "badge: not a URL", false).build());
  }

  /** The rows the table should hold for a finished batch, from the batch as registered. */
  private static List<List<Object>> expectedRows(CatalogBatch batch) {
    List<Object> head = Arrays.asList(batch.operationToken(), batch.finalStatus().name(),
        batch.importRequestTime(), batch.productsInBatch(),
        batch.productsUpserted(), batch.productsDeleted(), batch.productsWithErrors(), batch.productsWithWarnings());
    List<List<Object>> rows = new ArrayList<>();
    for (ProductIssue error : batch.errors()) {
      rows.add(row(head, error.productId().toLowerCase(Locale.ROOT), "error", error));
    }
    for (ProductIssue warning : batch.warnings()) {
      rows.add(row(head, warning.productId(), "warning", warning));
    }
    if (rows.isEmpty()) {
      List<Object> row = new ArrayList<>(head);
      row.addAll(Arrays.asList(null, null, null, null, null));
      rows.add(row);
    }
    return rows;
  }

  private static List<Object> row(List<Object> head, String productId, String level, ProductIssue issue) {
    List<Object> row = new ArrayList<>(head);
    row.addAll(Arrays.asList(productId, level, issue.type(), issue.message(), issue.serverRelated()));
    return row;
  }

  private static List<List<Object>> query(TestConnections.Session session, String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement statement = session.connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          Object value = rs.getObject(i);
          row.add(value instanceof Timestamp ts ? ts.toInstant() : value);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static long calls(String token) {
    return SANDBOX.requestLog().count(r -> r.endpoint().filter(e -> e == Endpoint.CATALOG_REPORT).isPresent()
        && r.decodedPath().endsWith("/" + token));
  }

  @Test void oneRowPerErrorAndWarningWithTheBatchsStatusAndCounters() throws SQLException {
    CatalogBatch batch = withIssues(token());
    try (TestConnections.Session session = TestConnections.open()) {
      assertThat(query(session, "SELECT " + ROW + " FROM catalog_batch_report WHERE operation_token = '"
          + batch.operationToken() + "'")).containsExactlyInAnyOrderElementsOf(expectedRows(batch));
    }
  }

  @Test void aBatchWithoutIssuesIsOneRowWithNullProductColumns() throws SQLException {
    CatalogBatch batch = register(CatalogBatch.builder(token(), sent()).products(3, 2, 1).build());
    try (TestConnections.Session session = TestConnections.open()) {
      assertThat(query(session, "SELECT " + ROW + " FROM catalog_batch_report WHERE operation_token = '"
          + batch.operationToken() + "'")).containsExactlyElementsOf(expectedRows(batch));
    }
  }

  @Test void theImportTimeIsTheBatchsInstantShownInTheConnectionTimeZone() throws SQLException {
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    CatalogBatch batch = register(CatalogBatch.builder(token(), sent().truncatedTo(ChronoUnit.SECONDS)).build());
    try (TestConnections.Session session = TestConnections.open(s -> s.timezone(tokyo))) {
      assertThat(query(session, "SELECT import_request_timestamp, CAST(import_request_timestamp AS VARCHAR) "
          + "FROM catalog_batch_report WHERE operation_token = '" + batch.operationToken() + "'"))
          .containsExactly(List.of(batch.importRequestTime(), LocalDateTime.ofInstant(batch.importRequestTime(), tokyo)
              .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))));
    }
  }

  @Test void severalTokensAreReadOneCallEachAndTheirRowsAllComeBack() throws SQLException {
    CatalogBatch first = withIssues(token());
    CatalogBatch second = register(CatalogBatch.builder(token(), sent()).products(1, 1, 0).build());
    List<List<Object>> expected = new ArrayList<>(expectedRows(first));
    expected.addAll(expectedRows(second));
    try (TestConnections.Session session = TestConnections.open()) {
      assertThat(query(session, "SELECT " + ROW + " FROM catalog_batch_report WHERE operation_token IN ('"
          + first.operationToken() + "', '" + second.operationToken() + "')"))
          .containsExactlyInAnyOrderElementsOf(expected);
    }
    assertThat(calls(first.operationToken())).isEqualTo(1);
    assertThat(calls(second.operationToken())).isEqualTo(1);
  }

  @Test void otherFiltersApplyToTheIssueRows() throws SQLException {
    CatalogBatch batch = withIssues(token());
    List<Object> expected = batch.errors().stream().filter(e -> !e.serverRelated())
        .map(e -> (Object) e.productId().toLowerCase(Locale.ROOT)).toList();
    try (TestConnections.Session session = TestConnections.open()) {
      assertThat(query(session, "SELECT product_id FROM catalog_batch_report WHERE operation_token = '"
          + batch.operationToken() + "' AND issue_level = 'error' AND NOT is_server_related"))
          .extracting(row -> row.get(0)).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test void aBatchBeingProcessedIsWaitedForUntilItsFinalStatus() throws SQLException {
    CatalogBatch batch = register(CatalogBatch.builder(token(), sent()).products(2, 2, 0)
        .processingPolls(1, 2).build());
    try (TestConnections.Session session = TestConnections.open()) {
      assertThat(query(session, "SELECT " + ROW + " FROM catalog_batch_report WHERE operation_token = '"
          + batch.operationToken() + "'")).containsExactlyElementsOf(expectedRows(batch));
    }
    assertThat(calls(batch.operationToken())).isEqualTo(1 + 2 + 1);
  }

  @Test void withCatalogWaitOffTheCurrentStateComesBackAndIsNotCached() throws SQLException {
    CatalogBatch batch = register(CatalogBatch.builder(token(), sent()).products(2, 1, 0)
        .error("SKU-1", "MissingName", "title: field is required", false).processingPolls(1, 5).build());
    String sql = "SELECT status, number_of_products_in_the_batch, number_of_products_with_errors, product_id "
        + "FROM catalog_batch_report WHERE operation_token = '" + batch.operationToken() + "'";
    try (TestConnections.Session session = TestConnections.open(s -> s.catalogWait(false))) {
      assertThat(query(session, sql)).containsExactly(Arrays.asList("ACCEPTED", batch.productsInBatch(), null, null));
      assertThat(query(session, sql)).containsExactly(
          Arrays.asList("IN_PROGRESS", batch.productsInBatch(), null, null));
    }
    assertThat(calls(batch.operationToken())).isEqualTo(2);
  }

  @Test void aFinishedBatchIsReadOnceAndThenServedFromTheCache() throws SQLException {
    CatalogBatch batch = withIssues(token());
    String sql = "SELECT " + ROW + " FROM catalog_batch_report WHERE operation_token = '"
        + batch.operationToken() + "'";
    try (TestConnections.Session session = TestConnections.open()) {
      List<List<Object>> first = query(session, sql);
      assertThat(query(session, sql)).containsExactlyElementsOf(first);
    }
    assertThat(calls(batch.operationToken())).isEqualTo(1);
  }

  @Test void aFailedBatchIsAResult() throws SQLException {
    CatalogBatch batch = register(CatalogBatch.builder(token(), sent()).products(2, 0, 0)
        .error("SKU-X", "ConfigurationError", "no catalog for merchant", true).failed().build());
    try (TestConnections.Session session = TestConnections.open()) {
      assertThat(query(session, "SELECT " + ROW + " FROM catalog_batch_report WHERE operation_token = '"
          + batch.operationToken() + "'")).containsExactlyElementsOf(expectedRows(batch));
    }
  }

  @Test void withoutATokenTheQueryFailsBeforeAnyCall() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      assertThatThrownBy(() -> query(session, "SELECT status FROM catalog_batch_report WHERE issue_level = 'error'"))
          .hasMessageContaining("catalog_batch_report needs the operation token")
          .hasMessageContaining("WHERE operation_token = '...'");
    }
    assertThat(SANDBOX.requestLog().all()).isEmpty();
  }

  @Test void anUnknownTokenFailsNamingIt() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      assertThatThrownBy(() -> query(session, "SELECT status FROM catalog_batch_report "
          + "WHERE operation_token = 'no-such-batch'"))
          .hasMessageContaining("operation token 'no-such-batch'")
          .hasMessageContaining("kept 4 days");
    }
  }

  @Test void anExpiredTokenFailsNamingIt() throws SQLException {
    CatalogBatch batch = register(CatalogBatch.builder(token(), Instant.now().minus(5, ChronoUnit.DAYS)).build());
    try (TestConnections.Session session = TestConnections.open()) {
      assertThatThrownBy(() -> query(session, "SELECT status FROM catalog_batch_report "
          + "WHERE operation_token = '" + batch.operationToken() + "'"))
          .hasMessageContaining("operation token '" + batch.operationToken() + "'")
          .hasMessageContaining("expired");
    }
  }

  @Test void aMissingCatalogScopeIsNamed() throws SQLException {
    CatalogBatch batch = withIssues(token());
    SANDBOX.faults().withoutCatalogReadScope(true);
    try (TestConnections.Session session = TestConnections.open()) {
      assertThatThrownBy(() -> query(session, "SELECT status FROM catalog_batch_report "
          + "WHERE operation_token = '" + batch.operationToken() + "'"))
          .hasMessageContaining("403")
          .hasMessageContaining("MarketingSolutions_Catalog_Read");
    }
  }

  @Test void theQueryTimeoutStopsWaitingForABatchThatStaysInProgress() throws SQLException {
    CatalogBatch batch = register(CatalogBatch.builder(token(), sent()).processingPolls(0, 1_000_000).build());
    try (TestConnections.Session session = TestConnections.open();
         Statement statement = session.connection.createStatement()) {
      statement.setQueryTimeout(1);
      assertThatThrownBy(() -> statement.executeQuery("SELECT status FROM catalog_batch_report "
          + "WHERE operation_token = '" + batch.operationToken() + "'").next())
          .hasMessageContaining("deadline");
    }
  }
}
