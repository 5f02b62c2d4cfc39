package io.github.criteojdbc.adapter.exec;

import java.math.BigDecimal;

/**
 * Sums of additive metric values as SQL sums them: NULL adds nothing, and a sum of NULLs only is
 * NULL. Money stays exact.
 */
final class MetricSums {
  private MetricSums() {
  }

  static Object add(Object a, Object b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    if (a instanceof BigDecimal) {
      return ((BigDecimal) a).add((BigDecimal) b);
    }
    if (a instanceof Double) {
      return (Double) a + (Double) b;
    }
    if (a instanceof Integer) {
      return (Integer) a + (Integer) b;
    }
    return ((Number) a).longValue() + ((Number) b).longValue();
  }
}
