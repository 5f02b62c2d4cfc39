package io.github.criteojdbc.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The driver-to-plain-parse ratio measured in rounds, in one JVM: each round times the driver and
 * the plain parse back to back (alternating which goes first), so both see the same machine load.
 * On a shared machine whose load drifts, separate JMH forks minutes apart can disagree by more
 * than the difference being measured; a ratio per round cannot.
 */
final class InterleavedStreaming {
  private InterleavedStreaming() {
  }

  /** Per round, the driver's rows per second divided by the plain parse's. */
  static Figures ratios(long rows, int warmups, int rounds) throws Exception {
    StreamingBenchmark benchmark = new StreamingBenchmark();
    benchmark.rows = rows;
    benchmark.setUp();
    try {
      for (int i = 0; i < warmups; i++) {
        benchmark.driverResultSet();
        benchmark.jacksonStreamingFromMemory();
      }
      List<Double> ratios = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        long driver;
        long plain;
        if (round % 2 == 0) {
          driver = time(benchmark::driverResultSet);
          plain = time(benchmark::jacksonStreamingFromMemory);
        } else {
          plain = time(benchmark::jacksonStreamingFromMemory);
          driver = time(benchmark::driverResultSet);
        }
        ratios.add((double) plain / driver);
      }
      return Figures.of(ratios);
    } finally {
      benchmark.tearDown();
    }
  }

  private static long time(Reader reader) throws Exception {
    long started = System.nanoTime();
    reader.read();
    return System.nanoTime() - started;
  }

  @FunctionalInterface
  private interface Reader {
    long read() throws Exception;
  }
}
