package io.github.criteojdbc.adapter;

import io.github.criteojdbc.adapter.catalog.ColumnDef;
import io.github.criteojdbc.adapter.catalog.ColumnRole;
import io.github.criteojdbc.adapter.catalog.TableCatalog;
import io.github.criteojdbc.adapter.exec.MpoRealtimeScan;
import io.github.criteojdbc.adapter.exec.MpoTimeWindow;
import io.github.criteojdbc.adapter.exec.ReportContext;
import io.github.criteojdbc.adapter.plan.PushdownPolicy;
import io.github.criteojdbc.adapter.plan.ScanSpec;
import io.github.criteojdbc.adapter.plan.TimeBound;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;

import java.util.Set;

/** {@code criteo.mpo_realtime}: the Marketplace Performance Outcomes real-time export. */
public final class MpoRealtimeTable extends CriteoTable {
  public static final String CATALOG_RESOURCE = "mpo_realtime.json";

  /** Columns whose {@code =}/{@code IN} filters become request attributes. */
  private static final Set<String> REQUEST_FILTERS =
      Set.of("advertiser_id", "campaign_id", "seller_id");

  /** The export prints cost unrounded; the guide's sample has eleven decimals. */
  private static final int UNROUNDED_COST_SCALE = 12;

  private final MpoRealtimeScan scan;

  public MpoRealtimeTable(TableCatalog catalog, ReportContext context) {
    super(catalog);
    this.scan = new MpoRealtimeScan(catalog, context);
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
        return MpoTimeWindow.isExact(bound);
      }
    };
  }

  @Override protected int decimalScale(ColumnDef column) {
    return UNROUNDED_COST_SCALE;
  }

  @Override public String describeRequest(ScanSpec spec) {
    return scan.describe(spec);
  }

  @Override public Enumerable<Object[]> scan(DataContext root, ScanSpec spec) {
    return scan.enumerable(root, spec);
  }
}
