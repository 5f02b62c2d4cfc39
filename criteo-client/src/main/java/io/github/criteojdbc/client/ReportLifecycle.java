package io.github.criteojdbc.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.criteojdbc.client.http.ApiCaller;
import io.github.criteojdbc.client.http.ApiRequest;
import io.github.criteojdbc.client.http.CallContext;
import io.github.criteojdbc.client.http.CallStats;
import io.github.criteojdbc.client.http.Exchange;
import io.github.criteojdbc.client.http.JsonAnswers;
import io.github.criteojdbc.client.parse.ProblemTexts;
import io.github.criteojdbc.client.parse.RowParser;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Runs one report: create, poll the status with backoff until it is done, start the download. An
 * expired report is created again once. Expiry is recognised by the status alone, the one thing the documents
 * specify: what the download answers for an expired report is undocumented, so a refused download is followed by
 * one status read that tells whether the report expired meanwhile.
 */
final class ReportLifecycle {
  private static final Logger LOG = Logger.getLogger(ReportLifecycle.class.getName());
  static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(60);

  private final ApiCaller api;
  private final CriteoClientConfig config;
  private final CallStats stats;

  ReportLifecycle(ApiCaller api, CriteoClientConfig config, CallStats stats) {
    this.api = api;
    this.config = config;
    this.stats = stats;
  }

  RowStream run(ReportKind kind, RowShape shape, CallContext context) {
    Instant started = context.now();
    Instant giveUpAt = started.plus(config.reportTimeout());
    boolean recreated = false;
    while (true) {
      ReportState created = create(kind, context);
      if (awaitDone(kind, created, context, started, giveUpAt)) {
        Optional<RowStream> rows = downloadUnlessExpired(kind, created.id(), shape, context, started);
        if (rows.isPresent()) {
          return rows.get();
        }
      }
      if (recreated) {
        throw new ReportFailedException(created.id(), "Expired", "Criteo " + kind.name() + " report "
            + created.id() + " expired again before it could be downloaded, even after being created anew;"
            + " run the query again");
      }
      recreated = true;
      LOG.info(() -> kind.name() + " report " + created.id() + " expired; creating it again");
    }
  }

  private ReportState create(ReportKind kind, CallContext context) {
    ReportState state = readState(kind.create(), context);
    if (state.id() == null) {
      throw new CriteoException("Criteo accepted the " + kind.name() + " report but its answer has no report id;"
          + " the API contract may have changed");
    }
    stats.reportsCreated.incrementAndGet();
    context.listener().reportCreated(kind.name(), state.id(), kind.requestSummary());
    LOG.fine(() -> kind.name() + " report " + state.id() + " created (" + state.status() + "): "
        + kind.requestSummary());
    return state;
  }

  /**
   * Polls until a final status: true when done, false when expired.
   *
   * @throws ReportFailedException on {@code Failure}
   * @throws ReportTimeoutException when reportTimeout passes first
   */
  private boolean awaitDone(ReportKind kind, ReportState created, CallContext context, Instant started,
      Instant giveUpAt) {
    String id = created.id();
    ReportState state = created;
    Duration interval = config.pollInterval();
    while (true) {
      switch (normalized(state.status())) {
        case "done":
          return true;
        case "expired":
          return false;
        case "failure":
          throw new ReportFailedException(id, state.message(), "Criteo could not compute " + kind.name()
              + " report " + id + ": " + (state.message() != null ? state.message() : "no reason given")
              + ". Check the request (date range, dimensions, metrics) or try again later");
        default:
          // pending, unknown or a status we do not know yet: keep polling
      }
      Instant now = context.now();
      if (!now.isBefore(giveUpAt)) {
        throw new ReportTimeoutException("Criteo " + kind.name() + " report " + id + " was not ready after "
            + config.reportTimeout().toSeconds() + " s (last status " + state.status()
            + "); raise reportTimeoutSeconds, or ask for a shorter date range or fewer dimensions");
      }
      Duration untilGiveUp = Duration.between(now, giveUpAt);
      context.sleep(interval.compareTo(untilGiveUp) < 0 ? interval : untilGiveUp,
          "waiting for " + kind.name() + " report " + id);
      state = poll(kind, id, context, started);
      Duration next = Duration.ofMillis(interval.toMillis() * 3 / 2);
      interval = next.compareTo(MAX_POLL_INTERVAL) < 0 ? next : MAX_POLL_INTERVAL;
    }
  }

  private ReportState poll(ReportKind kind, String id, CallContext context, Instant started) {
    ReportState state = readState(kind.status(id), context);
    stats.statusPolls.incrementAndGet();
    Duration waited = Duration.between(started, context.now());
    String status = state.status();
    context.listener().statusPolled(id, status, waited);
    LOG.fine(() -> kind.name() + " report " + id + " is " + status + " after " + waited.toMillis() + " ms");
    return state;
  }

  private static String normalized(String status) {
    return status == null ? "unknown" : status.toLowerCase(Locale.ROOT);
  }

  /** The rows, or empty when the download was refused because the report expired after it was done. */
  private Optional<RowStream> downloadUnlessExpired(ReportKind kind, String id, RowShape shape, CallContext context,
      Instant started) {
    try {
      return Optional.of(download(kind, id, shape, context, started));
    } catch (CriteoAuthException e) {
      throw e;
    } catch (CriteoApiException e) {
      if (e.httpStatus() < 400 || e.httpStatus() >= 500 || e.httpStatus() == 429) {
        throw e;
      }
      ReportState state = poll(kind, id, context, started);
      if (!"expired".equals(normalized(state.status()))) {
        throw e;
      }
      return Optional.empty();
    }
  }

  private RowStream download(ReportKind kind, String id, RowShape shape, CallContext context, Instant started) {
    Duration waited = Duration.between(started, context.now());
    context.listener().downloadStarted(id, waited);
    Exchange exchange = api.send(kind.output(id), context);
    stats.downloads.incrementAndGet();
    try {
      RowParser parser = kind.openOutput(exchange.response(), shape, id, context::warn);
      return new ParsedRowStream(parser, exchange, context, kind, id, waited);
    } catch (IOException e) {
      exchange.close();
      throw ParsedRowStream.readFailure(e, context, id, 0);
    } catch (RuntimeException e) {
      exchange.close();
      throw e;
    }
  }

  private ReportState readState(ApiRequest request, CallContext context) {
    JsonNode body;
    try (Exchange exchange = api.send(request, context)) {
      body = JsonAnswers.object(exchange, request.activity(), context);
    }
    body.path("warnings").forEach(w -> context.warn(
        ProblemTexts.format(text(w, "code"), text(w, "title"), text(w, "detail"))));
    return ReportState.of(body);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
