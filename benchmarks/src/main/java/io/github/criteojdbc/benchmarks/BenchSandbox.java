package io.github.criteojdbc.benchmarks;

import io.github.criteojdbc.sandbox.LoggedRequest;
import io.github.criteojdbc.sandbox.RequestLog;
import io.github.criteojdbc.sandbox.SandboxFaults;
import io.github.criteojdbc.sandbox.SandboxOptions;
import io.github.criteojdbc.sandbox.SandboxServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * A sandbox of the benchmark's own (so its request log and switches belong to the benchmark), the
 * JDBC URL pointing at it, and raw HTTP access to its outputs for the baselines that bypass the
 * driver.
 */
final class BenchSandbox implements AutoCloseable {
  private final SandboxServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  BenchSandbox() {
    this(Clock.systemUTC());
  }

  /** A sandbox whose data, report states and tokens follow {@code clock}. */
  BenchSandbox(Clock clock) {
    server = SandboxServer.start(SandboxOptions.builder().clock(clock).build());
  }

  /**
   * A URL with the sandbox's credentials, polling as fast as it answers, without the client-side
   * call budget (a policy for the real API, which would otherwise pace repeated runs);
   * {@code extra} adds properties.
   */
  String url(String extra) {
    return url(List.of(advertiser()), extra);
  }

  /** The same URL for queries of {@code advertisers} by default. */
  String url(List<String> advertisers, String extra) {
    return credentialsUrl(advertisers) + ";pollIntervalSeconds=0.001;maxCallsPerMinute=1000000"
        + (extra.isEmpty() ? "" : ";" + extra);
  }

  /** A URL with the sandbox's credentials and advertiser, every other property at the driver's default. */
  String urlWithDriverDefaults(String extra) {
    return credentialsUrl(List.of(advertiser())) + (extra.isEmpty() ? "" : ";" + extra);
  }

  private String credentialsUrl(List<String> advertisers) {
    return "jdbc:criteo:baseUrl=" + server.baseUrl() + ";clientId=" + server.clientId()
        + ";clientSecret=" + server.clientSecret() + ";advertiserIds=" + String.join(",", advertisers);
  }

  String advertiser() {
    return advertisers().get(0);
  }

  List<String> advertisers() {
    return server.data().advertiserIds();
  }

  SandboxFaults faults() {
    return server.faults();
  }

  RequestLog requestLog() {
    return server.requestLog();
  }

  /** The path of the last report output the driver downloaded. */
  String lastOutputPath() {
    List<LoggedRequest> calls = server.requestLog().all();
    for (int i = calls.size() - 1; i >= 0; i--) {
      if (ApiCallKind.of(calls.get(i)) == ApiCallKind.OUTPUT) {
        return calls.get(i).path();
      }
    }
    throw new IllegalStateException("no output was downloaded yet");
  }

  String token() throws IOException, InterruptedException {
    String form = "grant_type=client_credentials&client_id=" + encode(server.clientId())
        + "&client_secret=" + encode(server.clientSecret());
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.baseUrl().resolve("/oauth2/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    String body = response.body();
    int start = body.indexOf("\"access_token\"");
    int open = body.indexOf('"', body.indexOf(':', start) + 1);
    return body.substring(open + 1, body.indexOf('"', open + 1));
  }

  /** Opens a GET of {@code path} with a bearer token; the caller reads and closes the body. */
  InputStream get(String path, String token) throws IOException, InterruptedException {
    return http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofInputStream()).body();
  }

  /** POSTs a JSON body and returns the answer's text. */
  String post(String path, String token, String json) throws IOException, InterruptedException {
    return http.send(request(path, token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private HttpRequest.Builder request(String path, String token) {
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Authorization", "Bearer " + token);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override public void close() {
    server.close();
  }
}
