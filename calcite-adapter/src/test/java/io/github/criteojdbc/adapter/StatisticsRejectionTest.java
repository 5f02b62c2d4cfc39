package io.github.criteojdbc.adapter;

import static io.github.criteojdbc.adapter.TestConnections.SANDBOX;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The request attributes the statistics report shares with the other reports are checked the way
 * they are for every table, before any call: each query here fails with a message naming the
 * column and the rule, and the sandbox sees no report call at all.
 */
class StatisticsRejectionTest {
  private static final String DATES = "day >= CURRENT_DATE - INTERVAL '7' DAY";

  private TestConnections.Session session;

  @BeforeEach void open() throws SQLException {
    SANDBOX.faults().reset();
    SANDBOX.requestLog().clear();
    session = TestConnections.open();
  }

  @AfterEach void noReportCallWasMade() throws SQLException {
    session.close();
    assertThat(SANDBOX.requestLog().reportCalls()).isZero();
  }

  private AbstractThrowableAssert<?, ? extends Throwable> rejecting(String where) {
    return assertThatThrownBy(() -> {
      try (Statement statement = session.connection.createStatement();
           ResultSet rs = statement.executeQuery(
               "SELECT campaign_id, clicks FROM statistics WHERE " + where)) {
        rs.next();
      }
    }).rootCause().isInstanceOf(QueryRejectedException.class);
  }

  @Test void emptyAdSetIsRefused() {
    rejecting("advertiser_id = '10001' AND ad_set_id = '' AND " + DATES)
        .hasMessageContaining("statistics: the filter on ad_set_id names an empty value");
  }

  @Test void currencyThatIsNotIsoIsRefused() {
    rejecting("advertiser_id = '10001' AND currency = 'EURO' AND " + DATES)
        .hasMessageContaining("statistics: currency 'EURO' is not an ISO-4217 code");
  }

  @Test void twoCurrenciesAreRefused() {
    rejecting("advertiser_id = '10001' AND currency IN ('EUR', 'USD') AND " + DATES)
        .hasMessageContaining("a report has one currency, but the filter on currency lists");
  }
}
