package io.github.criteojdbc.sandbox;

import io.github.criteojdbc.sandbox.report.ReportStatus;
import io.github.criteojdbc.sandbox.report.ReportVariant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON bodies that carry a report's or export's status, each in the envelope its spec schema gives (or the
 * guide's flat form, where the report's variant asks for it), with the status cased as the variant says.
 */
final class StatusDocuments {
  private StatusDocuments() {}

  /** MarketingSolutionsReportStatusResponse: create and status of async reports. */
  static Map<String, Object> marketingSolutions(String reportId, ReportVariant variant, ReportStatus status,
      String message) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", "MarketingSolutionsReportStatus");
    data.put("id", reportId);
    data.put("attributes", attributes(Map.of(), variant, status, message));
    return envelope(data);
  }

  /**
   * The answer to an MPO export request: RealTimeProductReportJobStatusResponse (spec), or flat
   * {@code {exportId,status,message}} as in the guide's sample.
   */
  static Map<String, Object> mpoJob(String exportId, ReportVariant variant, ReportStatus status, String message) {
    if (variant.flatMpoCreate()) {
      return attributes(Map.of("exportId", exportId), variant, status, message);
    }
    return mpo("RealTimeProductReportJobStatus", exportId, variant, status, message);
  }

  /** ExportStatusModelResponse: the MPO status endpoint (seed 003). */
  static Map<String, Object> mpoStatus(String exportId, ReportVariant variant, ReportStatus status, String message) {
    return mpo("ExportStatusModel", exportId, variant, status, message);
  }

  private static Map<String, Object> mpo(String type, String exportId, ReportVariant variant, ReportStatus status,
      String message) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", type);
    data.put("attributes", attributes(Map.of("exportId", exportId), variant, status, message));
    return envelope(data);
  }

  private static Map<String, Object> attributes(Map<String, Object> leading, ReportVariant variant,
      ReportStatus status, String message) {
    Map<String, Object> attributes = new LinkedHashMap<>(leading);
    attributes.put("status", variant.spelling().spell(status));
    attributes.put("message", message);
    return attributes;
  }

  private static Map<String, Object> envelope(Map<String, Object> data) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("data", data);
    envelope.put("errors", List.of());
    envelope.put("warnings", List.of());
    return envelope;
  }
}
