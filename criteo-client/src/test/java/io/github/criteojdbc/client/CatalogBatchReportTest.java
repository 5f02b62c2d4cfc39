package io.github.criteojdbc.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.criteojdbc.client.testing.FakeCriteo.error;
import static io.github.criteojdbc.client.testing.FakeCriteo.json;
import static io.github.criteojdbc.client.testing.FakeCriteo.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.criteojdbc.client.CatalogProductIssue.Level;
import io.github.criteojdbc.client.testing.FakeCriteo;
import io.github.criteojdbc.client.testing.FakeTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The catalog batch report call: request, parsing of the string-typed fields, polling and each fault. */
class CatalogBatchReportTest {
  static final FakeCriteo criteo = new FakeCriteo();
  static final String REPORT = "/preview/catalog/products/batch/report/";
  static final String DONE = """
      {"errorDetails":[{"errors":[{"isServerRelated":false,"message":"imageLink: field is required",
        "type":"MissingImages"},{"isServerRelated":true,"message":"try again","type":"UnknownError"}],
        "productId":"sku-1"}],
       "importRequestTimestamp":"1773829800000","numberOfProductsDeleted":"0","numberOfProductsInTheBatch":"3",
       "numberOfProductsUpserted":"2","numberOfProductsWithErrors":"1","numberOfProductsWithWarnings":"1",
       "status":"VALIDATED_WITH_ERRORS",
       "warningDetails":[{"productId":"SKU-2","warnings":[{"isServerRelated":false,"message":"badge too long",
        "type":"OverlargeBadgeUrl"}]}]}""";

  final FakeTime time = FakeTime.startingAt("2026-03-18T10:00:00Z");
  final List<String> events = new ArrayList<>();
  final QueryControl control = QueryControl.of(() -> false, Optional.empty(), new ReportListener() {
    @Override
    public void statusPolled(String reportId, String status, Duration waited) {
      events.add(reportId + " " + status + " after " + waited.toMillis() + "ms");
    }
  });

  @BeforeEach
  void reset() {
    criteo.reset();
    criteo.stubToken();
  }

  @AfterAll
  static void stop() {
    criteo.close();
  }

  CriteoClient client(CriteoClientConfig.Builder config) {
    return CriteoClient.create(config.build(), time, time);
  }

  static String processing(String status) {
    return "{\"errorDetails\":[],\"importRequestTimestamp\":\"1773829800000\",\"numberOfProductsDeleted\":null,"
        + "\"numberOfProductsInTheBatch\":\"3\",\"numberOfProductsUpserted\":null,\"numberOfProductsWithErrors\":null,"
        + "\"numberOfProductsWithWarnings\":null,\"status\":\"" + status + "\",\"warningDetails\":[]}";
  }

  @Test
  void getsTheReportOfTheTokenWithTheBearerTokenAndTheTokenAsOneEncodedSegment() {
    criteo.wm().stubFor(get(urlEqualTo(REPORT + "eyJ0%2Bb%2Fc%3D")).willReturn(okJson(DONE)));

    try (CriteoClient client = client(criteo.config())) {
      client.catalogBatchReport("eyJ0+b/c=", true, control);
    }

    criteo.wm().verify(1, getRequestedFor(urlEqualTo(REPORT + "eyJ0%2Bb%2Fc%3D"))
        .withHeader("Authorization", equalTo("Bearer " + FakeCriteo.TOKEN))
        .withHeader("Accept", equalTo("application/json")));
  }

  @Test
  void countersAreReadFromStringsAndTheTimestampFromEpochMilliseconds() {
    criteo.wm().stubFor(get(urlPathEqualTo(REPORT + "t-1")).willReturn(okJson(DONE)));

    CatalogBatchReport report;
    try (CriteoClient client = client(criteo.config())) {
      report = client.catalogBatchReport("t-1", true, control);
    }

    assertThat(report.operationToken()).isEqualTo("t-1");
    assertThat(report.status()).isEqualTo("VALIDATED_WITH_ERRORS");
    assertThat(report.importRequestTime()).isEqualTo(Instant.ofEpochMilli(1773829800000L));
    assertThat(List.of(report.productsInBatch(), report.productsUpserted(), report.productsDeleted(),
        report.productsWithErrors(), report.productsWithWarnings())).containsExactly(3, 2, 0, 1, 1);
  }

