package io.github.criteojdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.runtime.Hook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A query a client repeats on a connection is planned once; its later runs still evaluate their dates and
 * parameters anew. Plans are counted by Calcite's parse hook, which fires once for each statement planned.
 */
class RepeatedQueryPlanTest {
  private static final String DAILY = "SELECT day, SUM(clicks) AS clicks FROM statistics"
      + " WHERE day >= CURRENT_DATE - INTERVAL '3' DAY AND day < CURRENT_DATE GROUP BY day ORDER BY day";
  private final AtomicInteger plans = new AtomicInteger();
  private Hook.Closeable counting;
  private Connection connection;

  @BeforeEach
  void open() throws SQLException {
    connection = SandboxConnections.open();
    counting = Hook.PARSE_TREE.addThread((Object[] parsed) -> plans.incrementAndGet());
  }

  @AfterEach
  void close() throws SQLException {
    counting.close();
    connection.close();
  }

  @Test
  void queryRunAgainOnTheConnectionIsNotPlannedAgain() throws SQLException {
    List<String> first = rows(connection, DAILY);
    List<String> again = rows(connection, DAILY);

    assertThat(plans).hasValue(1);
    assertThat(again).isEqualTo(first).hasSize(3);
    assertThat(first.get(0)).startsWith(LocalDate.now(ZoneOffset.UTC).minusDays(3).toString());
  }

  @Test
  void sameQueryOnAnotherConnectionIsPlannedForThatConnection() throws SQLException {
    rows(connection, DAILY);
    try (Connection paris = SandboxConnections.open("timezone=Europe/Paris")) {
      rows(paris, DAILY);
    }

    assertThat(plans).hasValue(2);
  }

  @Test
  void keptPlanReadsTheParametersOfEachRun() throws SQLException {
    String sql = "SELECT SUM(clicks) FROM statistics WHERE day = ?";
    LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    long byDays = 0;
    for (LocalDate day : List.of(yesterday.minusDays(1), yesterday)) {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setObject(1, day);
        byDays += single(statement.executeQuery());
      }
    }
    long bothDays;
    try (Statement statement = connection.createStatement()) {
      bothDays = single(statement.executeQuery("SELECT SUM(clicks) FROM statistics WHERE day BETWEEN DATE '"
          + yesterday.minusDays(1) + "' AND DATE '" + yesterday + "'"));
    }

    assertThat(plans).hasValue(2);
    assertThat(byDays).isEqualTo(bothDays).isPositive();
  }

  @Test
  void explainIsPlannedEachTime() throws SQLException {
    rows(connection, "EXPLAIN PLAN FOR " + DAILY);
    rows(connection, "EXPLAIN PLAN FOR " + DAILY);

    assertThat(plans).hasValue(2);
  }

  @Test
  void rowLimitOfTheStatementIsPartOfThePlan() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setMaxRows(1);
      try (ResultSet rs = statement.executeQuery(DAILY)) {
        assertThat(count(rs)).isEqualTo(1);
      }
    }
    assertThat(rows(connection, DAILY)).hasSize(3);
    assertThat(plans).hasValue(2);
  }

  private static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          cells.add(rs.getString(i));
        }
        rows.add(String.join(" | ", cells));
      }
    }
    return rows;
  }

  private static long single(ResultSet rs) throws SQLException {
    try (rs) {
      assertThat(rs.next()).isTrue();
      return rs.getLong(1);
    }
  }

  private static int count(ResultSet rs) throws SQLException {
    int n = 0;
    while (rs.next()) {
      n++;
    }
    return n;
  }
}
