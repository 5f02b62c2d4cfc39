package io.github.criteojdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Outputs are streamed: millions of rows pass without the server or the client holding them. */
class StreamingTest {

  @Test
  void twoMillionSyntheticRowsStreamThroughAndCanBeCountedWhileReading() throws Exception {
    try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().clock(TestTime.clock()).build())) {
      sandbox.faults().pendingPolls(0).syntheticOutputRows(2_000_000);
      SandboxClient client = new SandboxClient(sandbox);
      String id = client.createStatistics(Requests.statistics(List.of("10001"), "2026-03-01", "2026-03-01",
          List.of("Day"), List.of("Clicks")));

      HttpResponse<InputStream> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
          client.authorized(SandboxClient.reportPath(id, "output")).build(), HttpResponse.BodyHandlers.ofInputStream());

      assertThat(response.headers().firstValue("Content-Length")).isEmpty();
      assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
      try (InputStream body = response.body()) {
        assertThat(countRows(body)).isEqualTo(2_000_000);
      }
    }
  }

  /**
   * Counts the arrays nested in an array (the rows of {@code data.data}; metadata columns are objects) token by
   * token, never holding more than one row.
   */
  private static long countRows(InputStream body) throws IOException {
    try (JsonParser parser = SandboxClient.JSON.getFactory().createParser(body)) {
      long rows = 0;
      int depth = 0;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.START_ARRAY) {
          depth++;
          if (depth == 2) {
            rows++;
          }
        } else if (token == JsonToken.END_ARRAY) {
          depth--;
        }
      }
      return rows;
    }
  }
}
