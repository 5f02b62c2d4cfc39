package io.github.criteojdbc.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The figures of this run (queries, faults injected, rows checked, calls versus budget, heap), added up by the
 * tests as they go and written to {@code benchmarks/results/reliability.md} after each test class, so the file
 * always shows the last run and which test classes it covered.
 */
final class ReliabilityFigures implements AfterAllCallback {
  private static final Instant STARTED = Instant.now();
  private static final AtomicLong QUERIES = new AtomicLong();
  private static final AtomicLong FAULTS = new AtomicLong();
  private static final AtomicLong ROWS_CHECKED = new AtomicLong();
  private static final Map<String, String> MEASURES = new TreeMap<>();
  private static final TreeSet<String> CLASSES = new TreeSet<>();

  static void queries(long n) {
    QUERIES.addAndGet(n);
  }

  static void faults(long n) {
    FAULTS.addAndGet(n);
  }

  static void rowsChecked(long n) {
    ROWS_CHECKED.addAndGet(n);
  }

  static synchronized void measure(String name, String value) {
    MEASURES.put(name, value);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    synchronized (ReliabilityFigures.class) {
      CLASSES.add(context.getRequiredTestClass().getSimpleName());
    }
    String report = System.getProperty("reliability.report");
    if (report != null) {
      write(Path.of(report));
    }
  }

  private static synchronized void write(Path file) {
    Runtime runtime = Runtime.getRuntime();
    List<String> lines = new ArrayList<>(List.of(
        "# Reliability suite — figures of the last run",
        "",
        "Written by the `reliability` module's tests (`./reliability.sh`) at the end of each test class; do not edit.",
        "",
        "| machine | |",
        "|---|---|",
        "| date (UTC) | " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " |",
        "| processors (`nproc`) | " + runtime.availableProcessors() + " |",
        "| physical memory | " + physicalMemoryGib() + " |",
        "| JVM | " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " |",
        "| test JVM max heap | " + runtime.maxMemory() / (1024 * 1024) + " MiB |",
        "",
        "| figure | value |",
        "|---|---|",
        "| test classes run | " + CLASSES.size() + " (" + String.join(", ", CLASSES) + ") |",
        "| wall time so far | " + Duration.between(STARTED, Instant.now()).toSeconds() + " s |",
        "| SQL queries run through the shaded jar | " + QUERIES.get() + " |",
        "| faults injected (switch firings set by the tests) | " + FAULTS.get() + " |",
        "| rows checked (against the sandbox's raw facts, its synthetic-row formula or a fault-free sandbox) | " + ROWS_CHECKED.get() + " |"));
    MEASURES.forEach((name, value) -> lines.add("| " + name + " | " + value + " |"));
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String physicalMemoryGib() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return String.format("%.1f GiB", os.getTotalMemorySize() / (1024.0 * 1024 * 1024));
    }
    return "unknown";
  }
}
