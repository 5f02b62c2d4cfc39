package io.github.criteojdbc.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The stock Avatica remote driver, over TLS with BASIC login, against a team server on loopback. */
class StockAvaticaClientTest {
  private static final String TOP_CAMPAIGNS = "SELECT campaign_id, campaign, SUM(clicks) AS clicks,"
      + " SUM(advertiser_cost) AS cost FROM statistics WHERE day >= CURRENT_DATE - INTERVAL '7' DAY"
      + " GROUP BY campaign_id, campaign ORDER BY clicks DESC, campaign_id";
  private static final String CLICKS_BY_DAY = "SELECT day, SUM(clicks) AS clicks FROM statistics"
      + " WHERE day BETWEEN ? AND ? GROUP BY day ORDER BY day";

  @TempDir static Path dir;
  private static TeamServerFixture fixture;

  @BeforeAll static void start() throws Exception {
    fixture = TeamServerFixture.start(dir);
  }

  @AfterAll static void stop() {
    fixture.close();
  }

  @Test void aQueryGetsTheRowsOfTheEmbeddedDriver() throws SQLException {
    List<List<String>> remote;
    try (Connection connection = fixture.alice(); Statement statement = connection.createStatement()) {
      remote = rows(statement.executeQuery(TOP_CAMPAIGNS));
    }
    try (Connection connection = fixture.embedded(); Statement statement = connection.createStatement()) {
      assertThat(remote).isNotEmpty().isEqualTo(rows(statement.executeQuery(TOP_CAMPAIGNS)));
    }
  }

  @Test void datesBoundToAPreparedStatementAreTheReportDays() throws SQLException {
    LocalDate last = LocalDate.now().minusDays(2);
    List<List<String>> remote;
    try (Connection connection = fixture.alice(); PreparedStatement statement = connection.prepareStatement(
        CLICKS_BY_DAY)) {
      statement.setObject(1, java.sql.Date.valueOf(last.minusDays(3)));
      statement.setObject(2, java.sql.Date.valueOf(last));
      remote = rows(statement.executeQuery());
    }
    try (Connection connection = fixture.embedded(); PreparedStatement statement = connection.prepareStatement(
        CLICKS_BY_DAY)) {
      statement.setObject(1, last.minusDays(3));
      statement.setObject(2, last);
      assertThat(remote).hasSize(4).isEqualTo(rows(statement.executeQuery()));
    }
  }

  @Test void manyRowsArriveInSeveralFrames() throws SQLException {
    String sql = "SELECT day, campaign_id, clicks FROM statistics WHERE day >= CURRENT_DATE - INTERVAL '30' DAY"
        + " ORDER BY day, campaign_id";
    List<List<String>> remote;
    try (Connection connection = fixture.alice(); Statement statement = connection.createStatement()) {
      statement.setFetchSize(7);
      remote = rows(statement.executeQuery(sql));
    }
    try (Connection connection = fixture.embedded(); Statement statement = connection.createStatement()) {
      assertThat(remote).hasSizeGreaterThan(7 * 3).isEqualTo(rows(statement.executeQuery(sql)));
    }
  }

  @Test void metadataListsTheReportTables() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection connection = fixture.alice();
        ResultSet rows = connection.getMetaData().getTables(null, "criteo", "%", null)) {
      while (rows.next()) {
        tables.add(rows.getString("TABLE_NAME"));
      }
    }
    assertThat(tables).contains("statistics", "audience_performance");
  }

  @Test void theSameReportAskedByTwoUsersIsCreatedOnce() throws SQLException {
    String sql = "SELECT SUM(clicks) FROM statistics WHERE day = CURRENT_DATE - INTERVAL '40' DAY";
    fixture.sandbox.requestLog().clear();
    try (Connection alice = fixture.alice(); Connection bob = fixture.bob();
        Statement aliceStatement = alice.createStatement(); Statement bobStatement = bob.createStatement()) {
      List<List<String>> aliceRows = rows(aliceStatement.executeQuery(sql));
      List<List<String>> bobRows = rows(bobStatement.executeQuery(sql));
      assertThat(bobRows).isEqualTo(aliceRows);
    }
    assertThat(fixture.sandbox.requestLog().reportCreations()).isEqualTo(1);
  }

  static List<List<String>> rows(ResultSet resultSet) throws SQLException {
    try (resultSet) {
      List<List<String>> rows = new ArrayList<>();
      int columns = resultSet.getMetaData().getColumnCount();
      while (resultSet.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(resultSet.getString(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }
}
