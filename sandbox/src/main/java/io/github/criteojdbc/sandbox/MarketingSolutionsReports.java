package io.github.criteojdbc.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.criteojdbc.sandbox.audience.AudienceAggregator;
import io.github.criteojdbc.sandbox.audience.AudienceRequest;
import io.github.criteojdbc.sandbox.audience.AudienceRequestParser;
import io.github.criteojdbc.sandbox.data.DataWindow;
import io.github.criteojdbc.sandbox.http.ApiException;
import io.github.criteojdbc.sandbox.http.HttpCall;
import io.github.criteojdbc.sandbox.http.Problem;
import io.github.criteojdbc.sandbox.report.Download;
import io.github.criteojdbc.sandbox.report.DownloadFaults;
import io.github.criteojdbc.sandbox.report.ExportResultWriter;
import io.github.criteojdbc.sandbox.report.ExportTable;
import io.github.criteojdbc.sandbox.report.Report;
import io.github.criteojdbc.sandbox.report.ReportIds;
import io.github.criteojdbc.sandbox.report.ReportRegistry;
import io.github.criteojdbc.sandbox.request.AdvertiserAccess;
import io.github.criteojdbc.sandbox.request.JsonRequestBody;
import io.github.criteojdbc.sandbox.statistics.StatisticsAggregator;
import io.github.criteojdbc.sandbox.statistics.StatisticsRequest;
import io.github.criteojdbc.sandbox.statistics.StatisticsRequestParser;
import io.github.criteojdbc.sandbox.statistics.SyntheticStatisticsTable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The async Marketing Solutions reports: create (statistics, audience performance) → 202, status, output.
 * Outputs are computed from data as of the creation instant and streamed. What the output answers before Done or
 * after expiry is undocumented: here a problem of type {@code availability}, with the HTTP status the report's
 * variant gives (400 or 404), so that clients learn to tell expiry from the status alone.
 */
final class MarketingSolutionsReports {
  private final ReportRegistry registry;
  private final ReportIds ids;
  private final ReportPlans plans;
  private final SandboxFaults faults;
  private final Clock clock;
  private final int dataDays;
  private final Set<String> advertiserIds;

  MarketingSolutionsReports(ReportRegistry registry, ReportIds ids, ReportPlans plans, SandboxFaults faults, Clock clock, int dataDays,
      Set<String> advertiserIds) {
    this.registry = registry;
    this.ids = ids;
    this.plans = plans;
    this.faults = faults;
    this.clock = clock;
    this.dataDays = dataDays;
    this.advertiserIds = Set.copyOf(advertiserIds);
  }

  void createStatistics(HttpCall call, String clientId) {
    JsonNode body = JsonRequestBody.read(call);
    Instant now = clock.instant();
    StatisticsRequest request = StatisticsRequestParser.parse(body, today(now));
    AdvertiserAccess.require(request.advertiserIds(), advertiserIds);
    long syntheticRows = faults.syntheticOutputRows();
    DataWindow data = DataWindow.asOf(now, dataDays);
    Supplier<ExportTable> content = syntheticRows > 0
        ? () -> new SyntheticStatisticsTable(request, syntheticRows)
        : () -> StatisticsAggregator.aggregate(request, data);
    created(call, clientId, now, ids.nextStatisticsId(request.currency(), request.timezone()), content);
  }

  void createAudience(HttpCall call, String clientId) {
    JsonNode body = JsonRequestBody.read(call);
    Instant now = clock.instant();
    LocalDate today = today(now);
    AudienceRequest request = AudienceRequestParser.parse(body, today);
    AdvertiserAccess.require(List.of(request.advertiserId()), advertiserIds);
    Supplier<ExportTable> content =
        () -> AudienceAggregator.aggregate(request, today.minusDays(dataDays), today.minusDays(1));
    created(call, clientId, now, ids.nextStatisticsId(request.currency(), request.timezone()), content);
  }

  void status(HttpCall call, String clientId, String reportId) {
    Report report = find(reportId, clientId);
    Instant now = clock.instant();
    call.sendJson(200, StatusDocuments.marketingSolutions(reportId, report.variant(),
        report.poll(now, faults.neverFinish()), report.message()));
  }

  void output(HttpCall call, String clientId, String reportId) {
    Report report = find(reportId, clientId);
    Download download = report.download(clock.instant(), faults.neverFinish());
    if (download instanceof Download.Ready ready) {
      DownloadFaults downloadFaults = faults.takeDownloadFaults();
      String metadataKey = report.variant().metadataKey();
      call.sendStream(200, "application/json",
          out -> ExportResultWriter.write(ready.table(), metadataKey, downloadFaults, out));
      return;
    }
    int status = report.variant().refusedDownloadStatus();
    if (download instanceof Download.Failed failed) {
      throw unavailable(status, "report-failed", "Report failed", "The report failed: " + failed.message());
    }
    if (download instanceof Download.Expired) {
      throw unavailable(status, "report-expired", "Report expired",
          "The report " + reportId + " has expired; create it again");
    }
    throw unavailable(status, "report-not-ready", "Report not ready",
        "The report " + reportId + " is still Pending; poll its status until Done");
  }

  private void created(HttpCall call, String clientId, Instant now, ReportIds.SerialId newId,
      Supplier<ExportTable> content) {
    Report report = new Report(newId.id(), clientId, plans.next(now, newId.serial()), content);
    registry.add(report);
    call.sendJson(202, StatusDocuments.marketingSolutions(report.id(), report.variant(), report.observed(now),
        report.message()));
  }

  private Report find(String reportId, String clientId) {
    return registry.find(reportId, clientId).orElseThrow(() -> new ApiException(404, Problem.validation(
        "report-not-found", "Report not found", "No report with id '" + reportId + "'", null)));
  }

  private static ApiException unavailable(int status, String code, String title, String detail) {
    return new ApiException(status, new Problem("availability", code, title, detail, null));
  }

  private static LocalDate today(Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC);
  }
}
