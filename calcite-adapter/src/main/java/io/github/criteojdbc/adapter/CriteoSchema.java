package io.github.criteojdbc.adapter;

import io.github.criteojdbc.adapter.catalog.TableCatalog;
import io.github.criteojdbc.adapter.exec.AudiencePerformanceScan;
import io.github.criteojdbc.adapter.exec.CatalogBatchReportScan;
import io.github.criteojdbc.adapter.exec.MpoRealtimeScan;
import io.github.criteojdbc.adapter.exec.ReportContext;
import io.github.criteojdbc.adapter.exec.StatisticsScan;

import com.google.common.collect.ImmutableMap;

import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code criteo} schema of one connection. Its tables come from the bundled catalogs, so
 * listing tables and columns never calls the API.
 */
public final class CriteoSchema extends AbstractSchema {
  private static final TableCatalog STATISTICS = TableCatalog.load("statistics.json");
  private static final TableCatalog AUDIENCE_PERFORMANCE = TableCatalog.load("audience_performance.json");
  private static final TableCatalog CATALOG_BATCH_REPORT = TableCatalog.load("catalog_batch_report.json");
  private static final TableCatalog MPO_REALTIME = TableCatalog.load("mpo_realtime.json");

  private final ImmutableMap<String, Table> tables;

  public CriteoSchema(ReportContext context) {
    AdapterSettings settings = context.settings();
    this.tables = Stream.of(
            new CriteoTable(STATISTICS, new StatisticsScan(STATISTICS, context), settings),
            new CriteoTable(AUDIENCE_PERFORMANCE, new AudiencePerformanceScan(AUDIENCE_PERFORMANCE, context), settings),
            new CriteoTable(CATALOG_BATCH_REPORT, new CatalogBatchReportScan(CATALOG_BATCH_REPORT, context), settings),
            new CriteoTable(MPO_REALTIME, new MpoRealtimeScan(MPO_REALTIME, context), settings))
        .collect(ImmutableMap.toImmutableMap(table -> table.catalog().tableName(), table -> (Table) table));
  }

  @Override protected Map<String, Table> getTableMap() {
    return tables;
  }
}
