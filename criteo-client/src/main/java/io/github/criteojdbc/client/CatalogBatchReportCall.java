package io.github.criteojdbc.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.criteojdbc.client.http.ApiCaller;
import io.github.criteojdbc.client.http.ApiRequest;
import io.github.criteojdbc.client.http.CallContext;
import io.github.criteojdbc.client.http.CallStats;
import io.github.criteojdbc.client.http.Exchange;
import io.github.criteojdbc.client.http.JsonAnswers;
import io.github.criteojdbc.client.parse.CatalogBatchReportParser;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Reads the report of one catalog batch ({@code GET /{v}/catalog/products/batch/report/{operation-token}}) and,
 * when asked to, polls it with the report lifecycle's backoff while the batch is {@code ACCEPTED} or
 * {@code IN_PROGRESS}. Each read is a status poll for the listener and the statistics.
 */
final class CatalogBatchReportCall {
  static final String READ_SCOPE = "MarketingSolutions_Catalog_Read";
  private static final Logger LOG = Logger.getLogger(CatalogBatchReportCall.class.getName());

  private final ApiCaller api;
  private final ApiPaths paths;
  private final CriteoClientConfig config;
  private final CallStats stats;

  CatalogBatchReportCall(ApiCaller api, ApiPaths paths, CriteoClientConfig config, CallStats stats) {
    this.api = api;
    this.paths = paths;
    this.config = config;
    this.stats = stats;
  }

  CatalogBatchReport fetch(String operationToken, boolean waitUntilFinal, CallContext context) {
    Instant started = context.now();
    Instant giveUpAt = started.plus(config.reportTimeout());
    Duration interval = config.pollInterval();
    CatalogBatchReport report = read(operationToken, context, started);
    while (waitUntilFinal && !report.isFinal()) {
      Instant now = context.now();
      if (!now.isBefore(giveUpAt)) {
        throw new ReportTimeoutException("Criteo catalog batch of operation token '" + operationToken
            + "' was still " + report.status() + " after " + config.reportTimeout().toSeconds()
            + " s; raise reportTimeoutSeconds, or set catalogWait=false to see its current state at once");
      }
      Duration untilGiveUp = Duration.between(now, giveUpAt);
      context.sleep(interval.compareTo(untilGiveUp) < 0 ? interval : untilGiveUp,
          "waiting for the catalog batch of operation token '" + operationToken + "'");
      report = read(operationToken, context, started);
      Duration next = Duration.ofMillis(interval.toMillis() * 3 / 2);
      interval = next.compareTo(ReportLifecycle.MAX_POLL_INTERVAL) < 0 ? next : ReportLifecycle.MAX_POLL_INTERVAL;
    }
    return report;
  }

  private CatalogBatchReport read(String operationToken, CallContext context, Instant started) {
    ApiRequest request = ApiRequest.get(paths.url("catalog", "products", "batch", "report", operationToken),
        "application/json", "reading the catalog batch report of operation token '" + operationToken + "'");
    JsonNode body;
    try (Exchange exchange = send(request, operationToken, context)) {
      body = JsonAnswers.object(exchange, request.activity(), context);
    }
    CatalogBatchReport report = CatalogBatchReportParser.parse(operationToken, body);
    stats.statusPolls.incrementAndGet();
    Duration waited = Duration.between(started, context.now());
    context.listener().statusPolled(operationToken, report.status(), waited);
    LOG.fine(() -> "catalog batch " + operationToken + " is " + report.status() + " after " + waited.toMillis()
        + " ms");
    return report;
  }

  private Exchange send(ApiRequest request, String operationToken, CallContext context) {
    try {
      return api.send(request, context);
    } catch (CriteoAuthException e) {
      if (e.httpStatus() != 403) {
        throw e;
      }
      throw new CriteoAuthException(403, e.problems(), "The catalog batch report needs the scope " + READ_SCOPE
          + ", unlike the reports (MarketingSolutions_Analytics_Read): grant the app the Catalog domain with read"
          + " access in the Criteo Partner Portal, or check clientId/clientSecret");
    } catch (CriteoApiException e) {
      if (e.httpStatus() != 404) {
        throw e;
      }
      throw new CriteoApiException(404, e.problems(), "Criteo has no catalog batch report for operation token '"
          + operationToken + "': the token is unknown, or its batch was sent more than 4 days ago (reports are"
          + " kept 4 days). Check the token returned by the batch call");
    }
  }
}
