package io.github.criteojdbc.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CriteoClientConfigTest {
  static CriteoClientConfig.Builder valid() {
    return CriteoClientConfig.builder().clientId("my-app").clientSecret("very-secret");
  }

  @Test
  void defaultsMatchTheDocumentedOnes() {
    CriteoClientConfig config = valid().build();

    assertThat(config.baseUrl()).isEqualTo(URI.create("https://api.criteo.com"));
    assertThat(config.tokenUrl()).isEqualTo(URI.create("https://api.criteo.com/oauth2/token"));
    assertThat(config.apiVersion()).isEqualTo("preview");
    assertThat(config.maxCallsPerMinute()).isEqualTo(40);
    assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.reportTimeout()).isEqualTo(Duration.ofSeconds(900));
    assertThat(config.maxRetries()).isEqualTo(4);
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.proxy()).isEmpty();
    assertThat(config.userAgent()).matches("criteo-jdbc/\\d+\\.\\d+\\.\\d+.*");
    assertThat(config.isLoopback()).isFalse();
  }

  @Test
  void tokenUrlFollowsTheBaseUrl() {
    assertThat(valid().baseUrl("http://127.0.0.1:8080/").build().tokenUrl())
        .isEqualTo(URI.create("http://127.0.0.1:8080/oauth2/token"));
  }

  @Test
  void plainHttpIsRefusedForARemoteHost() {
    assertThatThrownBy(() -> valid().baseUrl("http://api.criteo.com").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl").hasMessageContaining("https");
  }

  @Test
  void plainHttpIsAllowedOnLoopback() {
    for (String url : new String[] {"http://localhost:1234", "http://127.0.0.1:1", "http://127.9.8.7", "http://[::1]:99"}) {
      assertThat(valid().baseUrl(url).build().isLoopback()).as(url).isTrue();
    }
  }

  @Test
  void pollIntervalUnderFiveSecondsIsRaisedForTheRealApi() {
    assertThat(valid().pollInterval(Duration.ofMillis(10)).build().pollInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(valid().baseUrl("http://localhost:9").pollInterval(Duration.ofMillis(10)).build().pollInterval())
        .isEqualTo(Duration.ofMillis(10));
  }

  @Test
  void missingCredentialsAreNamed() {
    assertThatThrownBy(() -> CriteoClientConfig.builder().clientSecret("x").build())
        .hasMessageContaining("clientId");
    assertThatThrownBy(() -> CriteoClientConfig.builder().clientId("x").build())
        .hasMessageContaining("clientSecret");
  }

  @Test
  void toStringMasksTheClientSecretAndProxyPassword() {
    String text = valid().proxy(ProxySettings.withBasicAuth("proxy", 3128, "bob", Secret.of("proxy-pass")))
        .build().toString();

    assertThat(text).contains("clientSecret=****", "bob:****@proxy:3128")
        .doesNotContain("very-secret", "proxy-pass");
  }

  @Test
  void secretComparesByValueButNeverPrints() {
    assertThat(Secret.of("abc")).isEqualTo(Secret.of("abc")).hasSameHashCodeAs(Secret.of("abc"))
        .isNotEqualTo(Secret.of("abd")).hasToString("****");
  }
}
