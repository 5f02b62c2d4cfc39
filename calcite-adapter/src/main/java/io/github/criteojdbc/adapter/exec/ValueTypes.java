package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.adapter.catalog.ColumnDef;
import io.github.criteojdbc.client.ValueType;

/** The client-side conversion that yields Calcite's internal value for a column's SQL type. */
final class ValueTypes {
  private ValueTypes() {
  }

  static ValueType of(ColumnDef column) {
    switch (column.type()) {
    case BIGINT:
      return ValueType.LONG;
    case INTEGER:
      return ValueType.INTEGER;
    case DOUBLE:
      return ValueType.DOUBLE;
    case DECIMAL:
      return ValueType.DECIMAL;
    case DATE:
      return ValueType.DATE;
    case TIMESTAMP:
      return ValueType.TIMESTAMP;
    case BOOLEAN:
      return ValueType.BOOLEAN;
    default:
      return ValueType.STRING;
    }
  }
}
