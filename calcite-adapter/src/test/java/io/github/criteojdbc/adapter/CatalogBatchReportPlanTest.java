package io.github.criteojdbc.adapter;

import static io.github.criteojdbc.adapter.TestConnections.SANDBOX;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code EXPLAIN} of {@code catalog_batch_report} shows the operation tokens each scan reads, and calls nothing. */
class CatalogBatchReportPlanTest {
  private static TestConnections.Session session;

  @BeforeAll static void open() throws SQLException {
    session = TestConnections.open();
  }

  @AfterAll static void close() throws SQLException {
    session.close();
  }

  @BeforeEach void clearLog() {
    SANDBOX.requestLog().clear();
  }

  @Test void anEqualityOnTheTokenIsTheCallAndLeavesNoFilter() throws SQLException {
    String plan = session.explain("SELECT product_id, message FROM catalog_batch_report "
        + "WHERE operation_token = 'tok-1'");
    assertThat(plan).contains("catalog-batch-report{operationTokens=[tok-1], wait=true}")
        .doesNotContain("$condition");
  }

  @Test void inListsAndOrsOfTokensBecomeOneCallPerToken() throws SQLException {
    assertThat(session.explain("SELECT status FROM catalog_batch_report "
        + "WHERE operation_token IN ('tok-1', 'tok-2', 'tok-3')"))
        .contains("operationTokens=[tok-1, tok-2, tok-3]").doesNotContain("$condition");
    assertThat(session.explain("SELECT status FROM catalog_batch_report "
        + "WHERE operation_token = 'tok-1' OR operation_token = 'tok-2'"))
        .contains("operationTokens=[tok-1, tok-2]").doesNotContain("$condition");
  }

  @Test void filtersOnOtherColumnsStayInCalcite() throws SQLException {
    String plan = session.explain("SELECT product_id FROM catalog_batch_report "
        + "WHERE operation_token = 'tok-1' AND issue_level = 'error' AND NOT is_server_related");
    assertThat(plan).contains("operationTokens=[tok-1]").contains("$condition")
        .contains("'error'");
  }

  @Test void aParameterTokenIsShownAsAParameter() throws SQLException {
    try (var statement = session.connection.prepareStatement("EXPLAIN PLAN FOR SELECT status "
        + "FROM catalog_batch_report WHERE operation_token = ?")) {
      statement.setString(1, "tok-1");
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        assertThat(rs.getString(1)).contains("operationTokens=[?0]");
      }
    }
  }

  @Test void withoutATokenThePlanSaysWhatToAdd() throws SQLException {
    assertThat(session.explain("SELECT status FROM catalog_batch_report"))
        .contains("operationTokens=(none: add WHERE operation_token = '...')");
  }

  @Test void catalogWaitOffIsShown() throws SQLException {
    try (TestConnections.Session noWait = TestConnections.open(s -> s.catalogWait(false))) {
      assertThat(noWait.explain("SELECT status FROM catalog_batch_report WHERE operation_token = 'tok-1'"))
          .contains("wait=false");
    }
  }

  @Test void explainCallsNothing() throws SQLException {
    session.explain("SELECT * FROM catalog_batch_report WHERE operation_token IN ('tok-1', 'tok-2')");
    assertThat(SANDBOX.requestLog().all()).isEmpty();
  }
}
