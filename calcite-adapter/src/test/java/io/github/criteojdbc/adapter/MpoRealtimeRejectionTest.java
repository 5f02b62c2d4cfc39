package io.github.criteojdbc.adapter;

import static io.github.criteojdbc.adapter.TestConnections.SANDBOX;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;

/**
 * Every rule the MPO export API checks on a request is checked before any call: each query here
 * fails with a message naming the SQL columns and the rule, and the sandbox sees no report call.
 */
class MpoRealtimeRejectionTest {
  private static final String ADVERTISER = "advertiser_id = '10001'";

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

  private AbstractThrowableAssert<?, ? extends Throwable> rejecting(String sql) {
    return assertThatThrownBy(() -> {
      try (Statement statement = session.connection.createStatement();
           ResultSet rs = statement.executeQuery(sql)) {
        rs.next();
      }
    }).rootCause().isInstanceOf(QueryRejectedException.class);
  }

  @Test void missingAdvertiserIsRefused() {
    rejecting("SELECT campaign_id, clicks FROM mpo_realtime")
        .hasMessageContaining("mpo_realtime needs an advertiser")
        .hasMessageContaining("add WHERE advertiser_id = '...'")
        .hasMessageContaining("advertiserIds connection property");
  }

  @Test void emptyAdvertiserIsRefused() {
    rejecting("SELECT clicks FROM mpo_realtime WHERE advertiser_id = ''")
        .hasMessageContaining("the filter on advertiser_id names an empty value");
  }

  @Test void productWithHourIsRefused() {
    rejecting("SELECT product_id, hour, clicks FROM mpo_realtime WHERE " + ADVERTISER)
        .hasMessageContaining("the query uses product_id and hour")
        .hasMessageContaining("only one of product_id, hour and minute per export");
  }

  @Test void hourWithMinuteIsRefused() {
    rejecting("SELECT hour, minute, clicks FROM mpo_realtime WHERE " + ADVERTISER)
        .hasMessageContaining("the query uses hour and minute");
  }

  /** Only the statement's own SELECT * is a preview: an outer query could group on its NULLs. */
  @Test void selectStarInsideAnotherQueryUsesAllThreeAndIsRefused() {
    rejecting("SELECT COUNT(*) FROM (SELECT * FROM mpo_realtime WHERE " + ADVERTISER + ")")
        .hasMessageContaining("the query uses product_id and hour and minute");
  }

  @Test void selectStarNamingTwoOfThemItselfIsRefused() {
    rejecting("SELECT * FROM mpo_realtime WHERE " + ADVERTISER + " ORDER BY product_id, hour")
        .hasMessageContaining("the query uses product_id and hour and minute");
  }

  @Test void productWithAMinuteFilterThatStaysInCalciteIsRefused() {
    rejecting("SELECT product_id, clicks FROM mpo_realtime WHERE " + ADVERTISER
        + " AND minute >= CURRENT_TIMESTAMP - INTERVAL '90' MINUTE")
        .hasMessageContaining("the query uses product_id and minute")
        .hasMessageContaining("filters that are not whole-bucket ranges");
  }

  @Test void lookbackShorterThanAnHourIsRefused() {
    rejecting("SELECT minute, clicks FROM mpo_realtime WHERE " + ADVERTISER
        + " AND minute >= CURRENT_TIMESTAMP - INTERVAL '30' MINUTE")
        .hasMessageContaining("asks for the last 30 minutes")
        .hasMessageContaining("lookbackWindow takes 60 to 1440 minutes");
  }

  @Test void lookbackLongerThanADayIsRefused() {
    rejecting("SELECT hour, clicks FROM mpo_realtime WHERE " + ADVERTISER
        + " AND hour >= CURRENT_TIMESTAMP - INTERVAL '2' DAY")
        .hasMessageContaining("asks for the last 2880 minutes")
        .hasMessageContaining("hour >= TIMESTAMP 'yyyy-MM-dd HH:mm:00'");
  }

  @Test void startAfterEndIsRefused() {
    LocalDateTime start = LocalDateTime.of(2026, 1, 9, 10, 0);
    assertThatThrownBy(() -> {
      try (PreparedStatement statement = session.connection.prepareStatement("SELECT minute, "
          + "clicks FROM mpo_realtime WHERE " + ADVERTISER + " AND minute >= ? AND minute < ?")) {
        statement.setTimestamp(1, Timestamp.valueOf(start));
        statement.setTimestamp(2, Timestamp.valueOf(start.minusHours(1)));
        try (ResultSet rs = statement.executeQuery()) {
          rs.next();
        }
      }
    }).rootCause().isInstanceOf(QueryRejectedException.class)
        .hasMessageContaining("the time filter starts at 2026-01-09T10:00 (startDate) after it "
            + "ends at 2026-01-09T09:00 (endDate)");
  }

  @Test void upperBoundWithoutStartIsRefused() {
    rejecting("SELECT minute, clicks FROM mpo_realtime WHERE " + ADVERTISER
        + " AND minute < TIMESTAMP '2026-01-09 10:00:00'")
        .hasMessageContaining("the filter on minute has an upper bound only")
        .hasMessageContaining("add minute >= TIMESTAMP");
  }
}
