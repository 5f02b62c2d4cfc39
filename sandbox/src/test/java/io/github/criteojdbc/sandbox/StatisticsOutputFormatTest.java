package io.github.criteojdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.criteojdbc.sandbox.report.ReportVariant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StatisticsOutputFormatTest {
  private static SandboxServer sandbox;
  private static SandboxClient client;

  @BeforeAll
  static void start() {
    sandbox = SandboxServer.start(SandboxOptions.builder().clock(TestTime.clock()).build());
    // These tests check the spec's own forms; ReportVariantsTest covers the others.
    sandbox.faults().pinVariant(ReportVariant.spec());
    sandbox.faults().pendingPolls(0);
    client = new SandboxClient(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static JsonNode output(List<String> dimensions, List<String> metrics) {
    return output(Requests.statistics(List.of("10001"), "2026-03-09", "2026-03-10", dimensions, metrics));
  }

  private static JsonNode output(ObjectNode body) {
    return client.statistics(body).get("data");
  }

  private static List<String> columnNames(JsonNode data) {
    List<String> names = new ArrayList<>();
    data.at("/metadata/columns").forEach(column -> names.add(column.get("name").asText()));
    return names;
  }

  private static JsonNode column(JsonNode data, String name) {
    return StreamSupport.stream(data.at("/metadata/columns").spliterator(), false)
        .filter(column -> column.get("name").asText().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void askingForANameDimensionAddsItsIdFirst() {
    JsonNode data = output(List.of("Day", "Campaign"), List.of("Clicks"));

    assertThat(columnNames(data)).containsExactly("Day", "CampaignId", "Campaign", "Clicks");
  }

  @Test
  void askingForAnIdDimensionAddsItsName() {
    JsonNode data = output(List.of("AdSetId", "AdvertiserId"), List.of("Clicks"));

    assertThat(columnNames(data)).containsExactly("AdSetId", "AdSet", "AdvertiserId", "Advertiser", "Clicks");
  }

  @Test
  void idColumnsAreStringTypedDimensionsWithNumericValues() {
    JsonNode data = output(List.of("CampaignId"), List.of("Clicks"));

    assertThat(column(data, "CampaignId").toString())
        .isEqualTo("{\"name\":\"CampaignId\",\"type\":\"String\",\"role\":\"Dimension\"}");
    assertThat(data.at("/data/0/0").isIntegralNumber()).isTrue();
  }

  @Test
  void nameColumnsArePropertiesRelatedToTheirId() {
    JsonNode data = output(List.of("Campaign"), List.of("Clicks"));

    assertThat(column(data, "Campaign").toString())
        .isEqualTo("{\"name\":\"Campaign\",\"type\":\"String\",\"role\":\"Property\",\"relatedTo\":\"CampaignId\"}");
  }

  @Test
  void timeBucketsAreIntervalsCarryingTheReportTimezone() {
    ObjectNode body = Requests.statistics(List.of("10001"), "2026-03-09", "2026-03-10",
        List.of("Hour", "Day", "Week", "Month", "Year"), List.of("Clicks"));
    Requests.attributes(body).put("timezone", "Europe/Paris");

    JsonNode data = output(body);

    assertThat(column(data, "Hour").toString()).isEqualTo(
        "{\"name\":\"Hour\",\"type\":\"DateTime\",\"role\":\"Interval\",\"timezone\":\"Europe/Paris\"}");
    assertThat(column(data, "Day").get("type").asText()).isEqualTo("Date");
    assertThat(column(data, "Week").get("type").asText()).isEqualTo("Date");
    assertThat(column(data, "Month").get("type").asText()).isEqualTo("Date");
    assertThat(column(data, "Year").get("type").asText()).isEqualTo("Number");
  }

  @Test
  void timeBucketValuesAreTheBucketStartInTheReportTimezone() {
    ObjectNode body = Requests.statistics(List.of("10001"), "2026-03-10", "2026-03-10",
        List.of("Hour", "Day", "Week", "Month", "Year"), List.of("Clicks"));
    Requests.attributes(body).put("timezone", "Europe/Paris");

    JsonNode first = output(body).at("/data/0");

    assertThat(first.get(0).asText()).isEqualTo("2026-03-10T00:00:00");
    assertThat(first.get(1).asText()).isEqualTo("2026-03-10");
    assertThat(first.get(2).asText()).isEqualTo("2026-03-09");
    assertThat(first.get(3).asText()).isEqualTo("2026-03-01");
    assertThat(first.get(4).isInt()).isTrue();
    assertThat(first.get(4).asInt()).isEqualTo(2026);
  }

  @Test
  void aDayReportInParisHasTheTwentyFourLocalHours() {
    ObjectNode body = Requests.statistics(List.of("10001"), "2026-03-10", "2026-03-10", List.of("Hour"),
        List.of("Clicks"));
    Requests.attributes(body).put("timezone", "Europe/Paris");

    JsonNode rows = output(body).get("data");

    assertThat(rows).hasSize(24);
    assertThat(rows.get(23).get(0).asText()).isEqualTo("2026-03-10T23:00:00");
  }

  @Test
  void moneyColumnsCarryTheCurrencyAndCountsAreNumbers() {
    ObjectNode body = Requests.statistics(List.of("10001"), "2026-03-09", "2026-03-10", List.of("AdvertiserId"),
        List.of("Clicks", "AdvertiserCost", "ClickThroughRate", "Cpc"));
    Requests.attributes(body).put("currency", "GBP");

    JsonNode data = output(body);

    assertThat(column(data, "AdvertiserCost").toString())
        .isEqualTo("{\"name\":\"AdvertiserCost\",\"type\":\"Money\",\"role\":\"Metric\",\"currency\":\"GBP\"}");
    assertThat(column(data, "Cpc").get("type").asText()).isEqualTo("Money");
    assertThat(column(data, "Clicks").toString())
        .isEqualTo("{\"name\":\"Clicks\",\"type\":\"Number\",\"role\":\"Metric\"}");
    assertThat(column(data, "ClickThroughRate").get("type").asText()).isEqualTo("Number");
    JsonNode row = data.at("/data/0");
    assertThat(row.get(2).isIntegralNumber()).isTrue();
    assertThat(row.get(3).isBigDecimal() || row.get(3).isDouble()).isTrue();
    assertThat(row.get(4).isDouble()).isTrue();
  }

  @Test
  void metricsFollowTheDimensionsInRequestOrder() {
    JsonNode data = output(List.of("Device", "Country"), List.of("Displays", "Clicks"));

    assertThat(columnNames(data)).containsExactly("Device", "Country", "Displays", "Clicks");
  }

  @Test
  void ratiosAreNullWhenTheirDenominatorIsZero() {
    ObjectNode body = Requests.statistics(List.of("10002"), "2026-03-10", "2026-03-10",
        List.of("Hour", "AdSetId", "Device", "Country"), List.of("AppInstalls", "CostPerInstall"));

    JsonNode rows = output(body).get("data");

    boolean sawZeroInstalls = false;
    for (JsonNode row : rows) {
      if (row.get(5).asLong() == 0) {
        sawZeroInstalls = true;
        assertThat(row.get(6).isNull()).isTrue();
      } else {
        assertThat(row.get(6).isNumber()).isTrue();
      }
    }
    assertThat(sawZeroInstalls).isTrue();
  }

  @Test
  void rowsAreOrderedByTheDimensionValues() {
    JsonNode rows = output(List.of("Day", "AdSetId"), List.of("Clicks")).get("data");

    List<String> keys = new ArrayList<>();
    rows.forEach(row -> keys.add(row.get(0).asText() + "|" + row.get(1).asLong()));
    assertThat(keys).isSorted();
    assertThat(keys).doesNotHaveDuplicates();
  }

  @Test
  void anEmptyMetricListReturnsTheDimensionsOnly() {
    JsonNode data = output(List.of("Device"), List.of());

    assertThat(columnNames(data)).containsExactly("Device");
    assertThat(data.get("data")).hasSize(3);
  }

  @Test
  void datesInTheFutureHaveNoRows() {
    JsonNode data = output(Requests.statistics(List.of("10001"), "2026-04-01", "2026-04-02", List.of("Day"),
        List.of("Clicks")));

    assertThat(data.at("/metadata/rows").asInt()).isZero();
    assertThat(data.get("data")).isEmpty();
  }
}
