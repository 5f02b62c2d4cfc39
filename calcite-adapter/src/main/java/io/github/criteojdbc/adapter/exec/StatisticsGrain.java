package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.adapter.catalog.ColumnDef;
import io.github.criteojdbc.adapter.catalog.ColumnRole;
import io.github.criteojdbc.adapter.catalog.TableCatalog;
import io.github.criteojdbc.adapter.catalog.TimeGranularity;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The dimensions and metrics a statistics scan asks for, derived from the columns it outputs.
 * Several time columns are answered by the finest one (by days when weeks come with months or
 * years, which weeks straddle); a scan with no dimension at all is asked by advertiser, because
 * the API needs one, and summed back.
 */
final class StatisticsGrain {
  static final String ROLLUP_DIMENSION = "AdvertiserId";
  static final String PLACEHOLDER_METRIC = "Clicks";

  final ImmutableList<ColumnDef> dimensions;
  final Optional<ColumnDef> time;
  final ImmutableList<ColumnDef> metrics;
  final boolean rolledUp;

  private StatisticsGrain(List<ColumnDef> dimensions, Optional<ColumnDef> time,
      List<ColumnDef> metrics, boolean rolledUp) {
    this.dimensions = ImmutableList.copyOf(dimensions);
    this.time = time;
    this.metrics = ImmutableList.copyOf(metrics);
    this.rolledUp = rolledUp;
  }

  static StatisticsGrain of(TableCatalog catalog, List<String> columns) {
    ImmutableList.Builder<ColumnDef> dimensions = ImmutableList.builder();
    ImmutableList.Builder<ColumnDef> metrics = ImmutableList.builder();
    ColumnDef finest = null;
    // The planner asks for the grain of every scan it considers; the catalog has ~250 columns.
    Set<String> wanted = ImmutableSet.copyOf(columns);
    for (ColumnDef column : catalog.columns()) {
      if (!wanted.contains(column.name())) {
        continue;
      }
      if (column.role() == ColumnRole.DIMENSION) {
        dimensions.add(column);
      } else if (column.role() == ColumnRole.METRIC) {
        metrics.add(column);
      } else if (column.role() == ColumnRole.TIME) {
        TimeGranularity granularity = column.granularity().orElseThrow();
        if (finest == null || granularity.compareTo(finest.granularity().orElseThrow()) < 0) {
          finest = column;
        }
      }
    }
    if (finest != null && finest.granularity().orElseThrow() == TimeGranularity.WEEK
        && wanted.stream().map(catalog::column).flatMap(Optional::stream)
            .anyMatch(c -> c.granularity().filter(g -> g.compareTo(TimeGranularity.WEEK) > 0).isPresent())) {
      finest = dayColumn(catalog);
    }
    ImmutableList<ColumnDef> dims = dimensions.build();
    return new StatisticsGrain(dims, Optional.ofNullable(finest), metrics.build(),
        dims.isEmpty() && finest == null);
  }

  /** Weeks straddle months and years, so a month or year is only derived from days. */
  private static ColumnDef dayColumn(TableCatalog catalog) {
    return catalog.columns().stream()
        .filter(c -> c.role() == ColumnRole.TIME && c.granularity().orElseThrow() == TimeGranularity.DAY)
        .findFirst().orElseThrow();
  }

  /** API dimension names, in catalog order, with the time bucket last. */
  ImmutableList<String> apiDimensions() {
    ImmutableList.Builder<String> names = ImmutableList.builder();
    if (rolledUp) {
      return names.add(ROLLUP_DIMENSION).build();
    }
    dimensions.forEach(d -> names.add(d.apiName()));
    time.ifPresent(t -> names.add(t.apiName()));
    return names.build();
  }

  /** Whether the scan reads no metric and asks for {@link #PLACEHOLDER_METRIC} as the API needs one. */
  boolean asksPlaceholderMetric() {
    return metrics.isEmpty();
  }

  ImmutableList<String> apiMetrics() {
    if (asksPlaceholderMetric()) {
      return ImmutableList.of(PLACEHOLDER_METRIC);
    }
    return metrics.stream().map(ColumnDef::apiName).collect(ImmutableList.toImmutableList());
  }

  /** Metrics that only the API can compute at a given grain; they cannot be summed back. */
  ImmutableList<String> nonAdditiveMetrics() {
    return metrics.stream().filter(m -> !m.isAdditive()).map(ColumnDef::name)
        .collect(ImmutableList.toImmutableList());
  }
}
