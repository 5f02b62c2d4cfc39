package io.github.criteojdbc.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Queries the driver splits into several reports made in parallel: the whole query's wall time
 * versus the sum of its parts run one after another, each report kept {@code Pending} by the
 * sandbox for a while as the real API would. A new fan-out (another table's) is one more
 * {@link Case}.
 */
final class FanOutSection {
  static final Duration SERVER_TIME = Duration.ofSeconds(1);

  /** A query and the queries of the parts it fans out to. */
  record Case(String name, String whole, List<String> parts) {
  }

  private final RunSize size;

  FanOutSection(RunSize size) {
    this.size = size;
  }

  /**
   * The cases of one run. The sandbox hands back the existing report for a request it already
   * answered, so every run, and the parts within it, ask for ranges shifted back by whole days.
   */
  private static List<Case> cases(int run) {
    LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(100 + 3L * run);
    LocalDate partsStart = start.minusDays(1);
    String hourly = "SELECT hour, campaign_id, clicks FROM statistics WHERE day BETWEEN DATE '%s' AND DATE '%s'";
    String breakdowns = "SELECT breakdown, breakdown_value, clicks FROM audience_performance"
        + " WHERE advertiser_id = '10001' AND breakdown IN (%s) AND start_date = DATE '%s' AND end_date = DATE '%s'";
    List<String> three = List.of("'Top30BrandsByClicks'", "'Top30InterestsByClicks'", "'Top30BrandsBySales'");
    return List.of(new Case("statistics, 90 days hourly → three 31-day reports",
            hourly.formatted(start, start.plusDays(89)),
            List.of(hourly.formatted(partsStart, partsStart.plusDays(30)),
                hourly.formatted(partsStart.plusDays(31), partsStart.plusDays(61)),
                hourly.formatted(partsStart.plusDays(62), partsStart.plusDays(89)))),
        new Case("audience_performance, breakdown IN (three) → one report per breakdown",
            breakdowns.formatted(String.join(", ", three), start, start.plusDays(29)),
            three.stream().map(one -> breakdowns.formatted(one, partsStart, partsStart.plusDays(29))).toList()));
  }

  String run() throws SQLException {
    StringBuilder table = new StringBuilder("| fan-out | reports | wall time (s) | sum of the parts (s) | speed-up"
        + " (medians) |\n|---|---|---|---|---|\n");
    try (BenchSandbox sandbox = new BenchSandbox();
        Connection connection = DriverManager.getConnection(sandbox.url("cacheTtlSeconds=0"))) {
      sandbox.faults().pendingPolls(0).pendingFor(SERVER_TIME);
      for (int index = 0; index < cases(0).size(); index++) {
        Case fanOut = cases(0).get(index);
        List<Double> whole = new ArrayList<>();
        List<Double> parts = new ArrayList<>();
        for (int run = 0; run < size.fanOutRuns(); run++) {
          Case shifted = cases(run).get(index);
          whole.add(seconds(connection, shifted.whole()));
          double sum = 0;
          for (String part : shifted.parts()) {
            sum += seconds(connection, part);
          }
          parts.add(sum);
        }
        Figures wall = Figures.of(whole);
        Figures sum = Figures.of(parts);
        table.append("| ").append(fanOut.name()).append(" | ").append(fanOut.parts().size()).append(" | ")
            .append(wall.format("%.2f")).append(" | ").append(sum.format("%.2f")).append(" | ")
            .append(String.format(Locale.ROOT, "%.1f×", sum.median() / wall.median())).append(" |\n");
      }
    }
    return "## 6. Parallel fan-out\n\n"
        + "Each report stays `Pending` for " + SERVER_TIME.toMillis() + " ms on the sandbox (the server's work);"
        + " cache off. " + size.fanOutRuns() + " runs, min / median / max. The driver always splits hourly ranges"
        + " over 31 days, so \"one report\" is not an option it offers; the parts run one after another are what a"
        + " caller splitting by hand without threads gets.\n\n"
        + table + "\n";
  }

  private static double seconds(Connection connection, String sql) throws SQLException {
    long started = System.nanoTime();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        for (int column = 1; column <= columns; column++) {
          rows.getObject(column);
        }
      }
    }
    return (System.nanoTime() - started) / 1e9;
  }
}
