package io.github.criteojdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.criteojdbc.sandbox.report.ReportIds;
import io.github.criteojdbc.sandbox.report.ReportVariant;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The switches that make single calls fail: errors, dropped connections, latency, deprecation headers. */
class CallFaultsTest {
  private static final String STATUS = "/preview/reports/unknown/status";

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

  private SandboxClient.Reply createReport() {
    return client.post(SandboxClient.STATISTICS, Requests.statistics(List.of("10001"), "2026-03-01", "2026-03-01",
        List.of("Day"), List.of("Clicks")));
  }

  private SandboxClient.Reply validTokenRequest() {
    return client.tokenRequest("grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox-secret");
  }

  @Test
  void failNextTokenRequestsAnswers500ThatManyTimes() {
    sandbox.faults().failNextTokenRequests(2);

    assertThat(List.of(validTokenRequest().status(), validTokenRequest().status(), validTokenRequest().status()))
        .containsExactly(500, 500, 200);
  }

  @Test
  void failNextCallsAnswersAnInternalErrorEnvelopeOnThatEndpointOnly() {
    client.token();
    sandbox.faults().failNextCalls(Endpoint.CREATE, 1);

    SandboxClient.Reply status = client.get(STATUS);
    SandboxClient.Reply failed = createReport();
    SandboxClient.Reply next = createReport();

    assertThat(status.status()).isEqualTo(404);
    assertThat(failed.status()).isEqualTo(500);
    assertThat(failed.errorCode()).isEqualTo("internal-error");
    assertThat(failed.json().at("/errors/0/traceId").asText()).isNotBlank();
    assertThat(next.status()).isEqualTo(202);
  }

  @Test
  void failNextCallsCoversStatusAndOutput() {
    sandbox.faults().pendingPolls(0);
    String id = createReport().json().at("/data/id").asText();
    sandbox.faults().failNextCalls(Endpoint.STATUS, 1).failNextCalls(Endpoint.OUTPUT, 1);

    assertThat(client.get(SandboxClient.reportPath(id, "status")).status()).isEqualTo(500);
    assertThat(client.get(SandboxClient.reportPath(id, "output")).status()).isEqualTo(500);
    assertThat(client.get(SandboxClient.reportPath(id, "output")).status()).isEqualTo(200);
  }

  @Test
  void dropNextCallsClosesTheConnectionWithoutAResponse() {
    client.token();
    sandbox.faults().dropNextCalls(Endpoint.CREATE, 1);
    HttpRequest create = client.authorized(SandboxClient.STATISTICS).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Requests.statistics(List.of("10001"), "2026-03-01", "2026-03-01",
            List.of("Day"), List.of("Clicks")).toString())).build();

    assertThatThrownBy(() -> client.sendOrThrow(create)).isInstanceOf(IOException.class);
    assertThat(createReport().status()).isEqualTo(202);
    assertThat(sandbox.requestLog().all().stream().filter(LoggedRequest::isReportCreation).map(LoggedRequest::status))
        .containsExactly(0, 202);
  }

  @Test
  void loseNextResponsesCarriesTheCreateOutButClosesTheConnectionBeforeAnswering() {
    client.token();
    sandbox.faults().loseNextResponses(Endpoint.CREATE, 1);
    HttpRequest create = client.authorized(SandboxClient.STATISTICS).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Requests.statistics(List.of("10001"), "2026-03-01", "2026-03-01",
            List.of("Day"), List.of("Clicks")).toString())).build();

    assertThatThrownBy(() -> client.sendOrThrow(create)).isInstanceOf(IOException.class);
    String reportId = createReport().json().path("data").path("id").asText();

    // The lost call made the first report of this sandbox: the one created afterwards is the second.
    assertThat(ReportIds.serialOf(reportId)).isEqualTo(2);
    assertThat(sandbox.requestLog().all().stream().filter(LoggedRequest::isReportCreation).map(LoggedRequest::status))
        .containsExactly(0, 202);
  }

  @Test
  void dropNextCallsWorksOnTheTokenEndpoint() {
    sandbox.faults().dropNextCalls(Endpoint.TOKEN, 1);
    HttpRequest token = HttpRequest.newBuilder(client.uri("/oauth2/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();

    assertThatThrownBy(() -> client.sendOrThrow(token)).isInstanceOf(IOException.class);
  }

  @Test
  void randomServerErrorsFailReportCallsWithTheGivenProbabilityReproducibly() {
    client.token();
    sandbox.faults().randomServerErrors(0.5, 42);
    StringBuilder first = new StringBuilder();
    for (int call = 0; call < 40; call++) {
      first.append(client.get(STATUS).status() == 500 ? 'x' : '.');
    }
    sandbox.faults().randomServerErrors(0.5, 42);
    StringBuilder second = new StringBuilder();
    for (int call = 0; call < 40; call++) {
      second.append(client.get(STATUS).status() == 500 ? 'x' : '.');
    }

    assertThat(first.toString()).contains("x", ".");
    assertThat(second.toString()).isEqualTo(first.toString());
    assertThat(validTokenRequest().status()).isEqualTo(200);
  }

  @Test
  void latencyDelaysEveryRequest() {
    sandbox.faults().latency(Duration.ofMillis(200));

    long started = System.nanoTime();
    validTokenRequest();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
  }

  @Test
  void deprecationHeadersMarkEveryApiResponse() {
    client.token();
    sandbox.faults().deprecationHeaders(true);

    SandboxClient.Reply reply = createReport();
    SandboxClient.Reply error = client.get(STATUS);

    assertThat(reply.header("Deprecation")).isEqualTo("true");
    assertThat(ZonedDateTime.parse(reply.header("Sunset"), DateTimeFormatter.RFC_1123_DATE_TIME))
        .isAfter(TestTime.NOW.atZone(java.time.ZoneOffset.UTC));
    assertThat(error.header("Deprecation")).isEqualTo("true");
  }

  @Test
  void withoutTheSwitchThereAreNoDeprecationHeaders() {
    assertThat(createReport().header("Deprecation")).isNull();
  }

  @Test
  void unknownPathsAre404WithAnErrorEnvelope() {
    SandboxClient.Reply reply = client.get("/preview/nothing-here");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorCode()).isEqualTo("not-found");
  }
}
