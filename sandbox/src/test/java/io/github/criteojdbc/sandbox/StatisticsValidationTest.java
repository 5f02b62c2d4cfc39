package io.github.criteojdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every documented validation of the create request answers with its HTTP status, code and field. */
class StatisticsValidationTest {
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

  private static ObjectNode valid() {
    return Requests.statistics(List.of("10001"), "2026-03-01", "2026-03-02", List.of("Day"), List.of("Clicks"));
  }

  private static SandboxClient.Reply create(ObjectNode body) {
    return client.post(SandboxClient.STATISTICS, body);
  }

  private static List<String> codes(SandboxClient.Reply reply) {
    List<String> codes = new ArrayList<>();
    reply.json().get("errors").forEach(error -> codes.add(error.get("code").asText()));
    return codes;
  }

  private static void assertProblem(SandboxClient.Reply reply, String code, String field) {
    assertThat(reply.status()).isEqualTo(400);
    JsonNode error = reply.json().at("/errors/0");
    assertThat(error.get("code").asText()).isEqualTo(code);
    assertThat(error.get("type").asText()).isEqualTo("validation");
    assertThat(error.at("/source/field").asText()).isEqualTo(field);
    assertThat(error.get("traceId").asText()).isNotBlank();
    assertThat(error.get("title").asText()).isNotBlank();
    assertThat(error.get("detail").asText()).isNotBlank();
    assertThat(reply.json().get("warnings")).isEmpty();
  }

  @Test
  void missingAdvertiserIdsIsRequiredField() {
    ObjectNode body = valid();
    Requests.attributes(body).remove("advertiserIds");

    assertProblem(create(body), "required-field", "data.attributes.advertiserIds");
  }

  @Test
  void emptyAdvertiserIdsIsRequiredField() {
    ObjectNode body = valid();
    Requests.attributes(body).set("advertiserIds", Requests.array(List.of()));

    assertProblem(create(body), "required-field", "data.attributes.advertiserIds");
  }

  @Test
  void missingStartDateIsRequiredField() {
    ObjectNode body = valid();
    Requests.attributes(body).remove("startDate");

    assertProblem(create(body), "required-field", "data.attributes.startDate");
  }

  @Test
  void missingDimensionsIsRequiredField() {
    ObjectNode body = valid();
    Requests.attributes(body).remove("dimensions");

    assertProblem(create(body), "required-field", "data.attributes.dimensions");
  }

  @Test
  void missingMetricsIsRequiredField() {
    ObjectNode body = valid();
    Requests.attributes(body).remove("metrics");

    assertProblem(create(body), "required-field", "data.attributes.metrics");
  }

  @Test
  void eachMissingFieldIsItsOwnProblem() {
    ObjectNode body = valid();
    Requests.attributes(body).remove(List.of("startDate", "endDate", "metrics"));

    assertThat(codes(create(body))).containsExactly("required-field", "required-field", "required-field");
  }

  @Test
  void aDimensionInTheWrongCaseIsAJsonSerializationErrorNamingTheValue() {
    ObjectNode body = valid();
    Requests.attributes(body).set("dimensions", Requests.array(List.of("campaignId")));

    SandboxClient.Reply reply = create(body);

    assertProblem(reply, "json-serialization-error", "data.attributes.dimensions");
    assertThat(reply.json().at("/errors/0/detail").asText()).contains("'campaignId'");
  }

  @Test
  void aSyncOnlyDimensionSpellingIsRejected() {
    ObjectNode body = valid();
    Requests.attributes(body).set("dimensions", Requests.array(List.of("AdsetId")));

    assertProblem(create(body), "json-serialization-error", "data.attributes.dimensions");
  }

  @Test
  void anUnknownMetricIsAJsonSerializationErrorNamingTheValue() {
    ObjectNode body = valid();
    Requests.attributes(body).set("metrics", Requests.array(List.of("Clicks", "VideoStarted")));

    SandboxClient.Reply reply = create(body);

    assertProblem(reply, "json-serialization-error", "data.attributes.metrics");
    assertThat(reply.json().at("/errors/0/detail").asText()).contains("'VideoStarted'");
  }

  @Test
  void anUnknownAttributeIsAJsonSerializationError() {
    ObjectNode body = valid();
    Requests.attributes(body).put("format", "json");

    assertProblem(create(body), "json-serialization-error", "data.attributes.format");
  }

