package io.github.criteojdbc.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.client.testing.FakeCriteo;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An explicit proxy carries every call and answers its 407 challenge with basic credentials. */
class ProxyTest {
  final FakeCriteo proxy = new FakeCriteo();

  @AfterEach
  void stop() {
    proxy.close();
  }

  @Test
  void callsGoThroughTheProxyWithBasicAuth() {
    String credentials = "Basic " + Base64.getEncoder().encodeToString("bob:proxy-pass".getBytes());
    proxy.wm().stubFor(post("/oauth2/token").willReturn(aResponse().withStatus(407)
        .withHeader("Proxy-Authenticate", "Basic realm=\"corp\"")));
    proxy.wm().stubFor(post("/oauth2/token").withHeader("Proxy-Authorization", equalTo(credentials))
        .willReturn(FakeCriteo.okJson(FakeCriteo.tokenJson("token-1", 900))));
    CriteoClientConfig config = proxy.config()
        .baseUrl("http://127.0.0.1:9") // nothing listens there: only the proxy can answer
        .proxy(ProxySettings.withBasicAuth("127.0.0.1", proxy.wm().port(), "bob", Secret.of("proxy-pass")))
        .build();

    try (CriteoClient client = CriteoClient.create(config)) {
      client.verifyCredentials(QueryControl.none());
      assertThat(client.stats().tokensFetched()).isEqualTo(1);
    }
    assertThat(proxy.wm().getAllServeEvents()).hasSize(2);
  }
}
