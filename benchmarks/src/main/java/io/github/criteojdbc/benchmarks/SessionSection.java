package io.github.criteojdbc.benchmarks;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A DBeaver-style session in one JVM, end to end: connect, the metadata calls DBeaver's generic
 * JDBC driver makes to fill its navigator and open a table, the table's data tab ({@code SELECT *}
 * with {@code setMaxRows(200)}), then three queries. Its wall time is split into the waits the API
 * imposes (the driver's own journal: time from a report's creation until its rows can be
 * downloaded, plus time waiting for the call budget), the sandbox's time answering (measured in the
 * sandbox), and what is left: the driver.
 */
final class SessionSection {
  private static final List<String> QUERIES = List.of(
      "SELECT day, SUM(clicks) AS clicks FROM statistics WHERE day >= CURRENT_DATE - INTERVAL '7' DAY"
          + " GROUP BY day ORDER BY day",
      "SELECT campaign, SUM(advertiser_cost) AS cost FROM statistics"
          + " WHERE day BETWEEN CURRENT_DATE - INTERVAL '30' DAY AND CURRENT_DATE - INTERVAL '1' DAY"
          + " GROUP BY campaign ORDER BY cost DESC",
      "SELECT * FROM (SELECT device, SUM(displays) AS displays FROM statistics"
          + " WHERE day BETWEEN CURRENT_DATE - INTERVAL '30' DAY AND CURRENT_DATE - INTERVAL '1' DAY"
          + " GROUP BY device) t WHERE displays > 0");

  /** One run: its label, the connection properties that differ, and the measured split. */
  private record Run(String label, String properties) {
  }

  private record Split(Duration total, Duration apiWaits, Duration sandbox, int reports, int calls) {
    Duration driver() {
      return total.minus(apiWaits).minus(sandbox);
    }
  }

  String run() throws SQLException {
    List<Run> runs = List.of(
        new Run("the API's poll interval (`pollIntervalSeconds=5`, the default)", ""),
        new Run("the sandbox's poll interval (`pollIntervalSeconds=0.05`, as with `sandbox=true`)",
            "pollIntervalSeconds=0.05"));
    StringBuilder table = new StringBuilder("| polling | wall | API waits | sandbox | driver | reports |"
        + " report calls |\n|---|---|---|---|---|---|---|\n");
    for (Run run : runs) {
      Split split = measure(run);
      table.append("| ").append(run.label()).append(" | ").append(seconds(split.total())).append(" | ")
          .append(seconds(split.apiWaits())).append(" | ").append(seconds(split.sandbox())).append(" | ")
          .append(seconds(split.driver())).append(" | ").append(split.reports()).append(" | ")
          .append(split.calls()).append(" |\n");
    }
    return "## 8. A DBeaver-style session\n\n"
        + "One JVM, one connection to a sandbox of its own (its reports pending for one status poll), cold"
        + " cache: connect; `getDatabaseProductVersion`, `getCatalogs`, `getSchemas`, `getTableTypes`,"
        + " `getTables`, `getTypeInfo` (the navigator); for `statistics`: `getColumns`, `getPrimaryKeys`,"
        + " `getImportedKeys`, `getExportedKeys`, `getIndexInfo` (opening the table); its data tab"
        + " (`SELECT * FROM statistics`, `setMaxRows(200)`); then clicks by day over 7 days, cost by campaign"
        + " over 30 days, and displays by device over 30 days in a subquery. API waits are the driver's"
        + " `criteo_driver.reports` figures (creation until the rows can be downloaded, plus waits for the"
        + " call budget); the sandbox's time is what its handler spent on every call; the driver is the"
        + " rest (planning, parsing, the result sets, the JVM warming up).\n\n"
        + table + "\n";
  }

  private static Split measure(Run run) throws SQLException {
    try (BenchSandbox sandbox = new BenchSandbox()) {
      sandbox.faults().pendingPolls(1);
      String url = sandbox.urlWithDriverDefaults("cache=memory"
          + (run.properties().isEmpty() ? "" : ";" + run.properties()));
      sandbox.requestLog().clear();
      long started = System.nanoTime();
      try (Connection connection = DriverManager.getConnection(url)) {
        browse(connection.getMetaData());
        try (Statement preview = connection.createStatement()) {
          preview.setMaxRows(200);
          readAll(preview, "SELECT * FROM statistics");
        }
        try (Statement statement = connection.createStatement()) {
          for (String query : QUERIES) {
            readAll(statement, query);
          }
        }
        Duration total = Duration.ofNanos(System.nanoTime() - started);
        return new Split(total, Duration.ofMillis(Math.round(journalWaits(connection) * 1000)),
            sandbox.requestLog().servingTime(), (int) sandbox.requestLog().reportCreations(),
            (int) sandbox.requestLog().reportCalls());
      }
    }
  }

  private static void browse(DatabaseMetaData metaData) throws SQLException {
    metaData.getDatabaseProductVersion();
    drain(metaData.getCatalogs());
    drain(metaData.getSchemas());
    drain(metaData.getTableTypes());
    List<String[]> tables = new ArrayList<>();
    try (ResultSet rows = metaData.getTables(null, null, "%", null)) {
      while (rows.next()) {
        tables.add(new String[] {rows.getString("TABLE_SCHEM"), rows.getString("TABLE_NAME")});
      }
    }
    drain(metaData.getTypeInfo());
    for (String[] table : tables) {
      if (table[1].equals("statistics")) {
        drain(metaData.getColumns(null, table[0], table[1], "%"));
        drain(metaData.getPrimaryKeys(null, table[0], table[1]));
        drain(metaData.getImportedKeys(null, table[0], table[1]));
        drain(metaData.getExportedKeys(null, table[0], table[1]));
        drain(metaData.getIndexInfo(null, table[0], table[1], false, true));
      }
    }
  }

  private static double journalWaits(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT SUM(report_wait_seconds + budget_wait_seconds)"
            + " FROM criteo_driver.reports WHERE NOT from_cache")) {
      rows.next();
      return rows.getDouble(1);
    }
  }

  private static void drain(ResultSet rows) throws SQLException {
    try (rows) {
      int width = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        for (int column = 1; column <= width; column++) {
          rows.getObject(column);
        }
      }
    }
  }

  private static void readAll(Statement statement, String sql) throws SQLException {
    drain(statement.executeQuery(sql));
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9);
  }
}
