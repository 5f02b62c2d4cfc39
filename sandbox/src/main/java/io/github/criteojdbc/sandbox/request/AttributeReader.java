package io.github.criteojdbc.sandbox.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.criteojdbc.sandbox.http.ApiException;
import io.github.criteojdbc.sandbox.http.Problem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code {"data":{"type":..,"attributes":{..}}}} envelope of a create request the way a strict
 * deserializer does ({@code additionalProperties: false} at every level), collecting one problem per fault.
 */
public final class AttributeReader {
  private static final String ATTRIBUTES = "data.attributes";
  private static final Set<String> ROOT_FIELDS = Set.of("data");
  private static final Set<String> DATA_FIELDS = Set.of("type", "attributes");
  /** Longer enums (the 255 metrics) are named rather than listed, to keep error messages readable. */
  private static final int MAX_LISTED_VALUES = 40;

  private final List<Problem> problems = new ArrayList<>();
  private final JsonNode attributes;

  private AttributeReader(JsonNode root, Set<String> attributeNames) {
    if (!root.isObject()) {
      problems.add(Problem.jsonError("the request body must be a JSON object", null));
      attributes = null;
      return;
    }
    rejectUnknown(root, ROOT_FIELDS, "");
    JsonNode data = object(root, "data", "data");
    if (data != null) {
      rejectUnknown(data, DATA_FIELDS, "data");
      JsonNode type = data.get("type");
      if (type != null && !type.isNull() && !type.isTextual()) {
        problems.add(Problem.jsonError("data.type must be a string", "data.type"));
      }
    }
    attributes = data == null ? null : object(data, "attributes", ATTRIBUTES);
    if (attributes != null) {
      rejectUnknown(attributes, attributeNames, ATTRIBUTES);
    }
  }

  /** Starts reading; the envelope itself must be well-formed, or the request fails here. */
  public static AttributeReader of(JsonNode root, Set<String> attributeNames) {
    AttributeReader reader = new AttributeReader(root, attributeNames);
    if (reader.attributes == null) {
      reader.failIfAny(400);
    }
    return reader;
  }

  public static String path(String attribute) {
    return ATTRIBUTES + "." + attribute;
  }

  public void add(Problem problem) {
    problems.add(problem);
  }

  public boolean has(String attribute) {
    JsonNode value = attributes.get(attribute);
    return value != null && !value.isNull();
  }

  public Optional<String> string(String attribute, boolean required) {
    JsonNode value = attributes.get(attribute);
    if (value == null || value.isNull()) {
      requireIf(required, attribute);
      return Optional.empty();
    }
    if (!value.isTextual()) {
      problems.add(Problem.jsonError(path(attribute) + " must be a string", path(attribute)));
      return Optional.empty();
    }
    return Optional.of(value.asText());
  }

  public Optional<Integer> integer(String attribute) {
    JsonNode value = attributes.get(attribute);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      problems.add(Problem.jsonError(path(attribute) + " must be an integer", path(attribute)));
      return Optional.empty();
    }
    return Optional.of(value.intValue());
  }

  /** An array of strings; {@code null} and absent read as empty unless required. */
  public Optional<List<String>> strings(String attribute, boolean required) {
    JsonNode value = attributes.get(attribute);
    if (value == null || value.isNull()) {
      requireIf(required, attribute);
      return Optional.empty();
    }
    if (!value.isArray()) {
      problems.add(Problem.jsonError(path(attribute) + " must be an array of strings", path(attribute)));
      return Optional.empty();
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isTextual()) {
        String itemPath = path(attribute) + "[" + i + "]";
        problems.add(Problem.jsonError(itemPath + " must be a string, was " + item, path(attribute)));
        return Optional.empty();
      }
      values.add(item.asText());
    }
    return Optional.of(List.copyOf(values));
  }

  /** Reports an enum value that is not one of {@code allowed}, like the API's deserializer does. */
  public void invalidValue(String attribute, String value, List<String> allowed) {
    String choices = allowed.size() <= MAX_LISTED_VALUES
        ? "one of " + String.join(",", allowed.stream().map(name -> "'" + name + "'").toList())
        : "one of the " + allowed.size() + " values of the API reference (exact spelling)";
    problems.add(Problem.jsonError(path(attribute) + " '" + value + "' not valid. Must be " + choices, path(attribute)));
  }

  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  public void failIfAny(int status) {
    if (!problems.isEmpty()) {
      throw new ApiException(status, problems);
    }
  }

  private void requireIf(boolean required, String attribute) {
    if (required) {
      problems.add(Problem.requiredField(path(attribute)));
    }
  }

  private JsonNode object(JsonNode parent, String name, String path) {
    JsonNode value = parent.get(name);
    if (value == null || value.isNull()) {
      problems.add(Problem.requiredField(path));
      return null;
    }
    if (!value.isObject()) {
      problems.add(Problem.jsonError(path + " must be an object", path));
      return null;
    }
    return value;
  }

  private void rejectUnknown(JsonNode object, Set<String> known, String path) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        String field = path.isEmpty() ? name : path + "." + name;
        problems.add(Problem.jsonError(field + " is not a known property", field));
      }
    }
  }
}
