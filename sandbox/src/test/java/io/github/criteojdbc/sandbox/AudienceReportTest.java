package io.github.criteojdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.criteojdbc.sandbox.data.AudienceBreakdown;
import io.github.criteojdbc.sandbox.data.AudienceFact;
import io.github.criteojdbc.sandbox.report.ReportVariant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AudienceReportTest {
  private static SandboxServer sandbox;
  private static SandboxClient client;

  @BeforeAll
  static void start() {
    sandbox = SandboxServer.start(SandboxOptions.builder().clock(TestTime.clock()).build());
    // These tests check the spec's own forms; ReportVariantsTest covers the others.
    sandbox.faults().pinVariant(ReportVariant.spec());
    client = new SandboxClient(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static ObjectNode brandsByClicks() {
    return Requests.audience("10002", "2026-03-01", "2026-03-07", "Top30BrandsByClicks",
        List.of("Clicks", "Displays", "Revenue", "CostPerVisit"));
  }

  private static JsonNode output(ObjectNode body) {
    SandboxClient.Reply created = client.post(SandboxClient.AUDIENCE, body);
    assertThat(created.status()).isEqualTo(202);
    String id = created.json().at("/data/id").asText();
    client.awaitStatus(id);
    return client.get(SandboxClient.reportPath(id, "output")).json().get("data");
  }

  private static Map<String, List<AudienceFact>> factsByValue(String advertiserId, AudienceBreakdown breakdown) {
    return sandbox.data().audienceFacts(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-07"))
        .filter(fact -> fact.advertiserId().equals(advertiserId) && fact.breakdown() == breakdown)
        .collect(Collectors.groupingBy(AudienceFact::value));
  }

  @Test
  void theLifecycleIsTheOneOfStatisticsReports() {
    SandboxClient.Reply created = client.post(SandboxClient.AUDIENCE,
        Requests.audience("10001", "2026-02-01", "2026-02-28", "Top30BrandsByDisplays", List.of("Displays")));
    String id = created.json().at("/data/id").asText();

    assertThat(created.status()).isEqualTo(202);
    assertThat(id).contains("/", "+").endsWith("=");
    assertThat(client.get(SandboxClient.reportPath(id, "status")).json().at("/data/attributes/status").asText())
        .isEqualTo("Pending");
    assertThat(client.get(SandboxClient.reportPath(id, "status")).json().at("/data/attributes/message").asText())
        .isEqualTo("rows_count=30");
  }

  @Test
  void columnsAreTheBreakdownThenTheRequestedMetrics() {
    JsonNode columns = output(brandsByClicks()).at("/metadata/columns");

    assertThat(columns.get(0).toString())
        .isEqualTo("{\"name\":\"Top30BrandsByClicks\",\"type\":\"String\",\"role\":\"Dimension\"}");
    assertThat(columns.get(1).get("name").asText()).isEqualTo("Clicks");
    assertThat(columns.get(3).toString())
        .isEqualTo("{\"name\":\"Revenue\",\"type\":\"Money\",\"role\":\"Metric\",\"currency\":\"EUR\"}");
    assertThat(columns.get(4).get("type").asText()).isEqualTo("Money");
  }

  @Test
  void rowsAreTheThirtyBrandsWithTheMostClicksBestFirst() {
    JsonNode rows = output(brandsByClicks()).get("data");

    List<String> expected = factsByValue("10002", AudienceBreakdown.BRAND).entrySet().stream()
        .sorted(Comparator.<Map.Entry<String, List<AudienceFact>>>comparingLong(
            entry -> -entry.getValue().stream().mapToLong(AudienceFact::clicks).sum()).thenComparing(Map.Entry::getKey))
        .limit(30).map(Map.Entry::getKey).toList();
    List<String> actual = new ArrayList<>();
    rows.forEach(row -> actual.add(row.get(0).asText()));
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  @Test
  void metricsAreSumsOverTheDatesAndSegments() {
    JsonNode first = output(brandsByClicks()).at("/data/0");
    List<AudienceFact> facts = factsByValue("10002", AudienceBreakdown.BRAND).get(first.get(0).asText());

    long visits = facts.stream().mapToLong(AudienceFact::visits).sum();
    long costCents = facts.stream().mapToLong(AudienceFact::costCents).sum();
    assertThat(first.get(1).asLong()).isEqualTo(facts.stream().mapToLong(AudienceFact::clicks).sum());
    assertThat(first.get(2).asLong()).isEqualTo(facts.stream().mapToLong(AudienceFact::displays).sum());
    assertThat(first.get(3).decimalValue()).isEqualByComparingTo(
        java.math.BigDecimal.valueOf(facts.stream().mapToLong(AudienceFact::revenueCents).sum(), 2));
    assertThat(first.get(4).decimalValue()).isEqualByComparingTo(java.math.BigDecimal.valueOf(costCents, 2)
        .divide(java.math.BigDecimal.valueOf(visits), 4, java.math.RoundingMode.HALF_UP));
  }

  @Test
  void interestBreakdownsRankInterests() {
    JsonNode rows = output(Requests.audience("10001", "2026-03-01", "2026-03-07", "Top30InterestsBySales",
        List.of("Sales"))).get("data");

    assertThat(rows).hasSize(30);
    rows.forEach(row -> assertThat(sandbox.data().audienceValues(AudienceBreakdown.INTEREST)).contains(row.get(0).asText()));
    List<Long> sales = new ArrayList<>();
    rows.forEach(row -> sales.add(-row.get(1).asLong()));
    assertThat(sales).isSorted();
  }

  @Test
  void audienceAndSegmentFiltersNarrowTheFacts() {
    String segmentId = sandbox.data().audiences("10002").get(0).segments().get(1).id();
    ObjectNode body = Requests.audience("10002", "2026-03-01", "2026-03-07", "Top30BrandsByDisplays", List.of("Displays"));
    Requests.attributes(body).set("segmentsIds", Requests.array(List.of(segmentId)));

    JsonNode first = output(body).at("/data/0");

    long expected = sandbox.data().audienceFacts(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-07"))
        .filter(fact -> fact.segmentId().equals(segmentId) && fact.breakdown() == AudienceBreakdown.BRAND)
        .filter(fact -> fact.value().equals(first.get(0).asText())).mapToLong(AudienceFact::displays).sum();
    assertThat(first.get(1).asLong()).isEqualTo(expected);
  }

  @Test
  void theSixBreakdownsAreAccepted() {
    for (String dimension : List.of("Top30BrandsByDisplays", "Top30BrandsByClicks", "Top30BrandsBySales",
        "Top30InterestsByDisplays", "Top30InterestsByClicks", "Top30InterestsBySales")) {
      assertThat(client.post(SandboxClient.AUDIENCE,
          Requests.audience("10003", "2026-03-01", "2026-03-02", dimension, List.of("Clicks"))).status()).isEqualTo(202);
    }
  }

  @Test
  void anUnknownBreakdownIsAJsonSerializationError() {
    SandboxClient.Reply reply = client.post(SandboxClient.AUDIENCE,
        Requests.audience("10003", "2026-03-01", "2026-03-02", "Top10Brands", List.of("Clicks")));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("json-serialization-error");
    assertThat(reply.json().at("/errors/0/source/field").asText()).isEqualTo("data.attributes.dimension");
  }

  @Test
  void aStatisticsOnlyMetricIsAJsonSerializationError() {
    SandboxClient.Reply reply = client.post(SandboxClient.AUDIENCE,
        Requests.audience("10003", "2026-03-01", "2026-03-02", "Top30BrandsByClicks", List.of("AdvertiserCost")));

    assertThat(reply.errorCode()).isEqualTo("json-serialization-error");
  }

  @Test
  void theDocsSampleSpellingDimensionsIsRejectedLikeTheSpecSays() {
    ObjectNode body = Requests.audience("10003", "2026-03-01", "2026-03-02", "Top30BrandsByClicks", List.of("Clicks"));
    Requests.attributes(body).put("dimensions", "Top30BrandsByClicks");

    SandboxClient.Reply reply = client.post(SandboxClient.AUDIENCE, body);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("json-serialization-error");
  }

  @Test
  void missingAdvertiserIdIsRequiredField() {
    ObjectNode body = Requests.audience("10003", "2026-03-01", "2026-03-02", "Top30BrandsByClicks", List.of("Clicks"));
    Requests.attributes(body).remove("advertiserId");

    SandboxClient.Reply reply = client.post(SandboxClient.AUDIENCE, body);

    assertThat(reply.errorCode()).isEqualTo("required-field");
    assertThat(reply.json().at("/errors/0/source/field").asText()).isEqualTo("data.attributes.advertiserId");
  }

  @Test
  void startAfterEndIsStartAfterEndDate() {
    SandboxClient.Reply reply = client.post(SandboxClient.AUDIENCE,
        Requests.audience("10003", "2026-03-05", "2026-03-02", "Top30BrandsByClicks", List.of("Clicks")));

    assertThat(reply.errorCode()).isEqualTo("start-after-end-date");
  }
}
