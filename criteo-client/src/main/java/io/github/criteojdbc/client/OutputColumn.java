package io.github.criteojdbc.client;

/**
 * A column as a report's output declares it. For MPO exports only {@code name} is known; the
 * other fields are null.
 */
public record OutputColumn(
    String name, String type, String role, String relatedTo, String currency, String timezone) {

  public static OutputColumn named(String name) {
    return new OutputColumn(name, null, null, null, null, null);
  }
}
