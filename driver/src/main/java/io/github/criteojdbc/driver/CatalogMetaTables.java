package io.github.criteojdbc.driver;

import io.github.criteojdbc.adapter.CriteoTable;
import io.github.criteojdbc.adapter.state.StateTable;

import org.apache.calcite.jdbc.CalciteMetaImpl;
import org.apache.calcite.jdbc.CalciteMetaTableFactory;
import org.apache.calcite.schema.Table;

/**
 * {@code getTables} rows whose REMARKS say what each report table is, from its catalog, and what
 * each driver state table shows.
 */
final class CatalogMetaTables implements CalciteMetaTableFactory {
  static final CatalogMetaTables INSTANCE = new CatalogMetaTables();

  private CatalogMetaTables() {
  }

  @Override public CalciteMetaImpl.MetaTable createTable(Table table, String tableCat, String tableSchem,
      String tableName) {
    String remarks = table instanceof CriteoTable ? ((CriteoTable) table).catalog().remark()
        : table instanceof StateTable ? ((StateTable) table).remark() : null;
    return new RemarkedTable(table, tableCat, tableSchem, tableName, remarks);
  }

  @Override public Class<RemarkedTable> getMetaTableClass() {
    return RemarkedTable.class;
  }

  /** A table row with remarks; Calcite reads the columns by field name, and this field hides the null one. */
  public static final class RemarkedTable extends CalciteMetaImpl.CalciteMetaTable {
    public final String remarks;

    RemarkedTable(Table table, String tableCat, String tableSchem, String tableName, String remarks) {
      super(table, tableCat, tableSchem, tableName);
      this.remarks = remarks;
    }
  }
}