  @Test
  void anUnknownTopLevelPropertyIsAJsonSerializationError() {
    ObjectNode body = valid();
    body.put("meta", 1);

    assertProblem(create(body), "json-serialization-error", "meta");
  }

  @Test
  void aBadAdSetStatusIsAJsonSerializationError() {
    ObjectNode body = valid();
    Requests.attributes(body).set("adSetStatus", Requests.array(List.of("Paused")));

    assertProblem(create(body), "json-serialization-error", "data.attributes.adSetStatus");
  }

  @Test
  void advertiserIdsAsNumbersIsAJsonSerializationError() {
    ObjectNode body = valid();
    Requests.attributes(body).putArray("advertiserIds").add(10001);

    assertProblem(create(body), "json-serialization-error", "data.attributes.advertiserIds");
  }

  @Test
  void anUnparseableDateIsInvalidDateFormat() {
    ObjectNode body = valid();
    Requests.attributes(body).put("endDate", "02/03/2026");

    assertProblem(create(body), "invalid-date-format", "data.attributes.endDate");
  }

  @Test
  void dateTimesAreAcceptedAndOnlyTheirDateCounts() {
    ObjectNode body = valid();
    Requests.attributes(body).put("startDate", "2026-03-01T23:59:00+05:00").put("endDate", "2026-03-02T00:00:00Z");

    assertThat(create(body).status()).isEqualTo(202);
  }

  @Test
  void startAfterEndIsStartAfterEndDate() {
    ObjectNode body = valid();
    Requests.attributes(body).put("startDate", "2026-03-05");

    SandboxClient.Reply reply = create(body);

    assertProblem(reply, "start-after-end-date", "data.attributes.startDate");
    assertThat(reply.json().at("/errors/0/title").asText()).isEqualTo("The start date can not be after the end date.");
  }

  @Test
  void aStartMoreThanTwoYearsBackIsInvalidTimespan() {
    ObjectNode body = valid();
    Requests.attributes(body).put("startDate", "2024-03-17");

    assertProblem(create(body), "invalid-timespan", "data.attributes.startDate");
  }

  @Test
  void aStartExactlyTwoYearsBackIsAccepted() {
    ObjectNode body = valid();
    Requests.attributes(body).put("startDate", "2024-03-18");

    assertThat(create(body).status()).isEqualTo(202);
  }

  @Test
  void anUnknownCurrencyIsInvalidCurrency() {
    ObjectNode body = valid();
    Requests.attributes(body).put("currency", "EURO");

    assertProblem(create(body), "invalid-currency", "data.attributes.currency");
  }

  @Test
  void anUnknownTimezoneIsInvalidTimezone() {
    ObjectNode body = valid();
    Requests.attributes(body).put("timezone", "Mars/Olympus");

    assertProblem(create(body), "invalid-timezone", "data.attributes.timezone");
  }

  @Test
  void nullOptionalAttributesMeanTheDefaults() {
    ObjectNode body = valid();
    Requests.attributes(body).putNull("currency").putNull("timezone").putNull("adSetIds");

    assertThat(create(body).status()).isEqualTo(202);
  }

  @Test
  void aBodyThatIsNotJsonIsAJsonSerializationError() {
    SandboxClient.Reply reply = client.post(SandboxClient.STATISTICS, "{\"data\": ");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("json-serialization-error");
  }

  @Test
  void aBodyWithoutDataIsRequiredField() {
    assertProblem(client.post(SandboxClient.STATISTICS, "{}"), "required-field", "data");
  }

  @Test
  void aNonJsonContentTypeIs415() {
    SandboxClient.Reply reply = client.send(client.authorized(SandboxClient.STATISTICS)
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(valid().toString())).build());

    assertThat(reply.status()).isEqualTo(415);
    assertThat(reply.errorCode()).isEqualTo("unsupported-media-type");
  }

  @Test
  void anAdvertiserOutsideThePortfolioIs403() {
    ObjectNode body = valid();
    Requests.attributes(body).set("advertiserIds", Requests.array(List.of("10001", "99999")));

    SandboxClient.Reply reply = create(body);

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.errorCode()).isEqualTo("insufficient-accountpermissions");
    assertThat(reply.json().at("/errors/0/type").asText()).isEqualTo("authorization");
  }

  @Test
  void aGetOnTheCreateEndpointIs405() {
    SandboxClient.Reply reply = client.get(SandboxClient.STATISTICS);

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.header("Allow")).isEqualTo("POST");
  }
}
