package io.github.criteojdbc.sandbox.http;

/**
 * One entry of the API's {@code errors} array (criteo-api.md §5.6).
 *
 * @param type the problem category: {@code validation}, {@code authentication}, {@code quota}, ...
 * @param field the request field at fault, sent as {@code source.field}; {@code null} when none
 */
public record Problem(String type, String code, String title, String detail, String field) {

  public static Problem validation(String code, String title, String detail, String field) {
    return new Problem("validation", code, title, detail, field);
  }

  public static Problem jsonError(String detail, String field) {
    return validation("json-serialization-error", "JSON error", detail, field);
  }

  public static Problem requiredField(String field) {
    return validation("required-field", "Required field", field + " is required", field);
  }
}
