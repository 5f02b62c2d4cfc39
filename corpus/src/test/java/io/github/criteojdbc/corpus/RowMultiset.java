package io.github.criteojdbc.corpus;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Rows counted by their canonical form, to compare results whose order SQL does not fix. */
final class RowMultiset {
  private static final int SHOWN = 5;
  private final Map<List<String>, Long> counts;

  private RowMultiset(Map<List<String>, Long> counts) {
    this.counts = counts;
  }

  static RowMultiset of(List<List<String>> rows) {
    Map<List<String>, Long> counts = new TreeMap<>(RowMultiset::compareRows);
    rows.forEach(row -> counts.merge(row, 1L, Long::sum));
    return new RowMultiset(counts);
  }

  /** Rows of this multiset beyond their count in {@code other}, with how many times too often. */
  Map<List<String>, Long> minus(RowMultiset other) {
    Map<List<String>, Long> extra = new TreeMap<>(RowMultiset::compareRows);
    counts.forEach((row, count) -> {
      long surplus = count - other.counts.getOrDefault(row, 0L);
      if (surplus > 0) {
        extra.put(row, surplus);
      }
    });
    return extra;
  }

  /** Empty when both hold the same rows as often; else what is missing and what is unexpected. */
  static String difference(String expectedName, List<List<String>> expected, String actualName,
      List<List<String>> actual) {
    RowMultiset want = of(expected);
    RowMultiset got = of(actual);
    Map<List<String>, Long> missing = want.minus(got);
    Map<List<String>, Long> unexpected = got.minus(want);
    if (missing.isEmpty() && unexpected.isEmpty()) {
      return "";
    }
    return expectedName + " has " + expected.size() + " rows, " + actualName + " " + actual.size()
        + "; missing from " + actualName + ": " + shown(missing)
        + "; only in " + actualName + ": " + shown(unexpected);
  }

  private static String shown(Map<List<String>, Long> rows) {
    long total = rows.values().stream().mapToLong(Long::longValue).sum();
    String first = rows.entrySet().stream().limit(SHOWN)
        .map(e -> e.getKey() + (e.getValue() > 1 ? " x" + e.getValue() : ""))
        .collect(Collectors.joining(", "));
    return total == 0 ? "none" : total + " (" + first + (rows.size() > SHOWN ? ", ..." : "") + ")";
  }

  private static int compareRows(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
