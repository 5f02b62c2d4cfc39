package io.github.criteojdbc.sandbox.statistics;

import io.github.criteojdbc.sandbox.catalog.Metric;
import io.github.criteojdbc.sandbox.data.BaseMeasures;
import java.util.ArrayList;
import java.util.List;

/** The base measures a report must sum (each once), and where each metric finds its numerator and denominator. */
final class MeasurePlan {
  private final List<Integer> measures = new ArrayList<>();
  private final int[] numeratorSlots;
  private final int[] denominatorSlots;

  MeasurePlan(List<Metric> metrics) {
    numeratorSlots = new int[metrics.size()];
    denominatorSlots = new int[metrics.size()];
    for (int i = 0; i < metrics.size(); i++) {
      Metric metric = metrics.get(i);
      numeratorSlots[i] = slot(metric.numerator());
      denominatorSlots[i] = metric.denominator() == null ? -1 : slot(metric.denominator());
    }
  }

  int size() {
    return measures.size();
  }

  int measureAt(int slot) {
    return measures.get(slot);
  }

  long numerator(int metric, long[] sums) {
    return sums[numeratorSlots[metric]];
  }

  long denominator(int metric, long[] sums) {
    return denominatorSlots[metric] < 0 ? 1 : sums[denominatorSlots[metric]];
  }

  private int slot(String measure) {
    int index = BaseMeasures.standard().indexOrFail(measure);
    int slot = measures.indexOf(index);
    if (slot >= 0) {
      return slot;
    }
    measures.add(index);
    return measures.size() - 1;
  }
}
