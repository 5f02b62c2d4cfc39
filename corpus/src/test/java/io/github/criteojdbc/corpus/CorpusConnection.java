package io.github.criteojdbc.corpus;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The corpus's connections to the embedded sandbox, one per driver setting, opened once per JVM and kept open
 * so every test shares one sandbox and its report cache (a repeated report is then free).
 */
final class CorpusConnection {
  /** The suite would otherwise wait for its own 40-calls-a-minute budget. */
  static final String URL = "jdbc:criteo:sandbox=true;maxCallsPerMinute=100000";
  /** The driver setting whose report zone differs from UTC and from every JVM zone the corpus runs in. */
  static final String REPORT_ZONE = "Asia/Tokyo";

  private static Connection utc;
  private static Connection reportZone;

  private CorpusConnection() {
  }

  static synchronized Connection utc() throws SQLException {
    if (utc == null) {
      utc = DriverManager.getConnection(URL);
    }
    return utc;
  }

  static synchronized Connection reportZone() throws SQLException {
    if (reportZone == null) {
      reportZone = DriverManager.getConnection(URL + ";timezone=" + REPORT_ZONE);
    }
    return reportZone;
  }
}
