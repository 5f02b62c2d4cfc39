package io.github.criteojdbc.adapter;

import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's type system with room for the money columns: they are {@code DECIMAL(24, 6)}, and
 * Calcite's default cap of 19 digits would silently narrow them (and their sums).
 */
public final class CriteoTypeSystem extends RelDataTypeSystemImpl {
  /** Named by the {@code typeSystem} connection property as {@code CriteoTypeSystem#INSTANCE}. */
  public static final CriteoTypeSystem INSTANCE = new CriteoTypeSystem();

  private static final int MAX_DECIMAL_PRECISION = 38;

  private CriteoTypeSystem() {
  }

  @Override public int getMaxPrecision(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_PRECISION : super.getMaxPrecision(typeName);
  }
}
