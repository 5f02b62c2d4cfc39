package io.github.criteojdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestLogTest {
  private SandboxServer sandbox;
  private SandboxClient client;

  @BeforeEach
  void start() {
    sandbox = SandboxServer.start(SandboxOptions.builder().clock(TestTime.clock()).build());
    client = new SandboxClient(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private String createReport() {
    return client.createStatistics(Requests.statistics(List.of("10001"), "2026-03-01", "2026-03-01",
        List.of("Day"), List.of("Clicks")));
  }

  @Test
  void everyRequestIsLoggedWithItsBodyHeadersAndStatus() {
    createReport();

    LoggedRequest create = sandbox.requestLog().all().get(1);

    assertThat(create.method()).isEqualTo("POST");
    assertThat(create.path()).isEqualTo("/preview/reports/async-statistics");
    assertThat(create.body()).contains("\"advertiserIds\":[\"10001\"]");
    assertThat(create.header("content-type")).hasValue("application/json");
    assertThat(create.headers().get("AUTHORIZATION")).hasSize(1);
    assertThat(create.status()).isEqualTo(202);
    assertThat(create.at()).isEqualTo(TestTime.NOW);
  }

  @Test
  void thePathIsKeptRawAndDecoded() {
    String id = createReport();
    client.get(SandboxClient.reportPath(id, "status"));

    LoggedRequest status = sandbox.requestLog().all().get(2);

    assertThat(status.path()).isEqualTo("/preview/reports/" + SandboxClient.encode(id) + "/status");
    assertThat(status.decodedPath()).isEqualTo("/preview/reports/" + id + "/status");
  }

  @Test
  void countsTellTokenRequestsCreationsAndReportCallsApart() {
    String id = createReport();
    client.get(SandboxClient.reportPath(id, "status"));
    client.get(SandboxClient.reportPath(id, "status"));
    client.get(SandboxClient.reportPath(id, "output"));
    client.post(SandboxClient.MPO_EXPORT, "{}");
    client.post(SandboxClient.AUDIENCE, "not json");
    client.get("/preview/unknown");

    RequestLog log = sandbox.requestLog();
    assertThat(log.tokenRequests()).isEqualTo(1);
    assertThat(log.reportCreations()).isEqualTo(3);
    assertThat(log.reportCalls()).isEqualTo(6);
    assertThat(log.all()).hasSize(8);
    assertThat(log.count(request -> request.status() == 400)).isEqualTo(2);
  }

  @Test
  void clearEmptiesTheLog() {
    createReport();

    sandbox.requestLog().clear();

    assertThat(sandbox.requestLog().all()).isEmpty();
    assertThat(sandbox.requestLog().reportCalls()).isZero();
  }

  @Test
  void loggedRequestsKnowTheirKindOfCall() {
    createReport();

    List<LoggedRequest> all = sandbox.requestLog().all();

    assertThat(all.get(0).isTokenRequest()).isTrue();
    assertThat(all.get(0).endpoint()).hasValue(Endpoint.TOKEN);
    assertThat(all.get(1).isReportCreation()).isTrue();
    assertThat(all.get(1).isReportCall()).isTrue();
  }
}
