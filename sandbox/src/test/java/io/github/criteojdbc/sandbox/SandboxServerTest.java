package io.github.criteojdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class SandboxServerTest {

  @Test
  void startsOnAFreeLoopbackPortWithTheDefaultCredentials() {
    try (SandboxServer sandbox = SandboxServer.start()) {
      assertThat(sandbox.baseUrl().getHost()).isEqualTo("127.0.0.1");
      assertThat(sandbox.baseUrl().getPort()).isPositive();
      assertThat(sandbox.clientId()).isEqualTo("sandbox-client");
      assertThat(sandbox.clientSecret()).isEqualTo("sandbox-secret");
    }
  }

  @Test
  void startsOnTheRequestedPort() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().port(port).build())) {
      assertThat(sandbox.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + port);
    }
  }

  @Test
  void closeStopsListening() {
    SandboxServer sandbox = SandboxServer.start();
    int port = sandbox.baseUrl().getPort();

    sandbox.close();

    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(IOException.class);
  }

  @Test
  void twoSandboxesRunSideBySide() {
    try (SandboxServer first = SandboxServer.start(); SandboxServer second = SandboxServer.start()) {
      assertThat(first.baseUrl()).isNotEqualTo(second.baseUrl());
      assertThat(new SandboxClient(first).freshToken()).isNotBlank();
      assertThat(new SandboxClient(second).freshToken()).isNotBlank();
    }
  }
}
