package io.github.criteojdbc.sandbox.report;

import java.util.Comparator;
import java.util.List;

/** Orders rows by their leading key values, column by column, each in its natural order. */
public final class RowOrder {
  private RowOrder() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Comparator<List<Object>> byKey() {
    return (left, right) -> {
      for (int i = 0; i < left.size(); i++) {
        int order = ((Comparable) left.get(i)).compareTo(right.get(i));
        if (order != 0) {
          return order;
        }
      }
      return 0;
    };
  }
}
