package io.github.criteojdbc.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * API calls made by representative queries against the sandbox, by kind, versus the fewest the
 * queries could cost: per report one create, the status polls the server needed (the sandbox
 * answers {@code Pending} to {@code pendingPolls} polls, so it needs that many plus one) and one
 * output. Each query is then repeated on the same connection, where it must cost nothing.
 */
final class ApiCallSection {
  /** One representative query: how many reports it needs at least, and how long the server keeps each pending. */
  record Case(String name, String sql, int reportsNeeded, int pendingPolls) {
  }

  private static List<Case> cases(String advertiser, String otherAdvertiser) {
    String days = "day BETWEEN CURRENT_DATE - INTERVAL '%d' DAY AND CURRENT_DATE - INTERVAL '%d' DAY";
    return List.of(
        new Case("daily clicks per campaign, one week", "SELECT day, campaign_id, clicks FROM statistics WHERE "
            + days.formatted(30, 24), 1, 0),
        new Case("same shape, server pending for 3 polls", "SELECT day, campaign_id, clicks FROM statistics WHERE "
            + days.formatted(31, 25), 1, 3),
        new Case("SUM per campaign (the API aggregates)", "SELECT campaign_id, SUM(clicks) FROM statistics WHERE "
            + days.formatted(40, 20) + " GROUP BY campaign_id", 1, 1),
        new Case("residual LIKE filter", "SELECT device, SUM(displays) FROM statistics WHERE device LIKE 'Mob%' AND "
            + days.formatted(50, 44) + " GROUP BY device", 1, 1),
        new Case("LIMIT 10 without ORDER BY", "SELECT campaign_id, hour, clicks FROM statistics WHERE "
            + days.formatted(60, 58) + " LIMIT 10", 1, 1),
        new Case("two advertisers", "SELECT advertiser_id, SUM(advertiser_cost) FROM statistics WHERE advertiser_id IN ('"
            + advertiser + "', '" + otherAdvertiser + "') AND " + days.formatted(70, 64) + " GROUP BY advertiser_id", 1, 1),
        new Case("self-join reads the report once", "SELECT a.campaign_id, a.clicks, b.clicks FROM statistics a JOIN"
            + " statistics b ON a.campaign_id = b.campaign_id WHERE a." + days.formatted(80, 74) + " AND b."
            + days.formatted(80, 74), 1, 1),
        new Case("90 days hourly (three 31-day chunks)", "SELECT hour, campaign_id, clicks FROM statistics WHERE "
            + days.formatted(100, 11), 3, 1),
        new Case("last 7 days (recent data)", "SELECT day, SUM(clicks) FROM statistics WHERE day >= CURRENT_DATE -"
            + " INTERVAL '7' DAY GROUP BY day", 1, 1),
        new Case("WHERE 1=0", "SELECT campaign_id, clicks FROM statistics WHERE 1=0", 0, 1),
        new Case("EXPLAIN PLAN FOR", "EXPLAIN PLAN FOR SELECT campaign_id, clicks FROM statistics WHERE "
            + days.formatted(30, 24), 0, 1));
  }

  String run() throws SQLException {
    StringBuilder table = new StringBuilder("| query | reports | token | create | status | output | minimum |"
        + " made (report calls) | target | repeat (cached) |\n|---|---|---|---|---|---|---|---|---|---|\n");
    int met = 0;
    List<Case> cases;
    try (BenchSandbox sandbox = new BenchSandbox()) {
      cases = cases(sandbox.advertiser(), sandbox.advertisers().get(1));
      for (Case query : cases) {
        sandbox.faults().pendingPolls(query.pendingPolls());
        try (Connection connection = DriverManager.getConnection(sandbox.url(""))) {
          sandbox.requestLog().clear();
          readAll(connection, query.sql());
          Map<ApiCallKind, Integer> first = ApiCallKind.count(sandbox.requestLog().all());
          sandbox.requestLog().clear();
          readAll(connection, query.sql());
          int repeat = sandbox.requestLog().all().size();
          int minimum = query.reportsNeeded() * (1 + query.pendingPolls() + 1 + 1);
          int made = first.get(ApiCallKind.CREATE) + first.get(ApiCallKind.STATUS) + first.get(ApiCallKind.OUTPUT);
          boolean ok = made <= minimum + query.reportsNeeded() && repeat == 0;
          met += ok ? 1 : 0;
          table.append("| ").append(query.name()).append(" (pendingPolls ").append(query.pendingPolls()).append(") | ")
              .append(first.get(ApiCallKind.CREATE)).append(" | ").append(first.get(ApiCallKind.TOKEN)).append(" | ")
              .append(first.get(ApiCallKind.CREATE)).append(" | ").append(first.get(ApiCallKind.STATUS)).append(" | ")
              .append(first.get(ApiCallKind.OUTPUT)).append(" | ").append(minimum).append(" | ").append(made)
              .append(" | ").append(ok ? "met" : "missed").append(" | ").append(repeat).append(" |\n");
        }
      }
    }
    return "## 5. API calls per query\n\n"
        + "Each query on a new connection to one sandbox (the token is cached per application, so only the first"
        + " connection fetches one), then repeated on the same connection. Minimum = per report 1 create + the"
        + " status polls the server needed (pendingPolls + 1) + 1 output; the target allows one extra status poll"
        + " per report, and 0 calls for the cached repeat. The sandbox's answers are immediate, so these counts are"
        + " exact, not timing-dependent.\n\n"
        + table
        + "\n**Target: " + met + " of " + cases.size() + " queries met.**\n\n";
  }

  private static void readAll(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      int width = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        for (int column = 1; column <= width; column++) {
          rows.getObject(column);
        }
      }
    }
  }
}
