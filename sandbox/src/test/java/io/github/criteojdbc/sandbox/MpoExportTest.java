package io.github.criteojdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.criteojdbc.sandbox.data.MpoMinuteFact;
import io.github.criteojdbc.sandbox.report.ReportVariant;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MpoExportTest {
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

  /** The guide's sample request, on the sandbox's advertiser and an hour of data. */
  private static ObjectNode sample(String fileFormat) {
    ObjectNode body = Requests.mpo(List.of("10001"), List.of("advertiserId", "campaignId"), List.of("clicks", "displays", "cost"));
    Requests.attributes(body).put("fileFormat", fileFormat).put("startDate", "2026-03-18T08:00:00Z")
        .put("endDate", "2026-03-18T09:00:00Z").put("timezone", "UTC");
    return body;
  }

  private static List<MpoMinuteFact> sampleFacts() {
    return sandbox.data().mpoMinuteFacts(Instant.parse("2026-03-18T08:00:00Z"), Instant.parse("2026-03-18T09:00:00Z"))
        .filter(fact -> fact.advertiserId().equals("10001")).toList();
  }

  @Test
  void anExportRequestAnswers200WithAPendingJobInTheSpecEnvelope() {
    ObjectNode body = sample("csv");
    Requests.attributes(body).put("endDate", "2026-03-18T08:30:00Z");

    SandboxClient.Reply reply = client.post(SandboxClient.MPO_EXPORT, body);

    assertThat(reply.status()).isEqualTo(200);
    JsonNode data = reply.json().get("data");
    assertThat(data.get("type").asText()).isEqualTo("RealTimeProductReportJobStatus");
    assertThat(data.at("/attributes/exportId").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(data.at("/attributes/status").asText()).isEqualTo("Pending");
    assertThat(data.at("/attributes/message").isNull()).isTrue();
    assertThat(reply.json().get("errors")).isEmpty();
  }

  @Test
  void theStatusIsAnExportStatusModelThatTurnsDone() {
    ObjectNode body = sample("json");
    Requests.attributes(body).put("endDate", "2026-03-18T08:45:00Z");
    String id = client.post(SandboxClient.MPO_EXPORT, body).json().at("/data/attributes/exportId").asText();

    JsonNode first = client.get(SandboxClient.MPO + "/report-jobs/" + id).json();
    JsonNode second = client.get(SandboxClient.MPO + "/report-jobs/" + id).json();

    assertThat(first.at("/data/type").asText()).isEqualTo("ExportStatusModel");
    assertThat(first.at("/data/attributes/exportId").asText()).isEqualTo(id);
    assertThat(first.at("/data/attributes/status").asText()).isEqualTo("Pending");
    assertThat(second.at("/data/attributes/status").asText()).isEqualTo("Done");
    assertThat(second.at("/data/attributes/message").asText()).isEqualTo("rows_count=2");
  }

  @Test
  void theCsvFileHasQuotedLowerCamelHeadersAndUnquotedNumbers() {
    SandboxClient.Reply file = client.mpo(sample("csv"));

    assertThat(file.status()).isEqualTo(200);
    assertThat(file.header("Content-Type")).isEqualTo("text/csv");
    String[] lines = file.body().split("\n");
    assertThat(lines[0]).isEqualTo("\"advertiserId\",\"campaignId\",\"clicks\",\"displays\",\"cost\"");
    assertThat(lines).hasSize(3);
    assertThat(lines[1]).matches("10001,\\d+,\\d+,\\d+,\\d+(\\.\\d+)?");
  }

  @Test
  void theCsvValuesAreSumsOfTheMinuteFacts() {
    String[] lines = client.mpo(sample("csv")).body().split("\n");

    Map<String, List<MpoMinuteFact>> byCampaign = sampleFacts().stream()
        .collect(Collectors.groupingBy(MpoMinuteFact::campaignId, TreeMap::new, Collectors.toList()));
    int line = 1;
    for (Map.Entry<String, List<MpoMinuteFact>> campaign : byCampaign.entrySet()) {
      String[] fields = lines[line++].split(",");
      assertThat(fields[1]).isEqualTo(campaign.getKey());
      assertThat(Long.parseLong(fields[2])).isEqualTo(campaign.getValue().stream().mapToLong(MpoMinuteFact::clicks).sum());
      assertThat(Long.parseLong(fields[3])).isEqualTo(campaign.getValue().stream().mapToLong(MpoMinuteFact::displays).sum());
      assertThat(new BigDecimal(fields[4])).isEqualByComparingTo(
          campaign.getValue().stream().map(MpoMinuteFact::cost).reduce(BigDecimal.ZERO, BigDecimal::add));
    }
  }

  @Test
  void theJsonFileIsColumnarWithARowCount() {
    SandboxClient.Reply file = client.mpo(sample("json"));

    assertThat(file.header("Content-Type")).isEqualTo("application/json");
    JsonNode json = file.json();
    assertThat(json.get("columns").toString()).isEqualTo("[\"advertiserId\",\"campaignId\",\"clicks\",\"displays\",\"cost\"]");
    assertThat(json.get("rows").asInt()).isEqualTo(2);
    assertThat(json.get("data")).hasSize(2);
    assertThat(json.at("/data/0/0").isIntegralNumber()).isTrue();
  }

  @Test
  void specCasingIsAcceptedAndColumnsStayLowerCamel() {
    ObjectNode body = sample("Json");
    Requests.attributes(body).set("dimensions", Requests.array(List.of("AdvertiserId", "SellerId", "SellerName")));
    Requests.attributes(body).set("metrics", Requests.array(List.of("Clicks")));

    JsonNode json = client.mpo(body).json();

    assertThat(json.get("columns").toString()).isEqualTo("[\"advertiserId\",\"sellerId\",\"sellerName\",\"clicks\"]");
  }

  @Test
  void hourValuesCarryTheOffsetOfTheRequestedTimezone() {
    ObjectNode body = sample("json");
    Requests.attributes(body).put("timezone", "Europe/Paris").set("dimensions", Requests.array(List.of("hour")));

    JsonNode json = client.mpo(body).json();

    assertThat(json.at("/data/0/0").asText()).isEqualTo("2026-03-18T09:00:00+01:00");
    assertThat(json.get("rows").asInt()).isEqualTo(1);
  }

  @Test
  void minuteValuesAreIsoWithZForUtc() {
    ObjectNode body = sample("json");
    Requests.attributes(body).set("dimensions", Requests.array(List.of("minute")));

    JsonNode json = client.mpo(body).json();

    assertThat(json.at("/data/0/0").asText()).isEqualTo("2026-03-18T08:00:00Z");
    assertThat(json.get("rows").asInt()).isEqualTo(60);
  }

  @Test
  void productIdsAreQuotedTextInCsv() {
    ObjectNode body = sample("csv");
    Requests.attributes(body).set("dimensions", Requests.array(List.of("productId")));

    String[] lines = client.mpo(body).body().split("\n");

    assertThat(lines[1]).startsWith("\"SKU-");
  }

  @Test
  void aLookbackWindowCoversTheLastMinutes() {
    ObjectNode body = Requests.mpo(List.of("10003"), List.of("minute"), List.of("clicks"));
    Requests.attributes(body).put("lookbackWindow", 60).put("fileFormat", "json");

    JsonNode json = client.mpo(body).json();

    assertThat(json.get("rows").asInt()).isEqualTo(60);
    assertThat(json.at("/data/59/0").asText()).isEqualTo("2026-03-18T10:29:00Z");
  }

  @Test
  void campaignAndSellerFiltersNarrowTheRows() {
    String campaignId = sandbox.data().mpoCampaigns().get(1).id();
    String sellerId = sandbox.data().mpoCampaigns().get(1).sellers().get(0).id();
    ObjectNode body = sample("json");
    Requests.attributes(body).set("campaignIds", Requests.array(List.of(campaignId)));
    Requests.attributes(body).set("sellerIds", Requests.array(List.of(sellerId)));
    Requests.attributes(body).set("dimensions", Requests.array(List.of("campaignId", "sellerId")));

    JsonNode json = client.mpo(body).json();

    assertThat(json.get("rows").asInt()).isEqualTo(1);
    assertThat(json.at("/data/0/0").asText()).isEqualTo(campaignId);
    assertThat(json.at("/data/0/1").asText()).isEqualTo(sellerId);
  }

  @Test
  void identicalRequestsReuseTheExportId() {
    String first = client.post(SandboxClient.MPO_EXPORT, sample("csv")).json().at("/data/attributes/exportId").asText();
    String second = client.post(SandboxClient.MPO_EXPORT, sample("csv")).json().at("/data/attributes/exportId").asText();

    assertThat(second).isEqualTo(first);
  }

  @Test
  void anUnknownExportIsExportNotFoundWith403() {
    SandboxClient.Reply status = client.get(SandboxClient.MPO + "/report-jobs/45f7ec55-1008-4372-9144-1da37d8dccc2");
    SandboxClient.Reply download = client.get(SandboxClient.MPO + "/realtime-reports/45f7ec55-1008-4372-9144-1da37d8dccc2");

    assertThat(status.status()).isEqualTo(403);
    assertThat(status.errorCode()).isEqualTo("export-not-found");
    assertThat(download.status()).isEqualTo(403);
    assertThat(download.errorCode()).isEqualTo("export-not-found");
  }

  @Test
  void downloadingBeforeDoneIsInvalidQuery() {
    ObjectNode body = sample("csv");
    Requests.attributes(body).put("endDate", "2026-03-18T08:10:00Z");
    String id = client.post(SandboxClient.MPO_EXPORT, body).json().at("/data/attributes/exportId").asText();

    SandboxClient.Reply download = client.get(SandboxClient.MPO + "/realtime-reports/" + id);

    assertThat(download.status()).isEqualTo(400);
    assertThat(download.errorCode()).isEqualTo("invalid-query");
  }
}
