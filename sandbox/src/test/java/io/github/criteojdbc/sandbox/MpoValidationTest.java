package io.github.criteojdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The validation rules of the MPO guide, each with its documented code. */
class MpoValidationTest {
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
    ObjectNode body = Requests.mpo(List.of("10001"), List.of("advertiserId"), List.of("clicks"));
    Requests.attributes(body).put("lookbackWindow", 120);
    return body;
  }

  private static SandboxClient.Reply export(ObjectNode body) {
    return client.post(SandboxClient.MPO_EXPORT, body);
  }

  private static List<String> codes(SandboxClient.Reply reply) {
    List<String> codes = new ArrayList<>();
    reply.json().get("errors").forEach(error -> codes.add(error.get("code").asText()));
    return codes;
  }

  @Test
  void theValidRequestIsAccepted() {
    assertThat(export(valid()).status()).isEqualTo(200);
  }

  @Test
  void missingAdvertiserIdsIsInvalidQuery() {
    ObjectNode body = valid();
    Requests.attributes(body).remove("advertiserIds");

    SandboxClient.Reply reply = export(body);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(codes(reply)).containsExactly("invalid-query");
  }

  @Test
  void aLookbackOutsideSixtyToFourteenFortyIsInvalidLookbackWindow() {
    for (int minutes : new int[] {59, 1441}) {
      ObjectNode body = valid();
      Requests.attributes(body).put("lookbackWindow", minutes);

      SandboxClient.Reply reply = export(body);

      assertThat(reply.status()).isEqualTo(400);
      assertThat(codes(reply)).containsExactly("invalid-lookbackwindow");
    }
  }

  @Test
  void aLookbackWithDatesIsBothInvalidLookbackWindowAndInvalidTimeInterval() {
    ObjectNode body = valid();
    Requests.attributes(body).put("startDate", "2026-03-18T08:00:00Z");

    SandboxClient.Reply reply = export(body);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(codes(reply)).containsExactly("invalid-lookbackwindow", "invalid-time-interval");
  }

  @Test
  void neitherLookbackNorStartIsInvalidTimeInterval() {
    ObjectNode body = valid();
    Requests.attributes(body).remove("lookbackWindow");

    assertThat(codes(export(body))).containsExactly("invalid-time-interval");
  }

  @Test
  void startAfterEndIsInvalidTimeInterval() {
    ObjectNode body = valid();
    Requests.attributes(body).remove("lookbackWindow");
    Requests.attributes(body).put("startDate", "2026-03-18T09:00:00Z").put("endDate", "2026-03-18T08:00:00Z");

    assertThat(codes(export(body))).containsExactly("invalid-time-interval");
  }

  @Test
  void aStartWithoutEndRunsUntilNow() {
    ObjectNode body = valid();
    Requests.attributes(body).remove("lookbackWindow");
    Requests.attributes(body).put("startDate", "2026-03-18T10:00:00Z").put("fileFormat", "json");
    Requests.attributes(body).set("dimensions", Requests.array(List.of("minute")));

    assertThat(client.mpo(body).json().get("rows").asInt()).isEqualTo(30);
  }

  @Test
  void twoOfProductIdHourAndMinuteIsInvalidDimensionCombinationWith409() {
    ObjectNode body = valid();
    Requests.attributes(body).set("dimensions", Requests.array(List.of("productId", "hour")));

    SandboxClient.Reply reply = export(body);

    assertThat(reply.status()).isEqualTo(409);
    assertThat(codes(reply)).containsExactly("invalid-dimensioncombination");
  }

  @Test
  void anInvalidTimezoneIsInvalidQuery() {
    ObjectNode body = valid();
    Requests.attributes(body).put("timezone", "Paris");

    assertThat(codes(export(body))).containsExactly("invalid-query");
  }

  @Test
  void anUnknownDimensionIsInvalidQuery() {
    ObjectNode body = valid();
    Requests.attributes(body).set("dimensions", Requests.array(List.of("adSetId")));

    assertThat(codes(export(body))).containsExactly("invalid-query");
  }

  @Test
  void anUnknownMetricIsInvalidQuery() {
    ObjectNode body = valid();
    Requests.attributes(body).set("metrics", Requests.array(List.of("sales")));

    assertThat(codes(export(body))).containsExactly("invalid-query");
  }

  @Test
  void anUnsupportedFileFormatIsTheDocumentedJsonSerializationError() {
    ObjectNode body = valid();
    Requests.attributes(body).put("fileFormat", "xls");

    SandboxClient.Reply reply = export(body);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().at("/errors/0/type").asText()).isEqualTo("validation");
    assertThat(reply.json().at("/errors/0/code").asText()).isEqualTo("json-serialization-error");
    assertThat(reply.json().at("/errors/0/title").asText()).isEqualTo("JSON error");
    assertThat(reply.json().at("/errors/0/detail").asText())
        .isEqualTo("data.attributes.fileFormat 'xls' not valid. Must be one of 'Csv','Json'");
  }

  @Test
  void aWellKnownFormatTheApiDoesNotExportIsTheDocumentedUnsupportedFileFormat() {
    ObjectNode body = valid();
    Requests.attributes(body).put("fileFormat", "Parquet");

    SandboxClient.Reply reply = export(body);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(codes(reply)).containsExactly("unsupported-fileformat");
    assertThat(reply.json().at("/errors/0/title").asText()).isEqualTo("Unsupported file format");
  }

  @Test
  void anAdvertiserOutsideThePortfolioIsInsufficientAccountPermissions() {
    ObjectNode body = valid();
    Requests.attributes(body).set("advertiserIds", Requests.array(List.of("321")));

    SandboxClient.Reply reply = export(body);

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.errorCode()).isEqualTo("insufficient-accountpermissions");
  }
}
