package io.github.criteojdbc.driver;

import io.github.criteojdbc.adapter.CriteoTable;
import io.github.criteojdbc.adapter.catalog.ColumnDef;
import io.github.criteojdbc.adapter.state.StateTable;

import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.jdbc.CalciteMetaColumnFactory;
import org.apache.calcite.schema.Table;

import java.sql.JDBCType;
import java.sql.Types;

/**
 * {@code getColumns} rows as SQL clients expect them: REMARKS from the column catalog (or the
 * driver state table's column), TYPE_NAME
 * the bare type name (Calcite's says {@code DECIMAL(24, 6) NOT NULL}), COLUMN_SIZE the display
 * size for types Calcite gives no precision.
 */
final class CatalogMetaColumns implements CalciteMetaColumnFactory {
  static final CatalogMetaColumns INSTANCE = new CatalogMetaColumns();

  /** Length of {@code yyyy-MM-dd HH:mm:ss}. */
  private static final int TIMESTAMP_SIZE = 19;

  private CatalogMetaColumns() {
  }

  @Override public MetaImpl.MetaColumn createColumn(Table table, String tableCat, String tableSchem,
      String tableName, String columnName, int dataType, String typeName, Integer columnSize,
      Integer decimalDigits, int numPrecRadix, int nullable, Integer charOctetLength, int ordinalPosition,
      String isNullable) {
    String remarks = table instanceof CriteoTable
        ? ((CriteoTable) table).catalog().column(columnName).map(ColumnDef::remark).orElse(null)
        : table instanceof StateTable
            ? ((StateTable) table).column(columnName).map(StateTable.Column::remark).orElse(null) : null;
    int size = columnSize(dataType, columnSize);
    boolean character = dataType == Types.VARCHAR || dataType == Types.CHAR;
    return new RemarkedColumn(tableCat, tableSchem, tableName, columnName, dataType, bareTypeName(dataType, typeName),
        size, decimalDigits, numPrecRadix, nullable, character ? size : null, ordinalPosition, isNullable, remarks);
  }

  @Override public Class<RemarkedColumn> getMetaColumnClass() {
    return RemarkedColumn.class;
  }

  static String bareTypeName(int dataType, String calciteTypeName) {
    if (calciteTypeName.startsWith("JavaType(")) {
      // The metadata schema's columns are Java-typed; name them by their JDBC type.
      return JDBCType.valueOf(dataType).getName();
    }
    int end = calciteTypeName.length();
    for (char stop : new char[] {'(', ' '}) {
      int at = calciteTypeName.indexOf(stop);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    return calciteTypeName.substring(0, end);
  }

  static int columnSize(int dataType, Integer calcitePrecision) {
    switch (dataType) {
      case Types.VARCHAR:
      case Types.CHAR:
        return calcitePrecision != null && calcitePrecision > 0 ? calcitePrecision : Integer.MAX_VALUE;
      case Types.DECIMAL:
        return calcitePrecision;
      case Types.DATE:
        return 10;
      case Types.TIMESTAMP:
        return calcitePrecision != null && calcitePrecision > 0 ? TIMESTAMP_SIZE + 1 + calcitePrecision
            : TIMESTAMP_SIZE;
      case Types.BIGINT:
        return 19;
      case Types.INTEGER:
        return 10;
      case Types.SMALLINT:
        return 5;
      case Types.TINYINT:
        return 3;
      case Types.DOUBLE:
      case Types.FLOAT:
        return 15;
      case Types.REAL:
        return 7;
      case Types.BOOLEAN:
        return 1;
      default:
        return calcitePrecision != null && calcitePrecision > 0 ? calcitePrecision : 0;
    }
  }

  /** A column row with remarks; this field hides MetaColumn's null one. */
  public static final class RemarkedColumn extends MetaImpl.MetaColumn {
    public final String remarks;

    RemarkedColumn(String tableCat, String tableSchem, String tableName, String columnName, int dataType,
        String typeName, Integer columnSize, Integer decimalDigits, int numPrecRadix, int nullable,
        Integer charOctetLength, int ordinalPosition, String isNullable, String remarks) {
      super(tableCat, tableSchem, tableName, columnName, dataType, typeName, columnSize, decimalDigits,
          numPrecRadix, nullable, charOctetLength, ordinalPosition, isNullable, "NO", "NO");
      this.remarks = remarks;
    }
  }
}
