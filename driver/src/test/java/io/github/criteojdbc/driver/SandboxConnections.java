package io.github.criteojdbc.driver;

import io.github.criteojdbc.sandbox.SandboxServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Connections to the embedded sandbox, and what the sandbox was asked. */
final class SandboxConnections {
  /** The budget of 40 calls a minute would make a test suite wait for its own rate limit. */
  static final String URL = "jdbc:criteo:sandbox=true;maxCallsPerMinute=100000";

  private SandboxConnections() {
  }

  static Connection open() throws SQLException {
    return open("");
  }

  static Connection open(String extraProperties) throws SQLException {
    return DriverManager.getConnection(URL + (extraProperties.isEmpty() ? "" : ";" + extraProperties));
  }

  /** The emulator the open sandbox connections share. */
  static SandboxServer server() {
    return EmbeddedSandbox.running().orElseThrow(() -> new IllegalStateException("no sandbox connection is open"));
  }

  static long reportsCreated() {
    return server().requestLog().reportCreations();
  }
}
