package io.github.criteojdbc.client;

import java.util.Objects;

/**
 * One column a caller wants from a report's output, matched case-insensitively by API name.
 *
 * @param required whether a missing column is an error; an optional absent column reads null
 */
public record ColumnRequest(String apiName, ValueType type, boolean required) {
  public ColumnRequest {
    Objects.requireNonNull(apiName, "apiName");
    Objects.requireNonNull(type, "type");
  }
}
