package io.github.criteojdbc.adapter;

import io.github.criteojdbc.adapter.catalog.ColumnDef;
import io.github.criteojdbc.adapter.catalog.ColumnRole;
import io.github.criteojdbc.adapter.catalog.TableCatalog;
import io.github.criteojdbc.adapter.catalog.TimeGranularity;
import io.github.criteojdbc.adapter.exec.DateRangeResolver;
import io.github.criteojdbc.adapter.exec.ReportContext;
import io.github.criteojdbc.adapter.exec.StatisticsScan;
import io.github.criteojdbc.adapter.plan.PushdownPolicy;
import io.github.criteojdbc.adapter.plan.ScanSpec;
import io.github.criteojdbc.adapter.plan.TimeBound;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;

import java.util.Optional;
import java.util.Set;

/** {@code criteo.statistics}: the asynchronous campaign statistics report. */
public final class StatisticsTable extends CriteoTable {
  public static final String CATALOG_RESOURCE = "statistics.json";

  /** Columns whose {@code =}/{@code IN} filters become request attributes. */
  private static final Set<String> REQUEST_FILTERS =
      Set.of("advertiser_id", "ad_set_id", "ad_set", "currency");

  private final StatisticsScan scan;

  public StatisticsTable(TableCatalog catalog, ReportContext context) {
    super(catalog);
    this.scan = new StatisticsScan(catalog, context);
  }

  @Override public PushdownPolicy pushdownPolicy() {
    return new PushdownPolicy() {
      @Override public boolean pushesEquality(ColumnDef column) {
        return REQUEST_FILTERS.contains(column.name());
      }

      @Override public boolean pushesTimeRange(ColumnDef column) {
        return column.role() == ColumnRole.TIME;
      }

      @Override public boolean isExact(TimeBound bound) {
        return bound.granularity() != TimeGranularity.HOUR
            || DateRangeResolver.isWholeDayHourBound(bound);
      }
    };
  }

  @Override public String describeRequest(ScanSpec spec) {
    return scan.describe(spec);
  }

  @Override public Optional<String> describeCacheAnswer(ScanSpec spec) {
    return scan.describeCacheAnswer(spec);
  }

  @Override public Enumerable<Object[]> scan(DataContext root, ScanSpec spec) {
    return scan.enumerable(root, spec);
  }
}
