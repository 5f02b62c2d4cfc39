package io.github.criteojdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rate limit and throttling switches, and the x-ratelimit headers. */
class RateLimitTest {
  private static final String STATUS = "/preview/reports/unknown/status";

  private MovableClock clock;
  private SandboxServer sandbox;
  private SandboxClient client;

  @BeforeEach
  void start() {
    clock = TestTime.clock();
    sandbox = SandboxServer.start(SandboxOptions.builder().clock(clock).addClient("other", "pw").build());
    client = new SandboxClient(sandbox);
    client.token();
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void withoutALimitNoRateLimitHeadersAreSent() {
    assertThat(client.get(STATUS).header("x-ratelimit-limit")).isNull();
  }

  @Test
  void everyReportCallCarriesTheRateLimitHeaders() {
    sandbox.faults().rateLimitPerMinute(5);

    SandboxClient.Reply reply = client.get(STATUS);

    assertThat(reply.header("x-ratelimit-limit")).isEqualTo("5");
    assertThat(reply.header("x-ratelimit-remaining")).isEqualTo("4");
    assertThat(reply.header("x-ratelimit-reset")).isEqualTo(String.valueOf(TestTime.NOW.getEpochSecond() + 60));
  }

  @Test
  void callsBeyondTheLimitInSixtySecondsAreTooManyRequests() {
    sandbox.faults().rateLimitPerMinute(3);
    client.get(STATUS);
    clock.advance(Duration.ofSeconds(10));
    client.get(STATUS);
    client.get(STATUS);

    SandboxClient.Reply throttled = client.get(STATUS);

    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.errorCode()).isEqualTo("too-many-requests");
    assertThat(throttled.json().at("/errors/0/type").asText()).isEqualTo("quota");
    assertThat(throttled.header("x-ratelimit-remaining")).isEqualTo("0");
    assertThat(throttled.header("x-ratelimit-reset")).isEqualTo(String.valueOf(TestTime.NOW.getEpochSecond() + 60));
  }

  @Test
  void theWindowSlidesSoASlotFreesSixtySecondsAfterTheOldestCall() {
    sandbox.faults().rateLimitPerMinute(2);
    client.get(STATUS);
    clock.advance(Duration.ofSeconds(30));
    client.get(STATUS);
    assertThat(client.get(STATUS).status()).isEqualTo(429);

    clock.advance(Duration.ofSeconds(30));

    assertThat(client.get(STATUS).status()).isEqualTo(404);
    assertThat(client.get(STATUS).status()).isEqualTo(429);
  }

  @Test
  void eachClientIdHasItsOwnWindow() {
    sandbox.faults().rateLimitPerMinute(1);
    client.get(STATUS);
    String otherToken = client.tokenRequest("grant_type=client_credentials&client_id=other&client_secret=pw")
        .json().get("access_token").asText();

    SandboxClient.Reply other = client.send(HttpRequest.newBuilder(client.uri(STATUS))
        .header("Authorization", "Bearer " + otherToken).build());

    assertThat(other.status()).isEqualTo(404);
    assertThat(client.get(STATUS).status()).isEqualTo(429);
  }

  @Test
  void tokenRequestsDoNotCount() {
    sandbox.faults().rateLimitPerMinute(1);
    client.freshToken();
    client.freshToken();

    assertThat(client.get(STATUS).status()).isEqualTo(404);
  }

  @Test
  void throttleNextAnswers429WithAResetOneSecondAhead() {
    sandbox.faults().throttleNext(1, true);

    SandboxClient.Reply throttled = client.get(STATUS);
    SandboxClient.Reply next = client.get(STATUS);

    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.errorCode()).isEqualTo("too-many-requests");
    assertThat(throttled.header("x-ratelimit-reset")).isEqualTo(String.valueOf(TestTime.NOW.getEpochSecond() + 1));
    assertThat(next.status()).isEqualTo(404);
  }

  @Test
  void throttleNextCanLeaveOutTheResetHeader() {
    sandbox.faults().throttleNext(2, false);

    SandboxClient.Reply throttled = client.get(STATUS);

    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.header("x-ratelimit-reset")).isNull();
    assertThat(client.get(STATUS).status()).isEqualTo(429);
    assertThat(client.get(STATUS).status()).isEqualTo(404);
  }
}
