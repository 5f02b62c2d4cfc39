package io.github.criteojdbc.adapter;

import io.github.criteojdbc.adapter.catalog.ColumnDef;
import io.github.criteojdbc.adapter.catalog.TableCatalog;
import io.github.criteojdbc.adapter.exec.AudiencePerformanceScan;
import io.github.criteojdbc.adapter.exec.ReportContext;
import io.github.criteojdbc.adapter.plan.PushdownPolicy;
import io.github.criteojdbc.adapter.plan.ScanSpec;
import io.github.criteojdbc.adapter.plan.TimeBound;

import com.google.common.collect.ImmutableMap;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;

import java.util.Optional;
import java.util.Set;

/**
 * {@code criteo.audience_performance}: the asynchronous audience performance report, one report
 * per advertiser and breakdown.
 */
public final class AudiencePerformanceTable extends CriteoTable {
  public static final String CATALOG_RESOURCE = "audience_performance.json";

  /** Columns whose {@code =}/{@code IN} filters become request attributes. */
  private static final Set<String> REQUEST_FILTERS = Set.of("advertiser_id", "breakdown",
      "currency", "ad_set_id", "audience_id", "segment_id");

  /** What each column that only chooses the report accepts, said when another filter is used. */
  private static final ImmutableMap<String, String> ACCEPTED_FILTERS = ImmutableMap.of(
      "ad_set_id", "ad_set_id = '...' or ad_set_id IN ('...', ...) (request attribute adSetIds)",
      "audience_id", "audience_id = '...' or audience_id IN ('...', ...) (request attribute "
          + "audienceIds)",
      "segment_id", "segment_id = '...' or segment_id IN ('...', ...) (request attribute "
          + "segmentsIds)",
      "start_date", "start_date = DATE 'yyyy-MM-dd' or start_date >= DATE '...' (the first day "
          + "of the report)",
      "end_date", "end_date = DATE 'yyyy-MM-dd' or end_date <= DATE '...' (the last day of the "
          + "report)");

  private final AudiencePerformanceScan scan;

  public AudiencePerformanceTable(TableCatalog catalog, ReportContext context) {
    super(catalog);
    this.scan = new AudiencePerformanceScan(catalog, context);
  }

  @Override public PushdownPolicy pushdownPolicy() {
    return new PushdownPolicy() {
      @Override public boolean pushesEquality(ColumnDef column) {
        return REQUEST_FILTERS.contains(column.name());
      }

      @Override public boolean pushesTimeRange(ColumnDef column) {
        return column.name().equals("start_date") || column.name().equals("end_date");
      }

      /** The scan turns every date bound into the report's first or last day, or refuses it. */
      @Override public boolean isExact(TimeBound bound) {
        return true;
      }

      @Override public Optional<String> residualRejection(ColumnDef column) {
        return Optional.ofNullable(ACCEPTED_FILTERS.get(column.name())).map(accepted ->
            "audience_performance: " + column.name() + " only chooses the report, so it takes "
                + "only " + accepted + ", joined to the rest of WHERE with AND; the filter on "
                + column.name() + " here cannot be sent to the API");
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
