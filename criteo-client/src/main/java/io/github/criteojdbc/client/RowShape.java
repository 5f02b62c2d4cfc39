package io.github.criteojdbc.client;

import java.util.List;

/** The ordered columns a caller reads from each row; {@code RowStream.next()[i]} is column {@code i}. */
public record RowShape(List<ColumnRequest> columns) {
  public RowShape {
    columns = List.copyOf(columns);
  }
}
