package io.github.criteojdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Input the driver must refuse before calling the API, with an error naming what to fix; and strings that look
 * like SQL injection, which must reach the API as plain values.
 */
class BadInputTest extends FreshSandboxTest {
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  @Override
  protected String application() {
    return "bad-input-app";
  }

  private void assertRefusedWithoutAnyCall(String sql, String... messageParts) {
    assertRefusedWithoutAnyCall(sql, new String[0], messageParts);
  }

  private void assertRefusedWithoutAnyCall(String sql, String[] properties, String... messageParts) {
    long requestsBefore = target.log().all().size();

    assertThatThrownBy(() -> target.rows(sql, properties)).isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(e.getMessage()).contains(messageParts));
    assertThat(target.log().all()).as("requests the sandbox received").hasSize((int) requestsBefore);
    ReliabilityFigures.queries(1);
  }

  @Test
  void anUnknownColumnIsNamed() {
    assertRefusedWithoutAnyCall("SELECT campaign_id, clickz FROM statistics", "clickz");
  }

  @Test
  void anUnknownTableIsNamed() {
    assertRefusedWithoutAnyCall("SELECT clicks FROM statistic", "statistic");
  }

  @Test
  void aQueryWithoutTheAdvertiserTheApiRequiresSaysToFilterOnAdvertiserId() {
    assertRefusedWithoutAnyCall("SELECT campaign_id, clicks FROM statistics WHERE day = DATE '" + TODAY.minusDays(3)
        + "'", new String[] {"advertiserIds="}, "advertiser_id");
  }

  @Test
  void anAudienceQueryWithoutAnAdvertiserSaysToFilterOnAdvertiserId() {
    assertRefusedWithoutAnyCall("SELECT breakdown_value, clicks FROM audience_performance",
        new String[] {"advertiserIds="}, "advertiser_id");
  }

  @Test
  void anAudienceQueryOnAnUnknownBreakdownListsTheSix() {
    assertRefusedWithoutAnyCall("SELECT breakdown_value, clicks FROM audience_performance"
        + " WHERE advertiser_id = '10001' AND breakdown = 'Top30Brands'", "breakdown", "Top30BrandsByClicks");
  }

  @Test
  void aCatalogBatchQueryWithoutATokenSaysToFilterOnOperationToken() {
    assertRefusedWithoutAnyCall("SELECT status, product_id FROM catalog_batch_report", "operation_token");
  }

  @Test
  void aDateRangeStartingBeyondWhatTheApiServesIsRefused() {
    assertRefusedWithoutAnyCall("SELECT campaign_id, clicks FROM statistics WHERE day BETWEEN DATE '"
        + TODAY.minusYears(3) + "' AND DATE '" + TODAY.minusYears(3).plusDays(2) + "'", "day");
  }

  @Test
  void aReversedDateRangeIsAnEmptyResultWithoutAnyCall() throws SQLException {
    long requestsBefore = target.log().all().size();

    List<List<Object>> rows = target.rows("SELECT campaign_id, clicks FROM statistics WHERE day BETWEEN DATE '"
        + TODAY.minusDays(3) + "' AND DATE '" + TODAY.minusDays(10) + "'");

    assertThat(rows).isEmpty();
    assertThat(target.log().all()).hasSize((int) requestsBefore);
    ReliabilityFigures.queries(1);
  }

  @Test
  void aBadNumberPropertyIsNamedWithWhatItTakes() {
    assertRefusedWithoutAnyCall("SELECT 1", new String[] {"pollIntervalSeconds=soon"}, "pollIntervalSeconds", "soon");
  }

  /** BI tools pass properties of their own, so an unknown one is a warning rather than a refusal. */
  @Test
  void anUnknownPropertyIsNamedInAConnectionWarning() throws SQLException {
    try (Connection connection = target.connect("colour=blue")) {
      Throwable warning = connection.getWarnings();
      assertThat(warning).isNotNull().hasMessageContaining("colour");
    }
    assertThat(target.log().all()).isEmpty();
  }

  @Test
  void aPropertyOutsideItsChoicesListsThem() {
    assertRefusedWithoutAnyCall("SELECT 1", new String[] {"fileFormat=xml"}, "fileFormat", "csv", "json");
  }

  @Test
  void aBadTimeZoneIsNamed() {
    assertRefusedWithoutAnyCall("SELECT 1", new String[] {"timezone=Mars/Olympus"}, "timezone", "Mars/Olympus");
  }

  @Test
  void injectionLookingStringsInAFilterReachTheApiAsOneLiteralValue() throws Exception {
    String hostile = "x' OR '1'='1\"; DROP TABLE statistics; -- \\\" }]}";
    String sqlLiteral = hostile.replace("'", "''");
    try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
      List<List<Object>> rows = ResultRows.readAll(statement.executeQuery(
          "SELECT campaign_id, clicks FROM statistics WHERE ad_set = '" + sqlLiteral + "' AND day = DATE '"
              + TODAY.minusDays(3) + "'"));
      assertThat(rows).as("no ad set has that name").isEmpty();
    }

    JsonNode body = new ObjectMapper().readTree(target.creations().get(0).body());
    JsonNode attributes = body.path("data").path("attributes");
    assertThat(attributes.path("adSetNames")).hasSize(1);
    assertThat(attributes.path("adSetNames").get(0).asText()).isEqualTo(hostile);
    assertThat(attributes.toString()).as("the hostile text appears only inside that value")
        .containsOnlyOnce("DROP TABLE");
    ReliabilityFigures.queries(1);
  }
}
