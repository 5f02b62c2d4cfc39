package io.github.criteojdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.criteojdbc.sandbox.batch.CatalogBatch;
import io.github.criteojdbc.sandbox.batch.CatalogBatches;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CatalogBatchReportTest {
  private static final String REPORT = "/preview/catalog/products/batch/report/";
  private static SandboxServer sandbox;
  private static SandboxClient client;

  @BeforeAll
  static void start() {
    sandbox = SandboxServer.start(SandboxOptions.builder().clock(TestTime.clock()).build());
    client = new SandboxClient(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @AfterEach
  void resetFaults() {
    sandbox.faults().reset();
  }

  private static SandboxClient.Reply report(String token) {
    return client.get(REPORT + SandboxClient.encode(token));
  }

  @Test
  void aFinishedBatchAnswersTheDocumentedShapeWithCountersAndTimestampAsStrings() {
    Instant sent = TestTime.NOW.minus(Duration.ofMinutes(30));
    sandbox.catalogBatches().register(CatalogBatch.builder("shape", sent).products(4, 2, 1)
        .error("SKU-A", "MissingName", "title: field is required", false)
        .error("SKU-A", "MissingURL", "link: field is required", false)
        .warning("SKU-B", "OverlargeBadgeUrl", "badge too long", true).build());

    SandboxClient.Reply reply = report("shape");

    assertThat(reply.status()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.get("status").asText()).isEqualTo("VALIDATED_WITH_ERRORS");
    assertThat(body.get("importRequestTimestamp").isTextual()).isTrue();
    assertThat(Long.parseLong(body.get("importRequestTimestamp").asText())).isEqualTo(sent.toEpochMilli());
    assertThat(body.get("numberOfProductsInTheBatch").asText()).isEqualTo("4");
    assertThat(body.get("numberOfProductsUpserted").asText()).isEqualTo("2");
    assertThat(body.get("numberOfProductsDeleted").asText()).isEqualTo("1");
    assertThat(body.get("numberOfProductsWithErrors").isTextual()).isTrue();
    assertThat(body.get("numberOfProductsWithErrors").asText()).isEqualTo("1");
    assertThat(body.get("numberOfProductsWithWarnings").asText()).isEqualTo("1");
    JsonNode errors = body.get("errorDetails");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).get("productId").asText()).isEqualTo("sku-a");
    assertThat(errors.get(0).get("errors")).hasSize(2);
    assertThat(errors.get(0).at("/errors/1/type").asText()).isEqualTo("MissingURL");
    assertThat(errors.get(0).at("/errors/1/isServerRelated").isBoolean()).isTrue();
    JsonNode warnings = body.get("warningDetails");
    assertThat(warnings.get(0).get("productId").asText()).isEqualTo("SKU-B");
    assertThat(warnings.get(0).at("/warnings/0/type").asText()).isEqualTo("OverlargeBadgeUrl");
    assertThat(warnings.get(0).at("/warnings/0/isServerRelated").asBoolean()).isTrue();
  }

  @Test
  void aBatchIsAcceptedThenInProgressForItsRegisteredPollsThenValidated() {
    sandbox.catalogBatches().register(CatalogBatch.builder("slow", TestTime.NOW).products(2, 2, 0)
        .processingPolls(1, 2).build());

    List<String> statuses = new ArrayList<>();
    for (int poll = 0; poll < 5; poll++) {
      statuses.add(report("slow").json().get("status").asText());
    }

    assertThat(statuses).containsExactly("ACCEPTED", "IN_PROGRESS", "IN_PROGRESS", "VALIDATED", "VALIDATED");
  }

  @Test
  void whileProcessingOnlyTheBatchSizeIsKnownAndNoDetailsAreListed() {
    sandbox.catalogBatches().register(CatalogBatch.builder("pending", TestTime.NOW).products(2, 1, 0)
        .error("SKU-C", "MissingImages", "imageLink: field is required", false).processingPolls(1, 0).build());

    JsonNode body = report("pending").json();

    assertThat(body.get("status").asText()).isEqualTo("ACCEPTED");
    assertThat(body.get("numberOfProductsInTheBatch").asText()).isEqualTo("2");
    assertThat(body.get("numberOfProductsWithErrors").isNull()).isTrue();
    assertThat(body.get("errorDetails")).isEmpty();
  }

  @Test
  void aFailedBatchIsAnOrdinaryReportWithStatusFailed() {
    SandboxClient.Reply reply = report(CatalogBatches.FAILED_SAMPLE);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("status").asText()).isEqualTo("FAILED");
    assertThat(reply.json().at("/errorDetails/0/errors/0/type").asText()).isEqualTo("ConfigurationError");
  }

  @Test
  void anUnknownTokenAnswers404NamingIt() {
    SandboxClient.Reply reply = report("no-such-token");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorCode()).isEqualTo("operation-not-found");
    assertThat(reply.json().at("/errors/0/detail").asText()).contains("'no-such-token'");
  }

  @Test
  void aReportIsKeptFourDaysAfterTheBatchWasSent() {
    Instant fourDaysAgo = TestTime.NOW.minus(CatalogBatches.RETENTION);
    sandbox.catalogBatches().register(CatalogBatch.builder("young", fourDaysAgo.plusSeconds(60)).build());
    sandbox.catalogBatches().register(CatalogBatch.builder("old", fourDaysAgo).build());

    SandboxClient.Reply old = report("old");

    assertThat(report("young").status()).isEqualTo(200);
    assertThat(old.status()).isEqualTo(404);
    assertThat(old.json().at("/errors/0/detail").asText()).contains("'old'").contains("expired");
  }

  @Test
  void theSampleBatchesAreThereFromTheStart() {
    assertThat(report(CatalogBatches.VALIDATED_SAMPLE).json().get("status").asText()).isEqualTo("VALIDATED");
    assertThat(report(CatalogBatches.WITH_ERRORS_SAMPLE).json().get("status").asText())
        .isEqualTo("VALIDATED_WITH_ERRORS");
    assertThat(report(CatalogBatches.EXPIRED_SAMPLE).status()).isEqualTo(404);
  }

  @Test
  void withoutTheCatalogReadScopeTheReportAnswers403() {
    sandbox.faults().withoutCatalogReadScope(true);

    SandboxClient.Reply reply = report(CatalogBatches.VALIDATED_SAMPLE);

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.json().at("/errors/0/type").asText()).isEqualTo("authorization");
  }

  @Test
  void reportCallsAreLoggedAsCatalogReportCalls() {
    sandbox.requestLog().clear();

    report(CatalogBatches.VALIDATED_SAMPLE);

    assertThat(sandbox.requestLog().all()).filteredOn(r -> r.endpoint().isPresent())
        .singleElement().satisfies(logged -> {
          assertThat(logged.endpoint()).contains(Endpoint.CATALOG_REPORT);
          assertThat(logged.path()).isEqualTo(REPORT + CatalogBatches.VALIDATED_SAMPLE);
        });
  }

  @Test
  void anIssueTypeOutsideTheSpecEnumIsRefusedAtRegistration() {
    CatalogBatch.Builder batch = CatalogBatch.builder("bad", TestTime.NOW)
        .warning("SKU-D", "MissingName", "wrong level", false);

    assertThatThrownBy(batch::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'MissingName' is not a warning type");
  }
}
