package io.github.criteojdbc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/** The audit log: one line per statement execution, with who ran it and what it cost. */
class TeamServerAuditTest {
  @TempDir static Path dir;
  private static TeamServerFixture fixture;

  @BeforeAll static void start() throws Exception {
    Properties audit = new Properties();
    audit.setProperty("audit.file", "audit.log");
    fixture = TeamServerFixture.start(dir, audit);
  }

  @AfterAll static void stop() {
    fixture.close();
  }

  @Test void aQueryIsLoggedWithItsUserRowsAndTheReportItCreated() throws Exception {
    String sql = clicksOn(20);
    long rows = run(sql);

    String line = lineOf(sql);
    assertThat(line).matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z user=alice connection=\\S+ outcome=ok .*")
        .contains(" rows=" + rows + " ", " reports_created=1 ", " reports_from_cache=0 ");
    assertThat(callsIn(line)).isPositive();
  }

  @Test void theSameQueryAgainIsLoggedAsAnsweredFromTheCacheAtNoCall() throws Exception {
    String sql = clicksOn(21);
    run(sql);
    run(sql);

    assertThat(lines()).filteredOn(line -> line.endsWith("sql=\"" + sql + "\"")).last().asString()
        .contains(" reports_created=0 ", " reports_from_cache=1 ", " api_calls=0 ");
  }

  @Test void aFailedQueryIsLoggedWithItsSqlState() throws Exception {
    String sql = "SELECT no_such_column FROM statistics";
    assertThatThrownBy(() -> run(sql)).isInstanceOf(SQLException.class);

    assertThat(lineOf(sql)).contains(" outcome=failed(42000) ", " rows=0 ", " api_calls=0 ");
  }

  @Test void aPreparedStatementIsLoggedWithItsSqlText() throws Exception {
    String sql = "SELECT SUM(clicks) FROM statistics WHERE day = ?";
    try (Connection alice = fixture.alice(); PreparedStatement statement = alice.prepareStatement(sql)) {
      statement.setDate(1, java.sql.Date.valueOf(java.time.LocalDate.now().minusDays(22)));
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
      }
    }
    assertThat(lineOf(sql)).contains("user=alice", " outcome=ok ", " rows=1 ", " reports_created=1 ");
  }

  @Test void noLineHoldsTheServersSecret() throws Exception {
    run(clicksOn(23));

    assertThat(Files.readString(dir.resolve("audit.log"))).doesNotContain(fixture.sandbox.clientSecret());
  }

  private static String clicksOn(int daysAgo) {
    return "SELECT day, SUM(clicks) FROM statistics WHERE day = CURRENT_DATE - INTERVAL '" + daysAgo + "' DAY"
        + " GROUP BY day";
  }

  private static long run(String sql) throws SQLException {
    long count = 0;
    try (Connection alice = fixture.alice(); Statement statement = alice.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        count++;
      }
    }
    return count;
  }

  private static String lineOf(String sql) throws IOException {
    List<String> matching = lines().stream().filter(line -> line.endsWith("sql=\"" + sql + "\"")).toList();
    assertThat(matching).hasSize(1);
    return matching.get(0);
  }

  private static List<String> lines() throws IOException {
    return Files.readAllLines(dir.resolve("audit.log"));
  }

  private static int callsIn(String line) {
    return Integer.parseInt(line.replaceAll(".* api_calls=(\\d+) .*", "$1"));
  }
}
