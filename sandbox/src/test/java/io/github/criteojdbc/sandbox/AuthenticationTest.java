package io.github.criteojdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticationTest {
  private static final String ANY_STATUS = "/preview/reports/abc/status";

  private MovableClock clock;
  private SandboxServer sandbox;
  private SandboxClient client;

  @BeforeEach
  void start() {
    clock = TestTime.clock();
    sandbox = SandboxServer.start(SandboxOptions.builder().clock(clock).build());
    client = new SandboxClient(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private SandboxClient.Reply withAuthorization(String value) {
    return client.send(HttpRequest.newBuilder(client.uri(ANY_STATUS)).header("Authorization", value).build());
  }

  @Test
  void clientCredentialsGetABearerTokenForNineHundredSeconds() {
    SandboxClient.Reply reply = client.tokenRequest("grant_type=client_credentials&client_id=sandbox-client"
        + "&client_secret=sandbox-secret");

    assertThat(reply.status()).isEqualTo(200);
    JsonNode token = reply.json();
    assertThat(token.get("access_token").asText()).isNotBlank();
    assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(token.get("expires_in").asLong()).isEqualTo(900);
  }

  @Test
  void customCredentialsAreTheOnesAccepted() {
    try (SandboxServer custom = SandboxServer.start(SandboxOptions.builder().clientId("me").clientSecret("s3cret").build())) {
      SandboxClient other = new SandboxClient(custom);

      assertThat(custom.clientId()).isEqualTo("me");
      assertThat(other.tokenRequest("grant_type=client_credentials&client_id=me&client_secret=s3cret").status()).isEqualTo(200);
      assertThat(other.tokenRequest("grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox-secret")
          .status()).isEqualTo(401);
    }
  }

  @Test
  void wrongSecretIsInvalidClient() {
    SandboxClient.Reply reply = client.tokenRequest("grant_type=client_credentials&client_id=sandbox-client&client_secret=no");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().get("error").asText()).isEqualTo("invalid_client");
    assertThat(reply.json().get("error_description").asText()).isNotBlank();
  }

  @Test
  void missingGrantTypeIsUnsupportedGrantType() {
    SandboxClient.Reply reply = client.tokenRequest("client_id=sandbox-client&client_secret=sandbox-secret");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error").asText()).isEqualTo("unsupported_grant_type");
  }

  @Test
  void anotherGrantTypeIsUnsupportedGrantType() {
    SandboxClient.Reply reply = client.tokenRequest("grant_type=password&client_id=sandbox-client&client_secret=sandbox-secret");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error").asText()).isEqualTo("unsupported_grant_type");
  }

  @Test
  void severalTokensAreValidAtOnce() {
    String first = client.freshToken();
    String second = client.freshToken();

    assertThat(first).isNotEqualTo(second);
    assertThat(withAuthorization("Bearer " + first).status()).isEqualTo(404);
    assertThat(withAuthorization("Bearer " + second).status()).isEqualTo(404);
  }

  @Test
  void aCallWithoutTokenIsAuthorizationTokenMissing() {
    SandboxClient.Reply reply = client.send(HttpRequest.newBuilder(client.uri(ANY_STATUS)).build());

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.errorCode()).isEqualTo("authorization-token-missing");
    assertThat(reply.json().at("/errors/0/type").asText()).isEqualTo("authentication");
    assertThat(reply.json().at("/errors/0/traceId").asText()).hasSize(32);
  }

  @Test
  void anUnknownTokenIsAuthorizationTokenInvalid() {
    SandboxClient.Reply reply = withAuthorization("Bearer not-a-token");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.errorCode()).isEqualTo("authorization-token-invalid");
  }

  @Test
  void aTokenPastItsLifetimeIsAuthorizationTokenExpired() {
    String token = client.freshToken();
    clock.advance(Duration.ofSeconds(900));

    SandboxClient.Reply reply = withAuthorization("Bearer " + token);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.errorCode()).isEqualTo("authorization-token-expired");
  }

  @Test
  void theTokenLifetimeSwitchSetsExpiresInAndTheExpiry() {
    sandbox.faults().tokenLifetime(Duration.ofSeconds(30));
    SandboxClient.Reply reply = client.tokenRequest("grant_type=client_credentials&client_id=sandbox-client"
        + "&client_secret=sandbox-secret");
    String token = reply.json().get("access_token").asText();

    clock.advance(Duration.ofSeconds(29));
    SandboxClient.Reply stillValid = withAuthorization("Bearer " + token);
    clock.advance(Duration.ofSeconds(1));
    SandboxClient.Reply expired = withAuthorization("Bearer " + token);

    assertThat(reply.json().get("expires_in").asLong()).isEqualTo(30);
    assertThat(stillValid.status()).isEqualTo(404);
    assertThat(expired.errorCode()).isEqualTo("authorization-token-expired");
  }
}
