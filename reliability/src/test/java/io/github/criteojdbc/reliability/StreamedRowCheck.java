package io.github.criteojdbc.reliability;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Run in a forked JVM with a small heap: reads {@code SELECT <id column>, <count column> ...} through the shaded
 * jar to the end and prints one line: row count, the sum of the ids, the sum of the counts, whether the ids ran
 * 1, 2, 3... without a gap, the peak heap used and the heap limit.
 *
 * <p>Arguments: JDBC URL, user, password, SQL.
 */
public final class StreamedRowCheck {
  private StreamedRowCheck() {
  }

  public static void main(String[] args) throws SQLException {
    Properties credentials = new Properties();
    credentials.setProperty("user", args[1]);
    credentials.setProperty("password", args[2]);
    long rows = 0;
    long idSum = 0;
    long countSum = 0;
    boolean consecutive = true;
    long started = System.nanoTime();
    try (Connection connection = ShadedDriver.get().connect(args[0], credentials);
         Statement statement = connection.createStatement();
         ResultSet resultSet = statement.executeQuery(args[3])) {
      while (resultSet.next()) {
        long id = Long.parseLong(resultSet.getString(1));
        rows++;
        consecutive &= id == rows;
        idSum += id;
        countSum += resultSet.getLong(2);
      }
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    System.out.println("rows=" + rows + " idSum=" + idSum + " countSum=" + countSum + " consecutive=" + consecutive
        + " peakHeapMiB=" + peakHeapMib() + " maxHeapMiB=" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
        + " seconds=" + seconds);
  }

  private static long peakHeapMib() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak / (1024 * 1024);
  }
}
