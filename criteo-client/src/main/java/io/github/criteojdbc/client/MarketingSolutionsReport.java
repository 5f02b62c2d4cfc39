package io.github.criteojdbc.client;

import io.github.criteojdbc.client.http.ApiRequest;
import io.github.criteojdbc.client.parse.ExportResultParser;
import io.github.criteojdbc.client.parse.RowParser;
import java.io.IOException;
import java.util.function.Consumer;
import okhttp3.Response;

/**
 * The statistics and audience performance reports: created under {@code /{v}/reports/...}, polled
 * at {@code /{v}/reports/{id}/status}, downloaded as ExportResult JSON from {@code .../output}.
 */
final class MarketingSolutionsReport implements ReportKind {
  private final String name;
  private final String createSegment;
  private final String body;
  private final String summary;
  private final ApiPaths paths;

  private MarketingSolutionsReport(String name, String createSegment, String body, String summary, ApiPaths paths) {
    this.name = name;
    this.createSegment = createSegment;
    this.body = body;
    this.summary = summary;
    this.paths = paths;
  }

  static MarketingSolutionsReport statistics(StatisticsReportRequest request, ApiPaths paths) {
    return new MarketingSolutionsReport("statistics", "async-statistics", request.toJson(), request.toString(), paths);
  }

  static MarketingSolutionsReport audiencePerformance(AudiencePerformanceReportRequest request, ApiPaths paths) {
    return new MarketingSolutionsReport("audience-performance", "async-audience-performance", request.toJson(),
        request.toString(), paths);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String requestSummary() {
    return summary;
  }

  @Override
  public ApiRequest create() {
    return ApiRequest.post(paths.url("reports", createSegment), body, "creating a " + name + " report");
  }

  @Override
  public ApiRequest status(String reportId) {
    return ApiRequest.get(paths.url("reports", reportId, "status"), "application/json",
        "polling " + name + " report " + reportId);
  }

  @Override
  public ApiRequest output(String reportId) {
    return ApiRequest.get(paths.url("reports", reportId, "output"), "application/json",
        "downloading " + name + " report " + reportId);
  }

  @Override
  public RowParser openOutput(Response response, RowShape shape, String reportId, Consumer<String> warnings)
      throws IOException {
    return ExportResultParser.open(response.body().byteStream(), shape, reportId, warnings);
  }
}
