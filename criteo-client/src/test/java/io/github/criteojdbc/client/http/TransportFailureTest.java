package io.github.criteojdbc.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class TransportFailureTest {
  @Test
  void endOfStreamIsAConnectionTheServerClosedAndGivesNoProxyHint() {
    TransportFailure failure = TransportFailure.of(new IOException("unexpected end of stream on http://x/...",
        new EOFException("\\n not found")));

    assertThat(failure.cause()).isEqualTo("the server closed the connection (unexpected end of stream on http://x/...)");
    assertThat(failure.advice()).doesNotContain("proxy");
  }

  @Test
  void refusedConnectionPointsAtTheNetworkAndTheProxy() {
    TransportFailure failure = TransportFailure.of(new ConnectException("Failed to connect to /127.0.0.1:9"));

    assertThat(failure.cause()).startsWith("could not connect (");
    assertThat(failure.advice()).contains("proxy settings");
  }

  @Test
  void proxyThatRejectsTheTunnelIsNamed() {
    TransportFailure failure = TransportFailure.of(new IOException("Unexpected response code for CONNECT: 407"));

    assertThat(failure.cause()).startsWith("the proxy refused the connection (");
  }

  @Test
  void unknownHostPointsAtBaseUrlAndDns() {
    TransportFailure failure = TransportFailure.of(new UnknownHostException("api.critoe.com"));

    assertThat(failure.advice()).contains("baseUrl", "DNS");
  }

  @Test
  void readTimeoutSuggestsRaisingIt() {
    TransportFailure failure = TransportFailure.of(new SocketTimeoutException("timeout"));

    assertThat(failure.cause()).startsWith("no answer within readTimeout");
    assertThat(failure.advice()).doesNotContain("proxy");
  }
}
