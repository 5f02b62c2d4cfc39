package io.github.criteojdbc.sandbox.statistics;

import io.github.criteojdbc.sandbox.catalog.AsyncDimension;
import io.github.criteojdbc.sandbox.catalog.Metric;
import io.github.criteojdbc.sandbox.data.Hashing;
import io.github.criteojdbc.sandbox.report.ExportColumn;
import io.github.criteojdbc.sandbox.report.ExportTable;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A statistics output of any size, made up row by row as it is written (constant memory), for volume tests.
 * Row {@code i} carries id {@code i + 1} in every id column and the request's first bucket in every time column,
 * so rows come out in id order; metric values are hashes of the row number.
 */
public final class SyntheticStatisticsTable implements ExportTable {
  private static final int ATTRIBUTE_VALUES = 7;

  private final List<AsyncDimension> dimensions;
  private final List<Metric> metrics;
  private final List<ExportColumn> columns;
  private final StatisticsRequest request;
  private final long rowCount;
  private final Instant firstHour;

  public SyntheticStatisticsTable(StatisticsRequest request, long rowCount) {
    this.request = request;
    this.rowCount = rowCount;
    this.dimensions = OutputDimensions.of(request.dimensions());
    this.metrics = request.metrics();
    this.columns = StatisticsColumns.of(dimensions, metrics, request.currency(), request.timezone());
    this.firstHour = request.startDate().atStartOfDay(request.zone()).toInstant();
  }

  @Override
  public List<ExportColumn> columns() {
    return columns;
  }

  @Override
  public long rowCount() {
    return rowCount;
  }

  @Override
  public Iterator<Object[]> rows() {
    return new Iterator<>() {
      private long next;

      @Override
      public boolean hasNext() {
        return next < rowCount;
      }

      @Override
      public Object[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return row(next++);
      }
    };
  }

  private Object[] row(long index) {
    Object[] row = new Object[dimensions.size() + metrics.size()];
    for (int d = 0; d < dimensions.size(); d++) {
      AsyncDimension dimension = dimensions.get(d);
      row[d] = switch (dimension.kind()) {
        case ID -> index + 1;
        case NAME -> dimension.apiName() + " " + (index + 1);
        case ATTRIBUTE -> dimension.apiName() + " " + (index % ATTRIBUTE_VALUES);
        case TIME -> TimeBucket.of(dimension, firstHour, request.zone());
      };
    }
    for (int m = 0; m < metrics.size(); m++) {
      long hash = Hashing.seed(index, m);
      long numerator = Math.floorMod(hash, 100_000L);
      long denominator = 1 + Math.floorMod(Hashing.mix(hash), 100_000L);
      row[dimensions.size() + m] = MetricValue.of(metrics.get(m), numerator, denominator, request.perEuro());
    }
    return row;
  }

}
