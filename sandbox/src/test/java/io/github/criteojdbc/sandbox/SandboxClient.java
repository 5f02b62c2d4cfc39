package io.github.criteojdbc.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain java.net.http client for the sandbox, as a driver would use it. Test helper. */
final class SandboxClient {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String STATISTICS = "/preview/reports/async-statistics";
  static final String AUDIENCE = "/preview/reports/async-audience-performance";
  static final String MPO = "/preview/marketing-solutions/marketplace-performance-outcomes/stats";
  static final String MPO_EXPORT = MPO + "/realtime-reports/export";

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final SandboxServer sandbox;
  private String token;

  SandboxClient(SandboxServer sandbox) {
    this.sandbox = sandbox;
  }

  SandboxServer sandbox() {
    return sandbox;
  }

  /** A response with its body read as text, and as JSON when it is JSON. */
  record Reply(int status, java.net.http.HttpHeaders headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String errorCode() {
      return json().path("errors").path(0).path("code").asText();
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  Reply tokenRequest(String form) {
    return send(HttpRequest.newBuilder(uri("/oauth2/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }

  String token() {
    if (token == null) {
      token = freshToken();
    }
    return token;
  }

  String freshToken() {
    Reply reply = tokenRequest("grant_type=client_credentials&client_id=" + sandbox.clientId()
        + "&client_secret=" + sandbox.clientSecret());
    if (reply.status() != 200) {
      throw new IllegalStateException("token request failed: " + reply);
    }
    return reply.json().get("access_token").asText();
  }

  Reply post(String path, String json) {
    return send(authorized(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  Reply post(String path, JsonNode json) {
    return post(path, json.toString());
  }

  Reply get(String path) {
    return send(authorized(path).GET().build());
  }

  /** Sends a request and lets transport failures (dropped or truncated responses) surface as IOException. */
  Reply sendOrThrow(HttpRequest request) throws IOException {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Reply send(HttpRequest request) {
    try {
      return sendOrThrow(request);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HttpRequest.Builder authorized(String path) {
    return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token());
  }

  URI uri(String path) {
    return URI.create(sandbox.baseUrl() + path);
  }

  static String reportPath(String reportId, String what) {
    return "/preview/reports/" + encode(reportId) + "/" + what;
  }

  static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Creates a statistics report and returns its id. */
  String createStatistics(JsonNode body) {
    Reply reply = post(STATISTICS, body);
    if (reply.status() != 202) {
      throw new IllegalStateException("create failed: " + reply.body());
    }
    return reply.json().path("data").path("id").asText();
  }

  /** Polls the status until it is no longer Pending or Unknown, in any casing (bounded); the last status document. */
  JsonNode awaitStatus(String reportId) {
    for (int poll = 0; poll < 20; poll++) {
      JsonNode status = get(reportPath(reportId, "status")).json();
      if (!stillRunning(status.path("data").path("attributes").path("status").asText())) {
        return status;
      }
    }
    throw new IllegalStateException("report " + reportId + " still pending");
  }

  /** Creates a statistics report, waits for it and returns its output document. */
  JsonNode statistics(JsonNode body) {
    String id = createStatistics(body);
    awaitStatus(id);
    Reply output = get(reportPath(id, "output"));
    if (output.status() != 200) {
      throw new IllegalStateException("output failed: " + output.body());
    }
    return output.json();
  }

  /** Creates an MPO export, waits for it and returns the downloaded file. */
  Reply mpo(JsonNode body) {
    Reply created = post(MPO_EXPORT, body);
    if (created.status() != 200) {
      throw new IllegalStateException("export failed: " + created.body());
    }
    String id = exportId(created.json());
    for (int poll = 0; poll < 20; poll++) {
      String status = get(MPO + "/report-jobs/" + id).json().path("data").path("attributes").path("status").asText();
      if (!stillRunning(status)) {
        break;
      }
    }
    return get(MPO + "/realtime-reports/" + id);
  }

  /** The export id of an MPO create answer, flat (guide) or in {@code data.attributes} (spec). */
  static String exportId(JsonNode created) {
    JsonNode wrapped = created.path("data").path("attributes").path("exportId");
    return wrapped.isTextual() ? wrapped.asText() : created.path("exportId").asText();
  }

  /** The column metadata of an async output, under {@code metadata} (spec) or {@code metaData} (docs sample). */
  static JsonNode metadata(JsonNode output) {
    JsonNode data = output.path("data");
    return data.has("metadata") ? data.path("metadata") : data.path("metaData");
  }

  static boolean stillRunning(String status) {
    return status.equalsIgnoreCase("Pending") || status.equalsIgnoreCase("Unknown");
  }
}
