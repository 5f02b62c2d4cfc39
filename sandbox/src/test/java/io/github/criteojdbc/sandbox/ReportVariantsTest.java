package io.github.criteojdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.criteojdbc.sandbox.report.ReportIds;
import io.github.criteojdbc.sandbox.report.ReportStatus;
import io.github.criteojdbc.sandbox.report.ReportVariant;
import io.github.criteojdbc.sandbox.report.StatusSpelling;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** By default every report answers in one of the forms the documents allow, chosen by its serial number. */
class ReportVariantsTest {
  static final int REPORTS = 24;

  /** The reports of one default sandbox, observed once for the tests that only read them. */
  static List<Observed> observed;

  final List<SandboxServer> sandboxes = new ArrayList<>();

  @BeforeAll
  static void observeOneSandbox() {
    try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().clock(TestTime.clock()).build())) {
      observed = observeMany(new SandboxClient(sandbox));
    }
  }

  @AfterEach
  void stop() {
    sandboxes.forEach(SandboxServer::close);
  }

  SandboxClient client() {
    SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().clock(TestTime.clock()).build());
    sandboxes.add(sandbox);
    return new SandboxClient(sandbox);
  }

  static ObjectNode request(int day) {
    String date = "2026-03-" + String.format("%02d", day % 28 + 1);
    return Requests.statistics(List.of("10001"), date, date, List.of("Day"), List.of("Clicks"));
  }

  /** What a client meets on one report: the create status, each status read until done, the output's key. */
  record Observed(long serial, String created, List<String> polled, String metadataKey) {}

  static Observed observe(SandboxClient client, ObjectNode request) {
    JsonNode created = client.post(SandboxClient.STATISTICS, request).json();
    String id = created.at("/data/id").asText();
    List<String> polled = new ArrayList<>();
    String status;
    do {
      status = client.get(SandboxClient.reportPath(id, "status")).json().at("/data/attributes/status").asText();
      polled.add(status);
    } while (SandboxClient.stillRunning(status) && polled.size() < 10);
    JsonNode data = client.get(SandboxClient.reportPath(id, "output")).json().path("data");
    String key = data.has("metadata") ? "metadata" : data.has("metaData") ? "metaData" : "none";
    return new Observed(ReportIds.serialOf(id), created.at("/data/attributes/status").asText(), polled, key);
  }

  static List<Observed> observeMany(SandboxClient client) {
    List<Observed> all = new ArrayList<>();
    for (int i = 0; i < REPORTS; i++) {
      all.add(observe(client, request(i)));
    }
    return all;
  }

  @Test
  void outputsUseBothMetadataKeys() {
    assertThat(observed.stream().map(Observed::metadataKey)).containsOnly("metadata", "metaData")
        .contains("metadata", "metaData");
  }

  @Test
  void statusesComeInSpecLowerAndUpperCase() {
    Set<String> done = new HashSet<>();
    Set<String> pending = new HashSet<>();
    for (Observed report : observed) {
      done.add(report.polled().get(report.polled().size() - 1));
      pending.add(report.created());
    }
    assertThat(done).containsExactlyInAnyOrder("Done", "done", "DONE");
    assertThat(pending).containsExactlyInAnyOrder("Pending", "pending", "PENDING");
  }

  @Test
  void someReportsAnswerUnknownBeforePendingAndTheNumberOfPendingPollsVaries() {
    assertThat(observed).anySatisfy(report -> assertThat(report.polled().get(0)).isEqualToIgnoringCase("Unknown"));
    assertThat(observed.stream().map(report -> report.polled().size() - 1).distinct())
        .containsExactlyInAnyOrder(0, 1, 2, 3);
  }

  @Test
  void eachReportAnswersAsTheVariantOfItsSerialNumber() {
    for (Observed report : observed) {
      ReportVariant variant = ReportVariant.forSerial(report.serial());
      assertThat(report.metadataKey()).isEqualTo(variant.metadataKey());
      assertThat(report.polled()).hasSize(variant.pendingPolls() + 1);
      assertThat(report.created()).isEqualTo(variant.spelling().spell(ReportStatus.PENDING));
    }
  }

  @Test
  void reportsCreatedInTheSameOrderAnswerTheSameWayInEverySandbox() {
    assertThat(observeMany(client())).isEqualTo(observed);
  }

  @Test
  void mpoExportRequestsAreAnsweredFlatOrInTheSpecEnvelope() {
    SandboxClient client = client();
    Set<String> shapes = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      ObjectNode body = Requests.mpo(List.of("10001"), List.of("advertiserId"), List.of("clicks"));
      Requests.attributes(body).put("lookbackWindow", 60 + i);
      JsonNode created = client.post(SandboxClient.MPO_EXPORT, body).json();
      shapes.add(created.has("exportId") ? "flat" : created.at("/data/attributes/exportId").isTextual() ? "spec" : "?");
    }
    assertThat(shapes).containsExactlyInAnyOrder("flat", "spec");
  }

  @Test
  void outputRequestedBeforeDoneIsRefusedWith400Or404() {
    SandboxClient client = client();
    client.sandbox().faults().neverFinish(true);
    Set<Integer> statuses = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      String id = client.createStatistics(request(i));
      statuses.add(client.get(SandboxClient.reportPath(id, "output")).status());
    }
    assertThat(statuses).containsExactlyInAnyOrder(400, 404);
  }

  @Test
  void aPinnedVariantIsUsedByEveryNewReport() {
    SandboxClient client = client();
    client.sandbox().faults().pinVariant(ReportVariant.spec().withMetadataKey("metaData")
        .withSpelling(StatusSpelling.UPPER_CASE).withUnknownFirst(true).withPendingPolls(2));

    for (int i = 0; i < 3; i++) {
      Observed report = observe(client, request(i));
      assertThat(report.created()).isEqualTo("PENDING");
      assertThat(report.polled()).containsExactly("UNKNOWN", "PENDING", "DONE");
      assertThat(report.metadataKey()).isEqualTo("metaData");
    }
  }

  @Test
  void anExpiredReportIsSpelledLikeItsOtherStatuses() {
    SandboxClient client = client();
    client.sandbox().faults().pinVariant(ReportVariant.spec().withSpelling(StatusSpelling.LOWER_CASE))
        .expireNextReports(1);

    assertThat(observe(client, request(1)).polled()).endsWith("expired");
  }
}
