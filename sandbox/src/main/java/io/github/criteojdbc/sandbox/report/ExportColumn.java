package io.github.criteojdbc.sandbox.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of {@code metadata.columns} in an ExportResult (criteo-api.md §5.4); {@code null} attributes are
 * left out of the JSON.
 */
public record ExportColumn(String name, String type, String role, String relatedTo, String timezone, String currency) {

  public static ExportColumn dimension(String name, String type) {
    return new ExportColumn(name, type, "Dimension", null, null, null);
  }

  public static ExportColumn property(String name, String relatedTo) {
    return new ExportColumn(name, "String", "Property", relatedTo, null, null);
  }

  public static ExportColumn interval(String name, String type, String timezone) {
    return new ExportColumn(name, type, "Interval", null, timezone, null);
  }

  public static ExportColumn number(String name) {
    return new ExportColumn(name, "Number", "Metric", null, null, null);
  }

  public static ExportColumn money(String name, String currency) {
    return new ExportColumn(name, "Money", "Metric", null, null, currency);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", name);
    json.put("type", type);
    json.put("role", role);
    putIfPresent(json, "relatedTo", relatedTo);
    putIfPresent(json, "timezone", timezone);
    putIfPresent(json, "currency", currency);
    return json;
  }

  private static void putIfPresent(Map<String, Object> json, String key, String value) {
    if (value != null) {
      json.put(key, value);
    }
  }
}