  @Test
  void aTimestampInEpochSecondsIsReadAsSeconds() {
    criteo.wm().stubFor(get(urlPathEqualTo(REPORT + "t-1"))
        .willReturn(okJson(DONE.replace("\"1773829800000\"", "\"1773829800\""))));

    try (CriteoClient client = client(criteo.config())) {
      assertThat(client.catalogBatchReport("t-1", true, control).importRequestTime())
          .isEqualTo(Instant.parse("2026-03-18T10:30:00Z"));
    }
  }

  @Test
  void errorsThenWarningsBecomeOneIssueEachWithTheirProduct() {
    criteo.wm().stubFor(get(urlPathEqualTo(REPORT + "t-1")).willReturn(okJson(DONE)));

    try (CriteoClient client = client(criteo.config())) {
      assertThat(client.catalogBatchReport("t-1", true, control).issues()).containsExactly(
          new CatalogProductIssue("sku-1", Level.ERROR, "MissingImages", "imageLink: field is required", false),
          new CatalogProductIssue("sku-1", Level.ERROR, "UnknownError", "try again", true),
          new CatalogProductIssue("SKU-2", Level.WARNING, "OverlargeBadgeUrl", "badge too long", false));
    }
  }

  @Test
  void pollsWithTheReportBackoffWhileAcceptedOrInProgressAndTellsTheListener() {
    criteo.stubSequence(() -> get(urlPathEqualTo(REPORT + "t-1")), okJson(processing("ACCEPTED")),
        okJson(processing("IN_PROGRESS")), okJson(processing("IN_PROGRESS")), okJson(DONE));

    CatalogBatchReport report;
    try (CriteoClient client = client(criteo.config().pollInterval(Duration.ofSeconds(2)))) {
      report = client.catalogBatchReport("t-1", true, control);
      assertThat(client.stats().statusPolls()).isEqualTo(4);
    }

    assertThat(report.status()).isEqualTo("VALIDATED_WITH_ERRORS");
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(2000), Duration.ofMillis(3000),
        Duration.ofMillis(4500));
    assertThat(events).containsExactly("t-1 ACCEPTED after 0ms", "t-1 IN_PROGRESS after 2000ms",
        "t-1 IN_PROGRESS after 5000ms", "t-1 VALIDATED_WITH_ERRORS after 9500ms");
  }

  @Test
  void withoutWaitingTheCurrentStateComesBackAfterOneCall() {
    criteo.wm().stubFor(get(urlPathEqualTo(REPORT + "t-1")).willReturn(okJson(processing("IN_PROGRESS"))));

    CatalogBatchReport report;
    try (CriteoClient client = client(criteo.config())) {
      report = client.catalogBatchReport("t-1", false, control);
    }

    assertThat(report.isFinal()).isFalse();
    assertThat(report.productsInBatch()).isEqualTo(3);
    assertThat(report.productsWithErrors()).isNull();
    criteo.wm().verify(1, getRequestedFor(urlPathEqualTo(REPORT + "t-1")));
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void aFailedBatchIsAReportNotAnError() {
    criteo.wm().stubFor(get(urlPathEqualTo(REPORT + "t-1"))
        .willReturn(okJson(DONE.replace("VALIDATED_WITH_ERRORS", "FAILED"))));

    try (CriteoClient client = client(criteo.config())) {
      CatalogBatchReport report = client.catalogBatchReport("t-1", true, control);
      assertThat(report.status()).isEqualTo("FAILED");
      assertThat(report.isFinal()).isTrue();
    }
  }

  @Test
  void aBatchStillProcessingAfterReportTimeoutFailsNamingTheToken() {
    criteo.wm().stubFor(get(urlPathEqualTo(REPORT + "t-1")).willReturn(okJson(processing("IN_PROGRESS"))));

    try (CriteoClient client = client(criteo.config().pollInterval(Duration.ofSeconds(5))
        .reportTimeout(Duration.ofSeconds(30)))) {
      assertThatThrownBy(() -> client.catalogBatchReport("t-1", true, control))
          .isInstanceOf(ReportTimeoutException.class)
          .hasMessageContaining("operation token 't-1' was still IN_PROGRESS after 30 s")
          .hasMessageContaining("catalogWait=false");
    }
    assertThat(time.totalSlept()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void cancellingStopsThePolling() {
    criteo.wm().stubFor(get(urlPathEqualTo(REPORT + "t-1")).willReturn(okJson(processing("ACCEPTED"))));
    AtomicBoolean cancelled = new AtomicBoolean();
    QueryControl cancelAfterFirstPoll = QueryControl.of(cancelled::get, Optional.empty(), new ReportListener() {
      @Override
      public void statusPolled(String reportId, String status, Duration waited) {
        cancelled.set(true);
      }
    });

    try (CriteoClient client = client(criteo.config().pollInterval(Duration.ofSeconds(5)))) {
      assertThatThrownBy(() -> client.catalogBatchReport("t-1", true, cancelAfterFirstPoll))
          .isInstanceOf(ReportCancelledException.class);
    }
    criteo.wm().verify(1, getRequestedFor(urlPathEqualTo(REPORT + "t-1")));
  }

  @Test
  void forbiddenNamesTheCatalogReadScope() {
    criteo.wm().stubFor(get(urlPathEqualTo(REPORT + "t-1")).willReturn(json(403, error("forbidden", "no access"))));

    try (CriteoClient client = client(criteo.config())) {
      assertThatThrownBy(() -> client.catalogBatchReport("t-1", true, control))
          .isInstanceOf(CriteoAuthException.class)
          .hasMessageContaining("Criteo API error 403 forbidden: no access")
          .hasMessageContaining("MarketingSolutions_Catalog_Read");
    }
  }

  @Test
  void anUnknownOrExpiredTokenFailsNamingIt() {
    criteo.wm().stubFor(get(urlPathEqualTo(REPORT + "t-gone"))
        .willReturn(json(404, error("operation-not-found", "No batch operation"))));

    try (CriteoClient client = client(criteo.config())) {
      assertThatThrownBy(() -> client.catalogBatchReport("t-gone", true, control))
          .isInstanceOf(CriteoApiException.class)
          .hasMessageContaining("operation token 't-gone'")
          .hasMessageContaining("kept 4 days");
    }
  }

  @Test
  void aCounterThatIsNotANumberIsAContractError() {
    criteo.wm().stubFor(get(urlPathEqualTo(REPORT + "t-1"))
        .willReturn(okJson(DONE.replace("\"numberOfProductsUpserted\":\"2\"", "\"numberOfProductsUpserted\":\"two\""))));

    try (CriteoClient client = client(criteo.config())) {
      assertThatThrownBy(() -> client.catalogBatchReport("t-1", true, control))
          .isInstanceOf(CriteoException.class)
          .hasMessageContaining("numberOfProductsUpserted is not a number");
    }
  }

  @Test
  void readsSpendTheApplicationsReportCallBudgetAndShareItsToken() {
    criteo.wm().stubFor(get(urlPathEqualTo(REPORT + "t-1")).willReturn(okJson(DONE)));

    try (CriteoClient client = client(criteo.config().maxCallsPerMinute(1))) {
      client.catalogBatchReport("t-1", true, control);
      Instant before = time.instant();
      client.catalogBatchReport("t-1", true, control);
      assertThat(Duration.between(before, time.instant())).isGreaterThanOrEqualTo(Duration.ofSeconds(59));
    }
    criteo.wm().verify(1, postRequestedFor(urlEqualTo("/oauth2/token")));
  }
}
