package io.github.criteojdbc.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams a synthetic statistics output of the given size through the driver with default
 * settings, sampling the used heap every few milliseconds. Run in its own JVM (by
 * {@link BenchRunner}, under {@code -Xmx256m}); prints {@code rows=.. peakHeapMb=.. seconds=..}.
 */
public final class MemoryProbe {
  private MemoryProbe() {
  }

  public static void main(String[] args) throws Exception {
    long rows = Long.parseLong(args[0]);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong peak = new AtomicLong();
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.setDaemon(true);
    try (BenchSandbox sandbox = new BenchSandbox()) {
      sandbox.faults().pendingPolls(0).syntheticOutputRows(rows);
      sampler.start();
      long started = System.nanoTime();
      long read = 0;
      try (Connection connection = DriverManager.getConnection(sandbox.url(""));
          Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery(StreamedColumns.QUERY)) {
        while (result.next()) {
          result.getString(1);
          result.getLong(4);
          read++;
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      sampler.interrupt();
      System.out.printf("rows=%d peakHeapMb=%.1f seconds=%.2f maxHeapMb=%d%n", read, peak.get() / 1048576.0,
          seconds, Runtime.getRuntime().maxMemory() / 1048576);
    }
  }
}
