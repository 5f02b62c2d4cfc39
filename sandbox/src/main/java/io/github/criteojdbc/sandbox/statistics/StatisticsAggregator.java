package io.github.criteojdbc.sandbox.statistics;

import io.github.criteojdbc.sandbox.catalog.AsyncDimension;
import io.github.criteojdbc.sandbox.catalog.Metric;
import io.github.criteojdbc.sandbox.data.AdSet;
import io.github.criteojdbc.sandbox.data.BaseMeasures;
import io.github.criteojdbc.sandbox.data.DataWindow;
import io.github.criteojdbc.sandbox.data.HourlyFact;
import io.github.criteojdbc.sandbox.data.HourlyFacts;
import io.github.criteojdbc.sandbox.data.MeasureCursor;
import io.github.criteojdbc.sandbox.data.Portfolio;
import io.github.criteojdbc.sandbox.report.ExportTable;
import io.github.criteojdbc.sandbox.report.ListTable;
import io.github.criteojdbc.sandbox.report.RowOrder;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a statistics report from the hourly facts: keeps the facts of the requested ad sets and dates (in
 * the report's zone), groups them by the output dimensions, sums the base measures and derives the metrics.
 */
public final class StatisticsAggregator {
  private StatisticsAggregator() {}

  public static ExportTable aggregate(StatisticsRequest request, DataWindow data) {
    List<AsyncDimension> dimensions = OutputDimensions.of(request.dimensions());
    MeasurePlan plan = new MeasurePlan(request.metrics());
    Map<List<Object>, long[]> groups = new HashMap<>();
    MeasureCursor cursor = new MeasureCursor(BaseMeasures.standard());
    HourlyFacts.within(hoursOf(request, data), adSetsOf(request)).forEach(fact -> {
      long[] sums = groups.computeIfAbsent(key(fact, dimensions, request.zone()), newKey -> new long[plan.size()]);
      cursor.moveTo(fact);
      for (int slot = 0; slot < sums.length; slot++) {
        sums[slot] += cursor.value(plan.measureAt(slot));
      }
    });
    List<List<Object>> keys = new ArrayList<>(groups.keySet());
    keys.sort(RowOrder.byKey());
    List<Object[]> rows = new ArrayList<>(keys.size());
    for (List<Object> key : keys) {
      rows.add(row(key, groups.get(key), request, plan));
    }
    return new ListTable(StatisticsColumns.of(dimensions, request.metrics(), request.currency(), request.timezone()), rows);
  }

  /** The ad sets the advertiser, ad set id, name and status filters let through. */
  static List<AdSet> adSetsOf(StatisticsRequest request) {
    return Portfolio.standard().adSets().stream()
        .filter(adSet -> request.advertiserIds().contains(adSet.advertiserId()))
        .filter(adSet -> request.adSetIds().isEmpty() || request.adSetIds().contains(adSet.id()))
        .filter(adSet -> request.adSetNames().isEmpty() || request.adSetNames().contains(adSet.name()))
        .filter(adSet -> request.adSetStatuses().isEmpty() || request.adSetStatuses().contains(adSet.status()))
        .toList();
  }

  /** The requested days, from the first midnight to the midnight after the last day in the report's zone. */
  private static DataWindow hoursOf(StatisticsRequest request, DataWindow data) {
    Instant from = request.startDate().atStartOfDay(request.zone()).toInstant();
    Instant to = request.endDate().plusDays(1).atStartOfDay(request.zone()).toInstant();
    return data.clip(from, to);
  }

  private static List<Object> key(HourlyFact fact, List<AsyncDimension> dimensions, ZoneId zone) {
    Object[] key = new Object[dimensions.size()];
    for (int i = 0; i < key.length; i++) {
      AsyncDimension dimension = dimensions.get(i);
      key[i] = switch (dimension.kind()) {
        case TIME -> TimeBucket.of(dimension, fact.hour(), zone);
        case ID -> Long.valueOf(fact.dimension(dimension));
        case NAME, ATTRIBUTE -> fact.dimension(dimension);
      };
    }
    return Arrays.asList(key);
  }

  private static Object[] row(List<Object> key, long[] sums, StatisticsRequest request, MeasurePlan plan) {
    Object[] row = Arrays.copyOf(key.toArray(), key.size() + request.metrics().size());
    for (int m = 0; m < request.metrics().size(); m++) {
      Metric metric = request.metrics().get(m);
      row[key.size() + m] = MetricValue.of(metric, plan.numerator(m, sums), plan.denominator(m, sums), request.perEuro());
    }
    return row;
  }
}
