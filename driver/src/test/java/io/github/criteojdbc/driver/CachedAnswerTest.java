package io.github.criteojdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.sandbox.data.HourlyFact;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A dashboard's tiles after its detailed table, through the driver as a BI tool sends them: the
 * tiles are computed from the table's cached report without any call, with the values of the
 * sandbox's raw facts, and {@code EXPLAIN} says which report answers them.
 */
class CachedAnswerTest {
  private static final String ADVERTISER = "10001";
  private static final LocalDate FIRST = LocalDate.now(ZoneOffset.UTC).minusDays(33);
  private static final LocalDate LAST = FIRST.plusDays(9);
  private static final String RANGE = " WHERE advertiser_id = '" + ADVERTISER + "' AND day BETWEEN ? AND ?";

  @Test
  void tilesOfTheDetailedTablesRangeMakeNoCallAndEqualTheRawFacts() throws SQLException {
    try (Connection connection = SandboxConnections.open()) {
      try (PreparedStatement table = bind(connection.prepareStatement("SELECT day, campaign_id, device,"
          + " clicks, advertiser_cost FROM statistics" + RANGE))) {
        drain(table);
      }
      long created = SandboxConnections.reportsCreated();
      List<HourlyFact> facts = SandboxConnections.server().data()
          .hourlyFacts(FIRST.atStartOfDay(ZoneOffset.UTC).toInstant(),
              LAST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
          .filter(f -> f.advertiserId().equals(ADVERTISER))
          .collect(Collectors.toList());

      Map<LocalDate, Long> weekly = new TreeMap<>();
      try (PreparedStatement tile = bind(connection.prepareStatement("SELECT week, SUM(clicks)"
          + " FROM statistics" + RANGE + " GROUP BY week"));
          ResultSet rows = tile.executeQuery()) {
        while (rows.next()) {
          weekly.put(rows.getObject(1, LocalDate.class), rows.getLong(2));
        }
      }
      BigDecimal cost;
      try (PreparedStatement tile = bind(connection.prepareStatement("SELECT SUM(cost) FROM"
          + " (SELECT campaign_id, advertiser_cost AS cost FROM statistics" + RANGE + ") t"));
          ResultSet rows = tile.executeQuery()) {
        rows.next();
        cost = rows.getBigDecimal(1);
      }

      assertThat(SandboxConnections.reportsCreated()).isEqualTo(created);
      assertThat(weekly).isEqualTo(facts.stream().collect(Collectors.groupingBy(
          f -> f.hour().atZone(ZoneOffset.UTC).toLocalDate()
              .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
          TreeMap::new, Collectors.summingLong(f -> f.count("Clicks")))));
      assertThat(cost).isEqualByComparingTo(facts.stream().map(f -> f.money("AdvertiserCost"))
          .reduce(BigDecimal.ZERO, BigDecimal::add));
    }
  }

  @Test
  void explainOfATileSaysWhichCachedReportAnswersIt() throws SQLException {
    String range = " WHERE advertiser_id = '" + ADVERTISER + "' AND day BETWEEN DATE '" + FIRST
        + "' AND DATE '" + LAST + "'";
    try (Connection connection = SandboxConnections.open();
        Statement statement = connection.createStatement()) {
      drain(statement.executeQuery("SELECT day, campaign_id, clicks FROM statistics" + range));
      try (ResultSet plan = statement.executeQuery("EXPLAIN PLAN FOR SELECT month, SUM(clicks)"
          + " FROM statistics" + range + " GROUP BY month")) {
        plan.next();
        assertThat(plan.getString(1)).contains("dimensions=[Month]")
            .contains("answeredFrom=[cached report{dimensions=[CampaignId, Day], metrics=[Clicks]")
            .contains("rolled up from [CampaignId, Day] to [Month]");
      }
    }
  }

  private static PreparedStatement bind(PreparedStatement statement) throws SQLException {
    statement.setObject(1, FIRST);
    statement.setObject(2, LAST);
    return statement;
  }

  private static void drain(PreparedStatement statement) throws SQLException {
    drain(statement.executeQuery());
  }

  private static void drain(ResultSet rows) throws SQLException {
    try (rows) {
      while (rows.next()) {
        assertThat(rows.getString(2)).isNotBlank();
      }
    }
  }
}
