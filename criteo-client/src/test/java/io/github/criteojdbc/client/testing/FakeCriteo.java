package io.github.criteojdbc.client.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.criteojdbc.client.CriteoClientConfig;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A WireMock server playing the Criteo API, with stubs for the usual calls. Each test gets a fresh
 * application id so that the JVM-wide token cache and rate limiter never leak between tests.
 */
public final class FakeCriteo implements AutoCloseable {
  public static final String SECRET = "s3cr+t/value";
  public static final String TOKEN = "token-1";
  public static final String STATS_CREATE = "/preview/reports/async-statistics";
  public static final String AUDIENCE_CREATE = "/preview/reports/async-audience-performance";
  public static final String MPO = "/preview/marketing-solutions/marketplace-performance-outcomes/stats";

  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private final AtomicInteger scenarios = new AtomicInteger();

  public FakeCriteo() {
    server.start();
  }

  public WireMockServer wm() {
    return server;
  }

  public String baseUrl() {
    return server.baseUrl();
  }

  /** A config for this server: loopback, tiny poll interval and backoff, unique clientId. */
  public CriteoClientConfig.Builder config() {
    return CriteoClientConfig.builder()
        .baseUrl(baseUrl())
        .clientId("app-" + UUID.randomUUID())
        .clientSecret(SECRET)
        .pollInterval(Duration.ofMillis(5))
        .retryBackoff(Duration.ofMillis(2))
        .readTimeout(Duration.ofSeconds(5));
  }

  public void reset() {
    server.resetAll();
  }

  public void stubToken() {
    stubToken(TOKEN, 900);
  }

  public void stubToken(String token, int expiresIn) {
    server.stubFor(post("/oauth2/token").willReturn(okJson(tokenJson(token, expiresIn))));
  }

  public static String tokenJson(String token, int expiresIn) {
    return "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}";
  }

  public void stubStatisticsCreate(String reportId) {
    server.stubFor(post(STATS_CREATE).willReturn(json(202, msStatus(reportId, "Pending"))));
  }

  public void stubStatus(String encodedId, String status) {
    server.stubFor(get(urlPathEqualTo("/preview/reports/" + encodedId + "/status"))
        .willReturn(okJson(msStatus("ignored", status))));
  }

  public void stubOutput(String encodedId, String body) {
    server.stubFor(get(urlPathEqualTo("/preview/reports/" + encodedId + "/output")).willReturn(okJson(body)));
  }

  /** Stubs that answer one after the other, the last one repeating. */
  public void stubSequence(Supplier<MappingBuilder> request, ResponseDefinitionBuilder... responses) {
    String scenario = "sequence-" + scenarios.incrementAndGet();
    for (int i = 0; i < responses.length; i++) {
      ScenarioMappingBuilder step = request.get().inScenario(scenario)
          .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step-" + i);
      if (i < responses.length - 1) {
        step = step.willSetStateTo("step-" + (i + 1));
      }
      server.stubFor(step.willReturn(responses[i]));
    }
  }

  public static String msStatus(String reportId, String status) {
    return "{\"data\":{\"type\":\"MarketingSolutionsReportStatus\",\"id\":\"" + reportId
        + "\",\"attributes\":{\"status\":\"" + status + "\",\"message\":null}},\"errors\":[],\"warnings\":[]}";
  }

  public static String error(String code, String detail) {
    return "{\"warnings\":[],\"errors\":[{\"traceId\":\"trace-" + code + "\",\"type\":\"validation\",\"code\":\""
        + code + "\",\"title\":\"" + code + " title\",\"detail\":\"" + detail + "\"}]}";
  }

  public static ResponseDefinitionBuilder okJson(String body) {
    return json(200, body);
  }

  public static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  @Override
  public void close() {
    server.stop();
  }
}
