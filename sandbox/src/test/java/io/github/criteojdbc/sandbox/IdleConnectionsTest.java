package io.github.criteojdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Like most servers, the sandbox keeps connections alive between requests but closes them once idle. */
class IdleConnectionsTest {
  static final String REQUEST = "GET /not-an-endpoint HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

  final SandboxServer sandbox = SandboxServer.start();

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void aKeptAliveConnectionIsClosedByTheServerOnceIdle() throws IOException {
    try (Socket socket = new Socket(sandbox.baseUrl().getHost(), sandbox.baseUrl().getPort())) {
      // A bound for the test only: the server closes the connection within about IDLE_CONNECTION_TIMEOUT.
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(REQUEST.getBytes(StandardCharsets.US_ASCII));
      String first = readResponse(in);
      out.write(REQUEST.getBytes(StandardCharsets.US_ASCII));
      String second = readResponse(in);

      assertThat(first).startsWith("HTTP/1.1 404").doesNotContainIgnoringCase("connection: close");
      assertThat(second).startsWith("HTTP/1.1 404");
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  /** Reads one response with a Content-Length body. */
  private static String readResponse(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      head.append((char) in.read());
    }
    int length = 0;
    for (String line : head.toString().split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        length = Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    assertThat(in.readNBytes(length)).hasSize(length);
    return head.toString();
  }
}
