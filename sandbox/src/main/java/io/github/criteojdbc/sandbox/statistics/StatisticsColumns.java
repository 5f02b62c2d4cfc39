package io.github.criteojdbc.sandbox.statistics;

import io.github.criteojdbc.sandbox.catalog.AsyncDimension;
import io.github.criteojdbc.sandbox.catalog.Metric;
import io.github.criteojdbc.sandbox.report.ExportColumn;
import java.util.ArrayList;
import java.util.List;

/** The output metadata of a statistics report: dimension columns first, then the metrics. */
final class StatisticsColumns {
  private StatisticsColumns() {}

  static List<ExportColumn> of(List<AsyncDimension> dimensions, List<Metric> metrics, String currency, String timezone) {
    List<ExportColumn> columns = new ArrayList<>();
    for (AsyncDimension dimension : dimensions) {
      columns.add(switch (dimension.kind()) {
        case NAME -> ExportColumn.property(dimension.apiName(), dimension.pair().orElseThrow().apiName());
        case TIME -> ExportColumn.interval(dimension.apiName(), TimeBucket.outputType(dimension), timezone);
        case ID, ATTRIBUTE -> ExportColumn.dimension(dimension.apiName(), "String");
      });
    }
    for (Metric metric : metrics) {
      columns.add(metric.money() ? ExportColumn.money(metric.name(), currency) : ExportColumn.number(metric.name()));
    }
    return columns;
  }
}
