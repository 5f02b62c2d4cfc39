package io.github.criteojdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.criteojdbc.sandbox.report.ReportVariant;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The switches that shape a report's life: how long it is Pending and how it ends. */
class ReportFaultsTest {
  private MovableClock clock;
  private SandboxServer sandbox;
  private SandboxClient client;
  private int dayOffset;

  @BeforeEach
  void start() {
    clock = TestTime.clock();
    sandbox = SandboxServer.start(SandboxOptions.builder().clock(clock).build());
    // These tests check the spec's own forms; ReportVariantsTest covers the others.
    sandbox.faults().pinVariant(ReportVariant.spec());
    client = new SandboxClient(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  /** A different request each time, so no report is reused. */
  private ObjectNode nextRequest() {
    dayOffset++;
    String day = "2026-03-" + String.format("%02d", dayOffset);
    return Requests.statistics(List.of("10001"), day, day, List.of("Day"), List.of("Clicks"));
  }

  private String status(String id) {
    return client.get(SandboxClient.reportPath(id, "status")).json().at("/data/attributes/status").asText();
  }

  private String message(String id) {
    return client.get(SandboxClient.reportPath(id, "status")).json().at("/data/attributes/message").asText();
  }

  private SandboxClient.Reply output(String id) {
    return client.get(SandboxClient.reportPath(id, "output"));
  }

  private String mpoExport() {
    ObjectNode body = Requests.mpo(List.of("10001"), List.of("advertiserId"), List.of("clicks"));
    Requests.attributes(body).put("lookbackWindow", 60 + dayOffset++);
    return client.post(SandboxClient.MPO_EXPORT, body).json().at("/data/attributes/exportId").asText();
  }

  private String mpoStatus(String id) {
    return client.get(SandboxClient.MPO + "/report-jobs/" + id).json().at("/data/attributes/status").asText();
  }

  @Test
  void pendingPollsSetsHowManyStatusCallsAnswerPending() {
    sandbox.faults().pendingPolls(3);
    String id = client.createStatistics(nextRequest());

    assertThat(List.of(status(id), status(id), status(id), status(id))).containsExactly("Pending", "Pending", "Pending", "Done");
  }

  @Test
  void zeroPendingPollsMakesTheFirstStatusDoneAndTheOutputReadyAtOnce() {
    sandbox.faults().pendingPolls(0);
    String id = client.createStatistics(nextRequest());

    assertThat(output(id).status()).isEqualTo(200);
    assertThat(status(id)).isEqualTo("Done");
  }

  @Test
  void pendingForKeepsReportsPendingUntilTheTimeHasPassed() {
    sandbox.faults().pendingPolls(0).pendingFor(Duration.ofMinutes(10));
    String id = client.createStatistics(nextRequest());

    String before = status(id);
    clock.advance(Duration.ofMinutes(10));

    assertThat(before).isEqualTo("Pending");
    assertThat(status(id)).isEqualTo("Done");
  }

  @Test
  void neverFinishHoldsEveryReportPendingUntilSwitchedOff() {
    sandbox.faults().neverFinish(true);
    String id = client.createStatistics(nextRequest());
    for (int poll = 0; poll < 5; poll++) {
      assertThat(status(id)).isEqualTo("Pending");
    }
    assertThat(output(id).errorCode()).isEqualTo("report-not-ready");

    sandbox.faults().neverFinish(false);

    assertThat(status(id)).isEqualTo("Done");
  }

  @Test
  void neverFinishHoldsMpoExportsToo() {
    sandbox.faults().neverFinish(true);
    String id = mpoExport();

    assertThat(List.of(mpoStatus(id), mpoStatus(id), mpoStatus(id))).containsOnly("Pending");
  }

  @Test
  void failNextReportsEndsThatManyReportsInFailureWithTheMessage() {
    sandbox.faults().failNextReports(1, "upstream timeout");
    String failing = client.createStatistics(nextRequest());
    String next = client.createStatistics(nextRequest());

    assertThat(status(failing)).isEqualTo("Pending");
    assertThat(status(failing)).isEqualTo("Failure");
    assertThat(message(failing)).isEqualTo("upstream timeout");
    assertThat(output(failing).errorCode()).isEqualTo("report-failed");
    status(next);
    assertThat(status(next)).isEqualTo("Done");
  }

  @Test
  void aFailedReportIsNotReusedByAnIdenticalRequest() {
    sandbox.faults().pendingPolls(0).failNextReports(1, "boom");
    ObjectNode request = nextRequest();
    String failed = client.createStatistics(request);
    status(failed);

    String retried = client.createStatistics(request);

    assertThat(retried).isNotEqualTo(failed);
    assertThat(status(retried)).isEqualTo("Done");
  }

  @Test
  void expireNextReportsShowsExpiredInsteadOfDone() {
    sandbox.faults().pendingPolls(0).expireNextReports(1);
    String id = client.createStatistics(nextRequest());

    assertThat(status(id)).isEqualTo("Expired");
    assertThat(output(id).status()).isEqualTo(400);
    assertThat(output(id).errorCode()).isEqualTo("report-expired");
  }

  @Test
  void expireNextReportsAppliesToMpoExportsWithExportAlreadyExpired() {
    sandbox.faults().pendingPolls(0).expireNextReports(1);
    String id = mpoExport();

    assertThat(mpoStatus(id)).isEqualTo("Expired");
    SandboxClient.Reply download = client.get(SandboxClient.MPO + "/realtime-reports/" + id);
    assertThat(download.status()).isEqualTo(400);
    assertThat(download.errorCode()).isEqualTo("export-alreadyexpired");
  }

  @Test
  void expireAfterDoneExpiresTheReportAtItsFirstDownload() {
    sandbox.faults().pendingPolls(0).expireAfterDone(1);
    String id = client.createStatistics(nextRequest());

    assertThat(status(id)).isEqualTo("Done");
    assertThat(output(id).errorCode()).isEqualTo("report-expired");
    assertThat(status(id)).isEqualTo("Expired");
  }

  @Test
  void expireAfterDoneAppliesToMpoExports() {
    sandbox.faults().pendingPolls(0).expireAfterDone(1);
    String id = mpoExport();

    assertThat(mpoStatus(id)).isEqualTo("Done");
    assertThat(client.get(SandboxClient.MPO + "/realtime-reports/" + id).errorCode()).isEqualTo("export-alreadyexpired");
    assertThat(mpoStatus(id)).isEqualTo("Expired");
  }

  @Test
  void reportsExpireOneHourAfterCreationAndAreThenCreatedAnew() {
    sandbox.faults().pendingPolls(0).tokenLifetime(Duration.ofHours(2));
    ObjectNode request = nextRequest();
    String id = client.createStatistics(request);
    assertThat(status(id)).isEqualTo("Done");

    clock.advance(Duration.ofHours(1));

    assertThat(status(id)).isEqualTo("Expired");
    assertThat(output(id).errorCode()).isEqualTo("report-expired");
    assertThat(client.createStatistics(request)).isNotEqualTo(id);
  }

  @Test
  void aReusedDoneExportIsAnsweredWithItsCurrentStatus() {
    sandbox.faults().pendingPolls(0);
    ObjectNode body = Requests.mpo(List.of("10001"), List.of("advertiserId"), List.of("clicks"));
    Requests.attributes(body).put("lookbackWindow", 60);
    mpoStatus(client.post(SandboxClient.MPO_EXPORT, body).json().at("/data/attributes/exportId").asText());

    SandboxClient.Reply again = client.post(SandboxClient.MPO_EXPORT, body);

    assertThat(again.json().at("/data/attributes/status").asText()).isEqualTo("Done");
    assertThat(again.json().at("/data/attributes/message").asText()).startsWith("rows_count=");
  }

  @Test
  void resetRestoresTheDefaults() {
    sandbox.faults().pendingPolls(5).neverFinish(true).failNextReports(3, "x").reset();
    String id = client.createStatistics(nextRequest());

    assertThat(List.of(status(id), status(id))).containsExactly("Pending", "Done");
  }
}
