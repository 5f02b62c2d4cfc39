package io.github.criteojdbc.client;

import io.github.criteojdbc.client.http.ApiRequest;
import io.github.criteojdbc.client.parse.MpoCsvParser;
import io.github.criteojdbc.client.parse.MpoJsonParser;
import io.github.criteojdbc.client.parse.RowParser;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Consumer;
import okhttp3.Response;

/**
 * The MPO real-time export: created at {@code .../stats/realtime-reports/export}, polled at
 * {@code .../stats/report-jobs/{id}}, downloaded from {@code .../stats/realtime-reports/{id}} as a
 * raw CSV or JSON file. The parser follows the response's Content-Type, falling back to the
 * requested format when the type says neither.
 */
final class MpoRealtimeExport implements ReportKind {
  private static final String[] STATS = {"marketing-solutions", "marketplace-performance-outcomes", "stats"};

  private final MpoRealtimeExportRequest request;
  private final ApiPaths paths;

  MpoRealtimeExport(MpoRealtimeExportRequest request, ApiPaths paths) {
    this.request = request;
    this.paths = paths;
  }

  @Override
  public String name() {
    return "mpo-realtime";
  }

  @Override
  public String requestSummary() {
    return request.toString();
  }

  @Override
  public ApiRequest create() {
    return ApiRequest.post(statsUrl("realtime-reports", "export"), request.toJson(),
        "creating an MPO real-time export");
  }

  @Override
  public ApiRequest status(String reportId) {
    return ApiRequest.get(statsUrl("report-jobs", reportId), "application/json", "polling MPO export " + reportId);
  }

  @Override
  public ApiRequest output(String reportId) {
    // Both types are accepted so that the download works whatever the server decides to send.
    String accept = request.fileFormat() == MpoFileFormat.CSV
        ? "text/csv, application/json;q=0.9"
        : "application/json, text/csv;q=0.9";
    return ApiRequest.get(statsUrl("realtime-reports", reportId), accept, "downloading MPO export " + reportId);
  }

  private okhttp3.HttpUrl statsUrl(String... tail) {
    String[] segments = new String[STATS.length + tail.length];
    System.arraycopy(STATS, 0, segments, 0, STATS.length);
    System.arraycopy(tail, 0, segments, STATS.length, tail.length);
    return paths.url(segments);
  }

  @Override
  public RowParser openOutput(Response response, RowShape shape, String reportId, Consumer<String> warnings)
      throws IOException {
    String contentType = String.valueOf(response.header("Content-Type")).toLowerCase(Locale.ROOT);
    boolean csv = contentType.contains("csv")
        || (!contentType.contains("json") && request.fileFormat() == MpoFileFormat.CSV);
    return csv
        ? MpoCsvParser.open(response.body().byteStream(), shape, reportId)
        : MpoJsonParser.open(response.body().byteStream(), shape, reportId);
  }
}
