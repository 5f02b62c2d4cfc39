package io.github.criteojdbc.driver.jar;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A plain Java program that knows nothing but {@code java.sql}; {@link StandaloneJarIT} runs it
 * with the shaded jar as its only library. Prints one line per campaign, then a non-Latin literal.
 */
public final class JarOnlyProgram {
  private JarOnlyProgram() {
  }

  public static void main(String[] args) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:criteo:sandbox=true");
        Statement statement = connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery("SELECT campaign_id, SUM(clicks) AS clicks FROM statistics"
          + " WHERE day >= CURRENT_DATE - INTERVAL '7' DAY GROUP BY campaign_id ORDER BY clicks DESC")) {
        while (rows.next()) {
          System.out.println("campaign " + rows.getString(1) + " " + rows.getLong(2));
        }
      }
      try (ResultSet rows = statement.executeQuery("SELECT 'Кампания' AS literal")) {
        rows.next();
        System.out.println("literal " + rows.getString(1));
      }
    }
  }
}
