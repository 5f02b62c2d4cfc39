package io.github.criteojdbc.adapter;

import io.github.criteojdbc.adapter.catalog.TableCatalog;
import io.github.criteojdbc.adapter.exec.ReportContext;

import com.google.common.collect.ImmutableMap;

import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

import java.util.Map;

/**
 * The {@code criteo} schema of one connection. Its tables come from the bundled catalogs, so
 * listing tables and columns never calls the API.
 */
public final class CriteoSchema extends AbstractSchema {
  private static final TableCatalog STATISTICS = TableCatalog.load(StatisticsTable.CATALOG_RESOURCE);
  private static final TableCatalog AUDIENCE_PERFORMANCE =
      TableCatalog.load(AudiencePerformanceTable.CATALOG_RESOURCE);
  private static final TableCatalog CATALOG_BATCH_REPORT =
      TableCatalog.load(CatalogBatchReportTable.CATALOG_RESOURCE);
  private static final TableCatalog MPO_REALTIME = TableCatalog.load(MpoRealtimeTable.CATALOG_RESOURCE);

  private final ImmutableMap<String, Table> tables;

  public CriteoSchema(ReportContext context) {
    this.tables = ImmutableMap.of(
        STATISTICS.tableName(), new StatisticsTable(STATISTICS, context),
        AUDIENCE_PERFORMANCE.tableName(), new AudiencePerformanceTable(AUDIENCE_PERFORMANCE, context),
        CATALOG_BATCH_REPORT.tableName(), new CatalogBatchReportTable(CATALOG_BATCH_REPORT, context),
        MPO_REALTIME.tableName(), new MpoRealtimeTable(MPO_REALTIME, context));
  }

  @Override protected Map<String, Table> getTableMap() {
    return tables;
  }
}
