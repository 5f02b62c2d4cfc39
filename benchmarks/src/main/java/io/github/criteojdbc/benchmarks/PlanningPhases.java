package io.github.criteojdbc.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.runtime.Hook;

/**
 * Where the time of a query answered from the result cache goes, phase by phase: each run is the benchmark's small
 * query under a new comment, so that it is planned anew, with Calcite's own hooks marking the end of each phase
 * on the running thread. In one JVM after warm-up; medians of milliseconds.
 */
final class PlanningPhases {
  /** Phases in the order they run, each ended by the hook named. */
  enum Phase {
    PARSE("parse", Hook.PARSE_TREE),
    VALIDATE_AND_CONVERT("validate and convert to relational algebra", Hook.CONVERTED),
    OPTIMISE("optimise (trim, rules, Volcano)", Hook.PLAN_BEFORE_IMPLEMENTATION),
    GENERATE("generate Java code", Hook.JAVA_PLAN),
    COMPILE_AND_RUN("compile (cached by source) and execute to the first row", null);

    final String label;
    final Hook end;

    Phase(String label, Hook end) {
      this.label = label;
      this.end = end;
    }
  }

  private PlanningPhases() {
  }

  static String measure(int warmups, int runs) throws SQLException {
    try (BenchSandbox sandbox = new BenchSandbox();
        Connection connection = DriverManager.getConnection(sandbox.url(""))) {
      sandbox.faults().pendingPolls(0);
      Map<Phase, double[]> millis = new EnumMap<>(Phase.class);
      for (Phase phase : Phase.values()) {
        millis.put(phase, new double[runs]);
      }
      double[] repeated = new double[runs];
      for (int run = -warmups; run < runs; run++) {
        long[] ends = timePhases(connection, run);
        long started = System.nanoTime();
        firstRow(connection, QueryOverheadBenchmark.SMALL_QUERY);
        long repeatedNanos = System.nanoTime() - started;
        if (run >= 0) {
          for (Phase phase : Phase.values()) {
            millis.get(phase)[run] = (ends[phase.ordinal() + 1] - ends[phase.ordinal()]) / 1e6;
          }
          repeated[run] = repeatedNanos / 1e6;
        }
      }
      return table(millis, repeated, runs);
    }
  }

  /** Runs the query under a new text; element 0 is the start, element i + 1 the end of phase i. */
  private static long[] timePhases(Connection connection, int run) throws SQLException {
    long[] ends = new long[Phase.values().length + 1];
    List<Hook.Closeable> hooks = new ArrayList<>();
    for (Phase phase : Phase.values()) {
      if (phase.end != null) {
        hooks.add(phase.end.addThread((Object ignored) -> {
          ends[phase.ordinal() + 1] = System.nanoTime();
        }));
      }
    }
    try {
      ends[0] = System.nanoTime();
      firstRow(connection, "/* run " + run + " */ " + QueryOverheadBenchmark.SMALL_QUERY);
      ends[Phase.COMPILE_AND_RUN.ordinal() + 1] = System.nanoTime();
    } finally {
      hooks.forEach(Hook.Closeable::close);
    }
    return ends;
  }

  private static void firstRow(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      if (!result.next()) {
        throw new IllegalStateException("the small query returned no row");
      }
    }
  }

  private static String table(Map<Phase, double[]> millis, double[] repeated, int runs) {
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
        "Phases of a query answered from the result cache and planned anew (its text is new each time), %d runs"
            + " in one JVM after warm-up, medians in milliseconds:%n%n| phase | median ms |%n|---|---|%n", runs));
    double total = 0;
    for (Phase phase : Phase.values()) {
      double median = median(millis.get(phase));
      total += median;
      table.append(String.format(Locale.ROOT, "| %s | %.2f |%n", phase.label, median));
    }
    table.append(String.format(Locale.ROOT, "| **planned anew, sum of the medians** | **%.2f** |%n", total));
    table.append(String.format(Locale.ROOT, "| **the same text again (the connection's kept plan)** | **%.2f** |%n%n",
        median(repeated)));
    return table.toString();
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
