package io.github.criteojdbc.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.criteojdbc.client.testing.FakeCriteo.json;
import static io.github.criteojdbc.client.testing.FakeCriteo.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.github.criteojdbc.client.testing.FakeCriteo;
import io.github.criteojdbc.client.testing.FakeTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticationTest {
  static final FakeCriteo criteo = new FakeCriteo();
  static final String STATUS = "/preview/reports/r-1/status";

  @BeforeEach
  void reset() {
    criteo.reset();
  }

  @AfterAll
  static void stop() {
    criteo.close();
  }

  int tokenRequests() {
    return criteo.wm().findAll(postRequestedFor(urlPathEqualTo("/oauth2/token"))).size();
  }

  void stubTokens(String... tokens) {
    criteo.stubSequence(() -> post("/oauth2/token"),
        Arrays.stream(tokens).map(t -> okJson(FakeCriteo.tokenJson(t, 900)))
            .toArray(ResponseDefinitionBuilder[]::new));
  }

  @Test
  void expiredTokenMidPollIsRefreshedOnceAndThePollReplayed() {
    stubTokens("token-1", "token-2");
    criteo.stubStatisticsCreate("r-1");
    criteo.wm().stubFor(get(STATUS).withHeader("Authorization", equalTo("Bearer token-1"))
        .willReturn(json(401, FakeCriteo.error("authorization-token-expired", "The token has expired"))));
    criteo.wm().stubFor(get(STATUS).withHeader("Authorization", equalTo("Bearer token-2"))
        .willReturn(okJson(FakeCriteo.msStatus("r-1", "Done"))));
    criteo.stubOutput("r-1", RequestContractTest.OUTPUT);

    try (CriteoClient client = CriteoClient.create(criteo.config().build());
        RowStream rows = client.statisticsReport(RequestContractTest.statistics(), RequestContractTest.CAMPAIGN_CLICKS,
            QueryControl.none())) {
      assertThat(rows.next()).containsExactly("1111", 876L);
      assertThat(client.stats().tokensFetched()).isEqualTo(2);
    }
    assertThat(tokenRequests()).isEqualTo(2);
    criteo.wm().verify(1, getRequestedFor(urlPathEqualTo(STATUS)).withHeader("Authorization", equalTo("Bearer token-1")));
    criteo.wm().verify(1, getRequestedFor(urlPathEqualTo(STATUS)).withHeader("Authorization", equalTo("Bearer token-2")));
  }

  @Test
  void secondConsecutive401FailsAsAnAuthError() {
    criteo.stubToken();
    criteo.stubStatisticsCreate("r-1");
    criteo.wm().stubFor(get(STATUS).willReturn(json(401, FakeCriteo.error("authorization-token-invalid", "nope"))));

    try (CriteoClient client = CriteoClient.create(criteo.config().build())) {
      assertThatThrownBy(() -> client.statisticsReport(RequestContractTest.statistics(),
          RequestContractTest.CAMPAIGN_CLICKS, QueryControl.none()))
          .isInstanceOf(CriteoAuthException.class)
          .hasMessageContaining("401 authorization-token-invalid")
          .hasMessageContaining("clientId/clientSecret");
    }
    assertThat(tokenRequests()).isEqualTo(2);
  }

  @Test
  void tokenIsRefreshedProactivelyAMinuteBeforeItExpires() {
    stubTokens("token-1", "token-2");
    FakeTime time = FakeTime.startingAt("2026-01-01T00:00:00Z");
    try (CriteoClient client = CriteoClient.create(criteo.config().build(), time, time)) {
      client.verifyCredentials(QueryControl.none());
      time.advance(Duration.ofSeconds(839));
      client.verifyCredentials(QueryControl.none());
      assertThat(tokenRequests()).isEqualTo(1);

      time.advance(Duration.ofSeconds(1));
      client.verifyCredentials(QueryControl.none());
      assertThat(tokenRequests()).isEqualTo(2);
    }
  }

  @Test
  void tokenEndpointFailingTwiceIsRetried() {
    criteo.stubSequence(() -> post("/oauth2/token"),
        json(503, "unavailable"), json(500, "{}"), okJson(FakeCriteo.tokenJson("token-1", 900)));

    try (CriteoClient client = CriteoClient.create(criteo.config().build())) {
      client.verifyCredentials(QueryControl.none());
      assertThat(client.stats().retries()).isEqualTo(2);
      assertThat(client.stats().tokensFetched()).isEqualTo(1);
    }
    assertThat(tokenRequests()).isEqualTo(3);
  }

  @Test
  void wrongCredentialsFailAfterOneTokenRequestWithoutTheSecret() {
    criteo.wm().stubFor(post("/oauth2/token").willReturn(json(401,
        "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}")));

    try (CriteoClient client = CriteoClient.create(criteo.config().build())) {
      assertThatThrownBy(() -> client.verifyCredentials(QueryControl.none()))
          .isInstanceOfSatisfying(CriteoAuthException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e.code()).isEqualTo("invalid_client");
          })
          .hasMessageContaining("invalid_client: Client authentication failed")
          .hasMessageContaining("clientId/clientSecret or the app's advertiser access")
          .hasMessageNotContaining(FakeCriteo.SECRET);
    }
    assertThat(tokenRequests()).isEqualTo(1);
  }

  @Test
  void secretEchoedByTheServerIsMaskedInTheMessage() {
    criteo.wm().stubFor(post("/oauth2/token").willReturn(json(400,
        "{\"error\":\"invalid_request\",\"error_description\":\"bad secret " + FakeCriteo.SECRET + "\"}")));

    try (CriteoClient client = CriteoClient.create(criteo.config().build())) {
      assertThatThrownBy(() -> client.verifyCredentials(QueryControl.none()))
          .isInstanceOf(CriteoAuthException.class)
          .hasMessageContaining("bad secret ****")
          .hasMessageNotContaining(FakeCriteo.SECRET);
    }
  }

  @Test
  void forbiddenIsAnAuthErrorWithoutRefreshOrRetry() {
    criteo.stubToken();
    criteo.wm().stubFor(post(FakeCriteo.STATS_CREATE).willReturn(json(403,
        FakeCriteo.error("insufficient-accountpermissions", "No access to advertiser 1111"))));

    try (CriteoClient client = CriteoClient.create(criteo.config().build())) {
      assertThatThrownBy(() -> client.statisticsReport(RequestContractTest.statistics(),
          RequestContractTest.CAMPAIGN_CLICKS, QueryControl.none()))
          .isInstanceOf(CriteoAuthException.class)
          .hasMessageContaining("No access to advertiser 1111");
    }
    assertThat(tokenRequests()).isEqualTo(1);
    criteo.wm().verify(1, postRequestedFor(urlPathEqualTo(FakeCriteo.STATS_CREATE)));
  }

  @Test
  void twoClientsOfOneApplicationShareOneToken() {
    criteo.stubToken();
    CriteoClientConfig config = criteo.config().build();

    try (CriteoClient first = CriteoClient.create(config); CriteoClient second = CriteoClient.create(config)) {
      first.verifyCredentials(QueryControl.none());
      second.verifyCredentials(QueryControl.none());
    }
    assertThat(tokenRequests()).isEqualTo(1);
  }

  @Test
  void parallelQueriesOfOneClientShareOneTokenFetch() throws Exception {
    criteo.wm().stubFor(post("/oauth2/token").willReturn(okJson(FakeCriteo.tokenJson("token-1", 900))
        .withFixedDelay(200)));
    criteo.stubStatisticsCreate("r-1");
    criteo.stubStatus("r-1", "Done");
    criteo.stubOutput("r-1", RequestContractTest.OUTPUT);
    ExecutorService pool = Executors.newFixedThreadPool(4);

    try (CriteoClient client = CriteoClient.create(criteo.config().build())) {
      List<Future<Integer>> counts = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        counts.add(pool.submit(() -> {
          try (RowStream rows = client.statisticsReport(RequestContractTest.statistics(),
              RequestContractTest.CAMPAIGN_CLICKS, QueryControl.none())) {
            int n = 0;
            while (rows.next() != null) {
              n++;
            }
            return n;
          }
        }));
      }
      for (Future<Integer> count : counts) {
        assertThat(count.get(10, TimeUnit.SECONDS)).isEqualTo(2);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(tokenRequests()).isEqualTo(1);
  }

  @Test
  void aClientWithAnotherSecretNeverReusesTheCachedToken() {
    criteo.stubToken();
    CriteoClientConfig right = criteo.config().build();
    CriteoClientConfig wrong = criteo.config().clientId(right.clientId()).clientSecret("guess").build();

    try (CriteoClient first = CriteoClient.create(right); CriteoClient second = CriteoClient.create(wrong)) {
      first.verifyCredentials(QueryControl.none());
      second.verifyCredentials(QueryControl.none());
    }
    assertThat(tokenRequests()).isEqualTo(2);
    criteo.wm().verify(1, postRequestedFor(urlPathEqualTo("/oauth2/token"))
        .withRequestBody(WireMock.containing("client_secret=guess")));
  }
}
