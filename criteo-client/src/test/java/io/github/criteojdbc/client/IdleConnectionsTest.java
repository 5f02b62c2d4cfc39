package io.github.criteojdbc.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.client.testing.FakeCriteo;
import io.github.criteojdbc.client.testing.IdleClosingServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pooled keep-alive connections that the server closed while the client waited must not fail the next call. */
class IdleConnectionsTest {
  static final int PARALLEL_CALLS = 4;
  static final String REPORT = """
      {"errorDetails":[],"importRequestTimestamp":"1773829800000","numberOfProductsDeleted":"0",
       "numberOfProductsInTheBatch":"1","numberOfProductsUpserted":"1","numberOfProductsWithErrors":"0",
       "numberOfProductsWithWarnings":"0","status":"VALIDATED","warningDetails":[]}""";

  final IdleClosingServer server = new IdleClosingServer(Duration.ofMillis(200),
      path -> path.startsWith("/oauth2/token") ? FakeCriteo.tokenJson("t", 900) : REPORT);
  final ExecutorService callers = Executors.newFixedThreadPool(PARALLEL_CALLS);

  @AfterEach
  void stop() throws Exception {
    callers.shutdownNow();
    server.close();
  }

  @Test
  void callsAfterTheServerClosedEveryPooledConnectionSucceed() throws Exception {
    CriteoClientConfig config = CriteoClientConfig.builder()
        .baseUrl(server.baseUrl())
        .clientId("app-" + UUID.randomUUID())
        .clientSecret(FakeCriteo.SECRET)
        .retryBackoff(Duration.ofMillis(2))
        .maxRetries(PARALLEL_CALLS - 2)
        .build();
    try (CriteoClient client = CriteoClient.create(config)) {
      client.verifyCredentials(QueryControl.none());
      server.awaitIdleClosures(1);
      for (int round = 0; round < 3; round++) {
        server.answerTogether(PARALLEL_CALLS);
        List<Future<CatalogBatchReport>> parallel = new ArrayList<>();
        for (int i = 0; i < PARALLEL_CALLS; i++) {
          parallel.add(callers.submit(() -> client.catalogBatchReport("token", false, QueryControl.none())));
        }
        for (Future<CatalogBatchReport> call : parallel) {
          assertThat(call.get().status()).isEqualTo("VALIDATED");
        }
        server.awaitIdleClosures(PARALLEL_CALLS);

        assertThat(client.catalogBatchReport("token", false, QueryControl.none()).status()).isEqualTo("VALIDATED");
        server.awaitIdleClosures(1);
      }
    }
  }

  @Test
  void aReadOnAConnectionTheServerClosedIsResentOnANewOneWithoutSpendingARetry() throws Exception {
    CriteoClientConfig config = CriteoClientConfig.builder()
        .baseUrl(server.baseUrl())
        .clientId("app-" + UUID.randomUUID())
        .clientSecret(FakeCriteo.SECRET)
        .maxRetries(0)
        .build();
    try (CriteoClient client = CriteoClient.create(config)) {
      client.verifyCredentials(QueryControl.none());
      for (int round = 0; round < 3; round++) {
        server.awaitIdleClosures(1);

        assertThat(client.catalogBatchReport("token", false, QueryControl.none()).status()).isEqualTo("VALIDATED");
      }
    }
  }
}
