package io.github.criteojdbc.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Shared rules of the report request types: value checks and the JSON:API-style body. */
final class RequestJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RequestJson() {}

  static ObjectNode attributes() {
    return MAPPER.createObjectNode();
  }

  /** {@code {"data":{"type":<type>,"attributes":{...}}}} */
  static String envelope(String type, ObjectNode attributes) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode data = root.putObject("data");
    data.put("type", type);
    data.set("attributes", attributes);
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serializes", e);
    }
  }

  static void putStrings(ObjectNode node, String field, List<String> values) {
    ArrayNode array = node.putArray(field);
    values.forEach(array::add);
  }

  /** Optional filters are left out of the body when empty, so the API applies "all". */
  static void putStringsIfAny(ObjectNode node, String field, List<String> values) {
    if (!values.isEmpty()) {
      putStrings(node, field, values);
    }
  }

  static void putIfPresent(ObjectNode node, String field, Optional<String> value) {
    value.ifPresent(v -> node.put(field, v));
  }

  /** An immutable copy; rejects null or blank entries, naming the field. */
  static List<String> strings(String field, List<String> values) {
    if (values == null) {
      return List.of();
    }
    List<String> copy = new ArrayList<>(values.size());
    for (String value : values) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(field + " contains an empty value: " + values);
      }
      copy.add(value.trim());
    }
    return List.copyOf(copy);
  }

  /** Trimmed; a null, empty or blank value is absent. */
  static Optional<String> optional(Optional<String> value) {
    return value == null ? Optional.empty() : value.flatMap(RequestJson::optional);
  }

  static Optional<String> optional(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  static void requireDates(LocalDate startDate, LocalDate endDate) {
    require(startDate != null && endDate != null, "startDate and endDate are required");
    require(!startDate.isAfter(endDate), "startDate " + startDate + " is after endDate " + endDate);
  }

  static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
