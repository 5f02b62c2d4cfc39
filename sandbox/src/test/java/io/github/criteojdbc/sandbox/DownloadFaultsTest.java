package io.github.criteojdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.criteojdbc.sandbox.report.ReportVariant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The switches that spoil downloads, for the statistics output and the MPO files alike. */
class DownloadFaultsTest {
  private SandboxServer sandbox;
  private SandboxClient client;

  @BeforeEach
  void start() {
    sandbox = SandboxServer.start(SandboxOptions.builder().clock(TestTime.clock()).build());
    // These tests check the spec's own forms; ReportVariantsTest covers the others.
    sandbox.faults().pinVariant(ReportVariant.spec());
    sandbox.faults().pendingPolls(0);
    client = new SandboxClient(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private String doneReport() {
    return client.createStatistics(Requests.statistics(List.of("10001"), "2026-03-01", "2026-03-04",
        List.of("Day", "CampaignId"), List.of("Clicks", "Displays")));
  }

  private SandboxClient.Reply output(String id) {
    return client.get(SandboxClient.reportPath(id, "output"));
  }

  private String mpoExport(String fileFormat) {
    ObjectNode body = Requests.mpo(List.of("10002"), List.of("minute"), List.of("clicks", "cost"));
    Requests.attributes(body).put("lookbackWindow", 60).put("fileFormat", fileFormat);
    return client.post(SandboxClient.MPO_EXPORT, body).json().at("/data/attributes/exportId").asText();
  }

  private SandboxClient.Reply mpoDownload(String id) {
    return client.get(SandboxClient.MPO + "/realtime-reports/" + id);
  }

  private static List<String> names(JsonNode columns) {
    List<String> names = new ArrayList<>();
    columns.forEach(column -> names.add(column.has("name") ? column.get("name").asText() : column.asText()));
    return names;
  }

  @Test
  void truncateNextDownloadsCutsTheBodyMidStream() {
    String id = doneReport();
    sandbox.faults().truncateNextDownloads(1);

    assertThatThrownBy(() -> output(id)).isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(IOException.class);
    assertThat(output(id).json().at("/data/data")).hasSize(12);
  }

  @Test
  void truncateNextDownloadsCutsMpoFilesToo() {
    String id = mpoExport("csv");
    sandbox.faults().truncateNextDownloads(1);

    assertThatThrownBy(() -> mpoDownload(id)).isInstanceOf(UncheckedIOException.class);
    assertThat(mpoDownload(id).body().split("\n")).hasSize(61);
  }

  @Test
  void malformedNextDownloadsSendsInvalidJsonInACompleteResponse() {
    String id = doneReport();
    sandbox.faults().malformedNextDownloads(1);

    SandboxClient.Reply reply = output(id);

    assertThat(reply.status()).isEqualTo(200);
    assertThatThrownBy(() -> SandboxClient.JSON.readTree(reply.body())).isInstanceOf(IOException.class);
    assertThat(output(id).json().at("/data/data")).hasSize(12);
  }

  @Test
  void malformedNextDownloadsBreaksCsvQuoting() {
    String id = mpoExport("csv");
    sandbox.faults().malformedNextDownloads(1);

    String body = mpoDownload(id).body();

    assertThat(body).contains("\n\"unterminated,field\n");
    assertThat(body.chars().filter(c -> c == '"').count() % 2).isEqualTo(1);
  }

  @Test
  void dropColumnFromNextOutputsRemovesItFromMetadataAndRows() {
    String id = doneReport();
    sandbox.faults().dropColumnFromNextOutputs("Clicks", 1);

    JsonNode data = output(id).json().get("data");

    assertThat(names(data.at("/metadata/columns"))).containsExactly("Day", "CampaignId", "Campaign", "Displays");
    assertThat(data.at("/data/0")).hasSize(4);
    assertThat(names(output(id).json().at("/data/metadata/columns"))).contains("Clicks");
  }

  @Test
  void dropColumnFromNextOutputsRemovesItFromMpoCsv() {
    String id = mpoExport("csv");
    sandbox.faults().dropColumnFromNextOutputs("cost", 1);

    String[] lines = mpoDownload(id).body().split("\n");

    assertThat(lines[0]).isEqualTo("\"minute\",\"clicks\"");
    assertThat(lines[1].split(",")).hasSize(2);
  }

  @Test
  void metadataMismatchNextListsFewerColumnsThanTheRowsCarry() {
    String id = doneReport();
    sandbox.faults().metadataMismatchNext(1);

    JsonNode data = output(id).json().get("data");

    assertThat(data.at("/metadata/columns")).hasSize(4);
    assertThat(data.at("/data/0")).hasSize(5);
  }

  @Test
  void metadataMismatchNextAppliesToMpoJsonColumns() {
    String id = mpoExport("json");
    sandbox.faults().metadataMismatchNext(1);

    JsonNode file = mpoDownload(id).json();

    assertThat(names(file.get("columns"))).containsExactly("minute", "clicks");
    assertThat(file.at("/data/0")).hasSize(3);
  }

  @Test
  void slowDownloadsPauseAfterEveryThousandRows() {
    sandbox.faults().syntheticOutputRows(3000).slowDownloads(Duration.ofMillis(100));
    String id = doneReport();

    long started = System.nanoTime();
    SandboxClient.Reply reply = output(id);

    assertThat(reply.json().at("/data/data")).hasSize(3000);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void syntheticOutputRowsReplacesTheRowsWithThatManyGeneratedOnes() {
    sandbox.faults().syntheticOutputRows(5);
    String id = doneReport();

    JsonNode status = client.get(SandboxClient.reportPath(id, "status")).json();
    JsonNode data = output(id).json().get("data");

    assertThat(status.at("/data/attributes/message").asText()).isEqualTo("rows_count=5");
    assertThat(data.at("/metadata/rows").asInt()).isEqualTo(5);
    assertThat(names(data.at("/metadata/columns"))).containsExactly("Day", "CampaignId", "Campaign", "Clicks", "Displays");
    assertThat(data.at("/data/4/0").asText()).isEqualTo("2026-03-01");
    assertThat(data.at("/data/4/1").asLong()).isEqualTo(5);
  }

  @Test
  void downloadSwitchesAreUsedUpOnePerDownload() {
    String id = doneReport();
    sandbox.faults().metadataMismatchNext(2);

    output(id);
    output(id);

    JsonNode data = output(id).json().get("data");
    assertThat(data.at("/metadata/columns")).hasSize(data.at("/data/0").size());
  }
}
