package io.github.criteojdbc.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Minimum, median and maximum over the runs of one measurement. */
record Figures(double min, double median, double max, int runs) {
  static Figures of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no runs to summarise");
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Figures(sorted.get(0), median, sorted.get(n - 1), n);
  }

  /** The same figures under {@code value -> scale / value} (times to rates), which swaps min and max. */
  Figures inverted(double scale) {
    return new Figures(scale / max, scale / median, scale / min, runs);
  }

  Figures minus(double amount) {
    return new Figures(min - amount, median - amount, max - amount, runs);
  }

  String format(String pattern) {
    return String.format(Locale.ROOT, pattern + " / " + pattern + " / " + pattern, min, median, max);
  }
}
