package io.github.criteojdbc.benchmarks;

import java.sql.SQLException;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Runs the JMH benchmarks (streaming throughput, per-query overhead) and writes their sections. */
final class JmhSection {
  static final double STREAMING_TARGET = 0.8;
  static final double CACHED_MEDIAN_TARGET_MS = 3;

  private final RunSize size;

  JmhSection(RunSize size) {
    this.size = size;
  }

  String streaming() throws Exception {
    Options options = new OptionsBuilder()
        .include(StreamingBenchmark.class.getName() + "\\.")
        .param("rows", Long.toString(size.streamedRows()))
        .forks(1)
        .warmupIterations(size.streamingWarmups())
        .measurementIterations(size.streamingRuns())
        .shouldFailOnError(true)
        .build();
    Map<String, Statistics> results = byMethod(new Runner(options).run());
    Figures driver = rates(results.get("driverResultSet"), size.streamedRows());
    Figures plain = rates(results.get("jacksonStreamingFromMemory"), size.streamedRows());
    Figures overHttp = rates(results.get("jacksonStreamingOverHttp"), size.streamedRows());
    Figures tree = rates(results.get("jacksonTreeFromMemory"), size.streamedRows());
    Figures interleaved = InterleavedStreaming.ratios(size.streamedRows(), size.streamingWarmups(),
        size.streamingRuns() * 2);
    double ratio = interleaved.median();
    return "## 1. Streaming throughput\n\n"
        + String.format(Locale.ROOT, "A %,d-row statistics output (7 columns: 2 ids, day, 2 counts, money, ratio), every"
            + " column read with its typed getter. JMH single-shot, %d warm-up + %d measured runs; thousands of rows"
            + " per second, min / median / max.%n%n", size.streamedRows(), size.streamingWarmups(), size.streamingRuns())
        + "| reader | k rows/s | vs plain parse |\n|---|---|---|\n"
        + line("driver `ResultSet` (new report each run, over HTTP from the sandbox)", driver, plain)
        + line("plain Jackson streaming parse of the same bytes, from memory (the limit)", plain, plain)
        + line("same plain parse over the sandbox's HTTP download (the sandbox's own limit)", overHttp, plain)
        + line("naive SDK approach: whole body as a Jackson tree, then iterated", tree, plain)
        + "\nThe forks above run one after another; on a loaded machine their figures drift with the load. The"
        + " target is judged on the driver-to-plain ratio measured in " + interleaved.runs() + " interleaved rounds in"
        + " one JVM (driver and plain parse back to back each round): " + interleaved.format("%.2f×")
        + " (min / median / max).\n"
        + String.format(Locale.ROOT, "%n**Target ≥ %.1f× the plain parse: %.2f× — %s.**%n%n", STREAMING_TARGET, ratio,
            ratio >= STREAMING_TARGET ? "met" : "missed");
  }

  String overhead() throws RunnerException, SQLException {
    Options options = new OptionsBuilder()
        .include(QueryOverheadBenchmark.class.getName() + "\\.")
        .forks(1)
        .warmupIterations(size.overheadWarmups())
        .warmupTime(TimeValue.seconds(size.overheadSeconds()))
        .measurementIterations(size.overheadRuns())
        .measurementTime(TimeValue.seconds(size.overheadSeconds()))
        .shouldFailOnError(true)
        .build();
    Map<String, Statistics> results = byMethod(new Runner(options).run());
    Statistics cached = results.get("cachedReport");
    Statistics plannedAnew = results.get("cachedReportPlannedAnew");
    Statistics rolledUp = results.get("rolledUpFromCachedReport");
    Statistics fresh = results.get("newReport");
    Statistics sandboxOnly = results.get("sandboxCallsOnly");
    double ours = fresh.getPercentile(50) - sandboxOnly.getPercentile(50);
    return "## 3. Per-query overhead\n\n"
        + "`" + QueryOverheadBenchmark.SMALL_QUERY + "`, executed and read to its first row. JMH sample time, "
        + size.overheadRuns() + " × " + size.overheadSeconds() + " s measured after " + size.overheadWarmups()
        + " warm-up iterations; milliseconds.\n\n"
        + "| case | samples | min | median | p95 | max |\n|---|---|---|---|---|---|\n"
        + sampleLine("answered from the result cache, the same text again (the connection's kept plan, execute,"
            + " first row)", cached)
        + sampleLine("answered from the result cache, a new text each time (parse, validate, plan, codegen, execute,"
            + " first row)", plannedAnew)
        + sampleLine("`" + QueryOverheadBenchmark.ROLLED_UP_QUERY + "` summed from the cached daily report of"
            + " 7 days (no call, the same text again)", rolledUp)
        + sampleLine("new report, sandbox answering at once (pendingPolls 0, poll delay 1 ms)", fresh)
        + sampleLine("the sandbox's own time: the same create, status, output calls made directly", sandboxOnly)
        + String.format(Locale.ROOT, "%nNew report minus the sandbox's own time (medians): **%.1f ms** is ours.%n%n"
            + "**Target ≤ %.0f ms median for a repeated query answered from the cache: %.2f ms — %s.**%n%n",
            ours, CACHED_MEDIAN_TARGET_MS, cached.getPercentile(50),
            cached.getPercentile(50) <= CACHED_MEDIAN_TARGET_MS ? "met" : "missed")
        + PlanningPhases.measure(size.overheadWarmups() * 50, size.overheadRuns() * 60);
  }

  private static Map<String, Statistics> byMethod(Collection<RunResult> runs) {
    Map<String, Statistics> results = new HashMap<>();
    for (RunResult run : runs) {
      String benchmark = run.getParams().getBenchmark();
      results.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), run.getPrimaryResult().getStatistics());
    }
    return results;
  }

  /** Milliseconds per pass over {@code rows} rows as thousands of rows a second. */
  private static Figures rates(Statistics millis, long rows) {
    return new Figures(millis.getMin(), millis.getPercentile(50), millis.getMax(), (int) millis.getN())
        .inverted(rows);
  }

  private static String line(String reader, Figures rate, Figures plain) {
    return "| " + reader + " | " + rate.format("%,.0f") + " | "
        + String.format(Locale.ROOT, "%.2f×", rate.median() / plain.median()) + " |\n";
  }

  private static String sampleLine(String name, Statistics millis) {
    return String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f |%n", name, millis.getN(), millis.getMin(),
        millis.getPercentile(50), millis.getPercentile(95), millis.getMax());
  }
}
