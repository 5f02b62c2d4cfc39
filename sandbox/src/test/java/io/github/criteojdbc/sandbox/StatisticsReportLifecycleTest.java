package io.github.criteojdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.criteojdbc.sandbox.report.ReportVariant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatisticsReportLifecycleTest {
  private SandboxServer sandbox;
  private SandboxClient client;

  @BeforeEach
  void start() {
    sandbox = SandboxServer.start(SandboxOptions.builder().clock(TestTime.clock()).build());
    // These tests check the spec's own forms; ReportVariantsTest covers the others.
    sandbox.faults().pinVariant(ReportVariant.spec());
    client = new SandboxClient(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private static ObjectNode campaignClicksByDay() {
    return Requests.statistics(List.of("10001"), "2026-03-10", "2026-03-12", List.of("CampaignId", "Day"),
        List.of("Clicks", "AdvertiserCost"));
  }

  @Test
  void createAnswers202WithAPendingReportStatus() {
    SandboxClient.Reply reply = client.post(SandboxClient.STATISTICS, campaignClicksByDay());

    assertThat(reply.status()).isEqualTo(202);
    JsonNode data = reply.json().get("data");
    assertThat(data.get("type").asText()).isEqualTo("MarketingSolutionsReportStatus");
    assertThat(data.get("attributes").get("status").asText()).isEqualTo("Pending");
    assertThat(data.get("attributes").get("message").isNull()).isTrue();
    assertThat(reply.json().get("errors")).isEmpty();
    assertThat(reply.json().get("warnings")).isEmpty();
  }

  @Test
  void statusIsPendingOnceThenDoneWithTheRowCount() {
    String id = client.createStatistics(campaignClicksByDay());

    JsonNode first = client.get(SandboxClient.reportPath(id, "status")).json();
    JsonNode second = client.get(SandboxClient.reportPath(id, "status")).json();

    assertThat(first.at("/data/attributes/status").asText()).isEqualTo("Pending");
    assertThat(second.at("/data/attributes/status").asText()).isEqualTo("Done");
    assertThat(second.at("/data/attributes/message").asText()).isEqualTo("rows_count=9");
    assertThat(second.at("/data/id").asText()).isEqualTo(id);
  }

  @Test
  void outputOfADoneReportIsAnExportResult() {
    JsonNode output = client.statistics(campaignClicksByDay());

    assertThat(output.at("/data/metadata/rows").asInt()).isEqualTo(9);
    assertThat(output.at("/data/metadata/columns")).hasSize(5);
    assertThat(output.at("/data/data")).hasSize(9);
  }

  @Test
  void outputBeforeDoneIsReportNotReady() {
    String id = client.createStatistics(campaignClicksByDay());

    SandboxClient.Reply reply = client.get(SandboxClient.reportPath(id, "output"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("report-not-ready");
  }

  @Test
  void reportIdsContainSlashPlusAndEndWithPadding() {
    for (String timezone : List.of("UTC", "Europe/Paris", "America/New_York", "Asia/Tokyo")) {
      ObjectNode body = campaignClicksByDay();
      Requests.attributes(body).put("timezone", timezone);
      String id = client.createStatistics(body);
      assertThat(id).contains("/", "+").endsWith("=");
    }
  }

  @Test
  void reportIdDecodesToUuidCurrencyAndTimezone() {
    ObjectNode body = campaignClicksByDay();
    Requests.attributes(body).put("currency", "USD").put("timezone", "Europe/Paris");

    String decoded = new String(java.util.Base64.getDecoder().decode(client.createStatistics(body)),
        java.nio.charset.StandardCharsets.ISO_8859_1);

    assertThat(decoded).matches("[0-9a-f-]{36}\\|USD\\|Europe/Paris\\|.*");
  }

  @Test
  void aRawSlashInTheIdFindsNoEndpoint() {
    String id = client.createStatistics(campaignClicksByDay());

    SandboxClient.Reply reply = client.get("/preview/reports/" + id + "/status");

    assertThat(reply.status()).isEqualTo(404);
  }

  @Test
  void unknownReportIdIsReportNotFound() {
    SandboxClient.Reply reply = client.get(SandboxClient.reportPath("bm90LWEtcmVwb3J0", "status"));

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorCode()).isEqualTo("report-not-found");
  }

  @Test
  void identicalCreateRequestsMakeNewReportsAsNoReuseIsDocumentedForThem() {
    String first = client.createStatistics(campaignClicksByDay());
    String second = client.post(SandboxClient.STATISTICS, campaignClicksByDay().toPrettyString())
        .json().at("/data/id").asText();

    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void differentCreateRequestsGetDifferentIds() {
    ObjectNode other = campaignClicksByDay();
    Requests.attributes(other).put("endDate", "2026-03-13");

    assertThat(client.createStatistics(other)).isNotEqualTo(client.createStatistics(campaignClicksByDay()));
  }

  @Test
  void theExperimentalVersionServesTheSameEndpoints() {
    SandboxClient.Reply reply = client.post("/experimental/reports/async-statistics", campaignClicksByDay());

    assertThat(reply.status()).isEqualTo(202);
    String id = reply.json().at("/data/id").asText();
    assertThat(client.get("/experimental/reports/" + SandboxClient.encode(id) + "/status").status()).isEqualTo(200);
  }

  @Test
  void reportsAreVisibleOnlyToTheClientThatCreatedThem() {
    try (SandboxServer twoClients = SandboxServer.start(SandboxOptions.builder().addClient("other", "pw").build())) {
      SandboxClient owner = new SandboxClient(twoClients);
      String id = owner.createStatistics(campaignClicksByDay());
      String otherToken = owner.tokenRequest("grant_type=client_credentials&client_id=other&client_secret=pw")
          .json().get("access_token").asText();

      SandboxClient.Reply reply = owner.send(java.net.http.HttpRequest.newBuilder(
          owner.uri(SandboxClient.reportPath(id, "status"))).header("Authorization", "Bearer " + otherToken).build());

      assertThat(reply.status()).isEqualTo(404);
    }
  }
}
