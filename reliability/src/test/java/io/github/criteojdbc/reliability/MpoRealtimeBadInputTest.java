package io.github.criteojdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The MPO real-time export's rules, refused through the shaded jar before any HTTP call, with a message that names
 * the SQL columns: only one of product_id, hour and minute; a look-back of 60 to 1440 minutes; a start before the
 * end (a literal range that ends first is simply empty, as in SQL); an advertiser.
 */
class MpoRealtimeBadInputTest extends FreshSandboxTest {
  private static final String ADVERTISER = "advertiser_id = '10001'";

  @Override
  protected String application() {
    return "mpo-bad-input-app";
  }

  private void assertRefusedWithoutAnyCall(String sql, String... messageParts) {
    long requestsBefore = target.log().all().size();

    assertThatThrownBy(() -> target.rows(sql, "advertiserIds=")).isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(e.getMessage()).contains(messageParts));
    assertThat(target.log().all()).as("requests the sandbox received").hasSize((int) requestsBefore);
    ReliabilityFigures.queries(1);
  }

  @Test
  void productAndHourInOneQueryNameBothColumns() {
    assertRefusedWithoutAnyCall("SELECT product_id, hour, clicks FROM mpo_realtime WHERE " + ADVERTISER,
        "product_id and hour", "only one of product_id, hour and minute");
  }

  @Test
  void hourAndMinuteInOneQueryNameBothColumns() {
    assertRefusedWithoutAnyCall("SELECT hour, minute, clicks FROM mpo_realtime WHERE " + ADVERTISER,
        "hour and minute");
  }

  @Test
  void aLookBackShorterThanAnHourNamesTheAllowedRange() {
    assertRefusedWithoutAnyCall("SELECT minute, clicks FROM mpo_realtime WHERE " + ADVERTISER
        + " AND minute >= CURRENT_TIMESTAMP - INTERVAL '30' MINUTE", "last 30 minutes", "60 to 1440");
  }

  @Test
  void aLookBackLongerThanADayNamesTheAllowedRange() {
    assertRefusedWithoutAnyCall("SELECT hour, clicks FROM mpo_realtime WHERE " + ADVERTISER
        + " AND hour >= CURRENT_TIMESTAMP - INTERVAL '2' DAY", "last 2880 minutes");
  }

  @Test
  void aRangeThatEndsBeforeItStartsNamesBothEnds() throws SQLException {
    long requestsBefore = target.log().all().size();
    LocalDateTime start = LocalDateTime.of(2026, 1, 9, 10, 0);
    try (Connection connection = target.connect(); PreparedStatement statement = connection.prepareStatement(
        "SELECT minute, clicks FROM mpo_realtime WHERE " + ADVERTISER + " AND minute >= ? AND minute < ?")) {
      statement.setTimestamp(1, Timestamp.valueOf(start));
      statement.setTimestamp(2, Timestamp.valueOf(start.minusHours(1)));

      assertThatThrownBy(statement::executeQuery).isInstanceOf(SQLException.class)
          .hasMessageContaining("startDate").hasMessageContaining("endDate");
    }
    assertThat(target.log().all()).as("requests the sandbox received").hasSize((int) requestsBefore);
    ReliabilityFigures.queries(1);
  }

  @Test
  void aLiteralRangeThatEndsBeforeItStartsIsAnEmptyResultWithoutAnyCall() throws SQLException {
    long requestsBefore = target.log().all().size();

    List<List<Object>> rows = target.rows("SELECT minute, clicks FROM mpo_realtime WHERE " + ADVERTISER
        + " AND minute >= TIMESTAMP '2026-01-09 10:00:00' AND minute < TIMESTAMP '2026-01-09 09:00:00'");

    assertThat(rows).isEmpty();
    assertThat(target.log().all()).hasSize((int) requestsBefore);
    ReliabilityFigures.queries(1);
  }

  @Test
  void anExportWithoutAnAdvertiserSaysToFilterOnAdvertiserId() {
    assertRefusedWithoutAnyCall("SELECT campaign_id, clicks FROM mpo_realtime", "advertiser_id");
  }
}
