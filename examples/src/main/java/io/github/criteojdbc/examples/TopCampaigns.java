package io.github.criteojdbc.examples;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/**
 * Plain JDBC: the campaigns with the most clicks over the last N days. Runs on the sandbox unless
 * given a URL: {@code mvn -q -pl examples exec:java -Dexec.args="jdbc:criteo:advertiserIds=123 7"}
 * with the credentials in the environment as CRITEO_CLIENT_ID and CRITEO_CLIENT_SECRET.
 */
public final class TopCampaigns {
  /** {@code %d}: the number of days, formatted from an int, so nothing can be injected. */
  static final String SQL = "SELECT campaign_id, campaign, SUM(clicks) AS clicks, SUM(advertiser_cost) AS cost"
      + " FROM statistics WHERE day >= CURRENT_DATE - INTERVAL '%d' DAY"
      + " GROUP BY campaign_id, campaign ORDER BY clicks DESC";

  private TopCampaigns() {
  }

  public static void main(String[] args) throws SQLException {
    String url = args.length > 0 ? args[0] : "jdbc:criteo:sandbox=true";
    int days = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    try (Connection connection = DriverManager.getConnection(url, System.getenv("CRITEO_CLIENT_ID"),
        System.getenv("CRITEO_CLIENT_SECRET"))) {
      print(connection, days, System.out);
    }
  }

  /** Prints one line per campaign, then the warnings the driver raised (default windows, API notices). */
  static void print(Connection connection, int days, PrintStream out) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery(String.format(SQL, days))) {
        out.printf("%-12s %-40s %10s %14s%n", "campaign_id", "campaign", "clicks", "cost");
        while (rows.next()) {
          out.printf("%-12s %-40s %10d %14s%n", rows.getString("campaign_id"), rows.getString("campaign"),
              rows.getLong("clicks"), rows.getBigDecimal("cost"));
        }
      }
      for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning.getNextWarning()) {
        out.println("warning: " + warning.getMessage());
      }
    }
  }
}
