package io.github.criteojdbc.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Builders of request bodies for tests. */
final class Requests {
  private Requests() {}

  /** A statistics request body: {@code {"data":{"type":"StatisticsReport","attributes":{...}}}}. */
  static ObjectNode statistics(List<String> advertiserIds, String start, String end, List<String> dimensions,
      List<String> metrics) {
    ObjectNode attributes = SandboxClient.JSON.createObjectNode();
    attributes.set("advertiserIds", array(advertiserIds));
    attributes.put("startDate", start);
    attributes.put("endDate", end);
    attributes.set("dimensions", array(dimensions));
    attributes.set("metrics", array(metrics));
    return envelope("StatisticsReport", attributes);
  }

  static ObjectNode audience(String advertiserId, String start, String end, String dimension, List<String> metrics) {
    ObjectNode attributes = SandboxClient.JSON.createObjectNode();
    attributes.put("advertiserId", advertiserId);
    attributes.put("startDate", start);
    attributes.put("endDate", end);
    attributes.put("dimension", dimension);
    attributes.set("metrics", array(metrics));
    return envelope("AudiencePerformanceReport", attributes);
  }

  static ObjectNode mpo(List<String> advertiserIds, List<String> dimensions, List<String> metrics) {
    ObjectNode attributes = SandboxClient.JSON.createObjectNode();
    attributes.set("advertiserIds", array(advertiserIds));
    attributes.set("dimensions", array(dimensions));
    attributes.set("metrics", array(metrics));
    return envelope("RealTimeProductReportJob", attributes);
  }

  static ObjectNode attributes(ObjectNode body) {
    return (ObjectNode) body.get("data").get("attributes");
  }

  static ArrayNode array(List<String> values) {
    ArrayNode array = SandboxClient.JSON.createArrayNode();
    values.forEach(array::add);
    return array;
  }

  private static ObjectNode envelope(String type, ObjectNode attributes) {
    ObjectNode data = SandboxClient.JSON.createObjectNode();
    data.put("type", type);
    data.set("attributes", attributes);
    ObjectNode root = SandboxClient.JSON.createObjectNode();
    root.set("data", data);
    return root;
  }
}
