package io.github.criteojdbc.adapter;

import io.github.criteojdbc.adapter.catalog.ColumnDef;
import io.github.criteojdbc.adapter.catalog.TableCatalog;
import io.github.criteojdbc.adapter.exec.CatalogBatchReportScan;
import io.github.criteojdbc.adapter.exec.ReportContext;
import io.github.criteojdbc.adapter.plan.PushdownPolicy;
import io.github.criteojdbc.adapter.plan.ScanSpec;
import io.github.criteojdbc.adapter.plan.TimeBound;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;

/** {@code criteo.catalog_batch_report}: the reports of product catalog batches, one row per product issue. */
public final class CatalogBatchReportTable extends CriteoTable {
  public static final String CATALOG_RESOURCE = "catalog_batch_report.json";

  private final CatalogBatchReportScan scan;

  public CatalogBatchReportTable(TableCatalog catalog, ReportContext context) {
    super(catalog);
    this.scan = new CatalogBatchReportScan(catalog, context);
  }

  @Override public PushdownPolicy pushdownPolicy() {
    return new PushdownPolicy() {
      @Override public boolean pushesEquality(ColumnDef column) {
        return column.name().equals(CatalogBatchReportScan.TOKEN_COLUMN);
      }

      @Override public boolean pushesTimeRange(ColumnDef column) {
        return false;
      }

      @Override public boolean isExact(TimeBound bound) {
        return false;
      }
    };
  }

  @Override public String describeRequest(ScanSpec spec) {
    return scan.describe(spec);
  }

  @Override public Enumerable<Object[]> scan(DataContext root, ScanSpec spec) {
    return scan.enumerable(root, spec);
  }
}
