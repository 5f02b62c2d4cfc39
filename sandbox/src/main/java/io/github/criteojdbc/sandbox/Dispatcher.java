package io.github.criteojdbc.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.criteojdbc.sandbox.http.ApiException;
import io.github.criteojdbc.sandbox.http.ConnectionAbort;
import io.github.criteojdbc.sandbox.http.HttpCall;
import io.github.criteojdbc.sandbox.http.PathSegments;
import io.github.criteojdbc.sandbox.http.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/** The one HTTP handler: applies latency, routes, turns errors into envelopes and logs every request. */
final class Dispatcher implements HttpHandler {
  /** How far ahead the {@code Sunset} header announces the decommission, like months 9–12 of a stable version. */
  private static final Duration SUNSET_NOTICE = Duration.ofDays(90);

  private final SandboxFaults faults;
  private final RequestLog requestLog;
  private final CallGate gate;
  private final TokenEndpoint tokenEndpoint;
  private final MarketingSolutionsReports reports;
  private final MpoExports exports;
  private final CatalogBatchReports catalogReports;
  private final Clock clock;

  Dispatcher(SandboxFaults faults, RequestLog requestLog, CallGate gate, TokenEndpoint tokenEndpoint,
      MarketingSolutionsReports reports, MpoExports exports, CatalogBatchReports catalogReports, Clock clock) {
    this.faults = faults;
    this.requestLog = requestLog;
    this.gate = gate;
    this.tokenEndpoint = tokenEndpoint;
    this.reports = reports;
    this.exports = exports;
    this.catalogReports = catalogReports;
    this.clock = clock;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long startedNanos = System.nanoTime();
    Instant at = clock.instant();
    byte[] body = exchange.getRequestBody().readAllBytes();
    AtomicBoolean logged = new AtomicBoolean();
    IntConsumer log = status -> {
      if (logged.compareAndSet(false, true)) {
        requestLog.add(new LoggedRequest(at, exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
            PathSegments.percentDecode(exchange.getRequestURI().getRawPath()).orElse(exchange.getRequestURI().getRawPath()),
            exchange.getRequestHeaders(), new String(body, StandardCharsets.UTF_8), status));
      }
    };
    HttpCall call = new HttpCall(exchange, body, newTraceId(), log);
    try {
      pause(faults.latency());
      serve(call);
    } catch (ApiException error) {
      answerIfSilent(call, error);
    } catch (ConnectionAbort abort) {
      throw abort;
    } catch (RuntimeException bug) {
      answerIfSilent(call, new ApiException(500, new Problem("unknown", "internal-error", "Internal error",
          "Sandbox bug: " + bug, null)));
    } finally {
      log.accept(HttpCall.NO_RESPONSE);
      requestLog.served(System.nanoTime() - startedNanos);
    }
  }

  private void serve(HttpCall call) {
    Route.Match match = Route.match(call.method(), call.rawPath());
    if (match instanceof Route.Match.WrongMethod wrongMethod) {
      call.setHeader("Allow", wrongMethod.allowed());
      throw new ApiException(405, Problem.validation("method-not-allowed", "Method not allowed",
          call.method() + " is not allowed here; use " + wrongMethod.allowed(), null));
    }
    if (!(match instanceof Route.Match.Found found)) {
      throw new ApiException(404, new Problem("unknown", "not-found", "Not found",
          "No endpoint at " + call.rawPath(), null));
    }
    Route route = found.route();
    if (route.kind() == Route.Kind.TOKEN) {
      gate.passToken();
      tokenEndpoint.handle(call);
      return;
    }
    if (faults.deprecationHeaders()) {
      call.setHeader("Deprecation", "true");
      call.setHeader("Sunset", DateTimeFormatter.RFC_1123_DATE_TIME.format(
          clock.instant().plus(SUNSET_NOTICE).atOffset(ZoneOffset.UTC)));
    }
    String clientId = gate.passApi(call, route.kind().endpoint());
    if (faults.takeLostResponse(route.kind().endpoint())) {
      call.loseResponse();
    }
    switch (route.kind()) {
      case CREATE_STATISTICS -> reports.createStatistics(call, clientId);
      case CREATE_AUDIENCE -> reports.createAudience(call, clientId);
      case REPORT_STATUS -> reports.status(call, clientId, route.id());
      case REPORT_OUTPUT -> reports.output(call, clientId, route.id());
      case MPO_EXPORT -> exports.export(call, clientId);
      case MPO_STATUS -> exports.status(call, clientId, route.id());
      case MPO_DOWNLOAD -> exports.download(call, clientId, route.id());
      case CATALOG_BATCH_REPORT -> catalogReports.report(call, route.id());
      case TOKEN -> throw new IllegalStateException("token calls are served above");
    }
  }

  private static void answerIfSilent(HttpCall call, ApiException error) {
    if (call.status() == HttpCall.NO_RESPONSE) {
      call.sendProblems(error.status(), error.problems());
    }
  }

  private static void pause(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectionAbort("interrupted while delaying the request");
    }
  }

  private static String newTraceId() {
    byte[] bytes = new byte[16];
    ThreadLocalRandom.current().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
