package io.github.criteojdbc.sandbox;

import io.github.criteojdbc.sandbox.report.ReportStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON bodies that carry a report's or export's status, each in the envelope its spec schema gives. */
final class StatusDocuments {
  private StatusDocuments() {}

  /** MarketingSolutionsReportStatusResponse: create and status of async reports. */
  static Map<String, Object> marketingSolutions(String reportId, ReportStatus status, String message) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", "MarketingSolutionsReportStatus");
    data.put("id", reportId);
    data.put("attributes", attributes(Map.of(), status, message));
    return envelope(data);
  }

  /** RealTimeProductReportJobStatusResponse: the answer to an MPO export request. */
  static Map<String, Object> mpoJob(String exportId, ReportStatus status, String message) {
    return mpo("RealTimeProductReportJobStatus", exportId, status, message);
  }

  /** ExportStatusModelResponse: the MPO status endpoint (seed 003). */
  static Map<String, Object> mpoStatus(String exportId, ReportStatus status, String message) {
    return mpo("ExportStatusModel", exportId, status, message);
  }

  private static Map<String, Object> mpo(String type, String exportId, ReportStatus status, String message) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", type);
    data.put("attributes", attributes(Map.of("exportId", exportId), status, message));
    return envelope(data);
  }

  private static Map<String, Object> attributes(Map<String, Object> leading, ReportStatus status, String message) {
    Map<String, Object> attributes = new LinkedHashMap<>(leading);
    attributes.put("status", status.apiName());
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
