package io.github.criteojdbc.adapter;

import static io.github.criteojdbc.adapter.TestConnections.SANDBOX;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.sandbox.data.HourlyFact;

import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The grain of a scan is set by the query block that reads the table: an outer query that reads
 * fewer columns (a BI tool's row count, Spark's {@code SELECT 1 FROM (q)}) sees the same rows.
 * Expectations come from the sandbox's hourly facts.
 */
class NestedQueryGrainTest {
  private static final String ADVERTISER = "10001";
  private static final LocalDate FIRST = LocalDate.now(ZoneOffset.UTC).minusDays(10);
  private static final LocalDate LAST = FIRST.plusDays(6);
  private static final String PER_DAY_AND_CAMPAIGN = "SELECT day, campaign_id, clicks FROM statistics"
      + " WHERE advertiser_id = '" + ADVERTISER + "' AND day BETWEEN DATE '" + FIRST + "' AND DATE '"
      + LAST + "'";

  private static List<HourlyFact> facts() {
    return SANDBOX.data()
        .hourlyFacts(FIRST.atStartOfDay(ZoneOffset.UTC).toInstant(),
            LAST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
        .filter(f -> f.advertiserId().equals(ADVERTISER))
        .collect(Collectors.toList());
  }

  private static Set<String> daysAndCampaigns() {
    return facts().stream()
        .map(f -> f.hour().atZone(ZoneOffset.UTC).toLocalDate() + "/" + f.dimension("CampaignId"))
        .collect(Collectors.toSet());
  }

  private static List<List<Object>> rows(TestConnections.Session session, String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement statement = session.connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Test void countOfADerivedTableIsItsRowCount() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      List<List<Object>> count = rows(session, "SELECT COUNT(*) FROM (" + PER_DAY_AND_CAMPAIGN + ") t");
      assertThat(daysAndCampaigns()).hasSizeGreaterThan(7);
      assertThat(count).containsExactly(List.of((long) daysAndCampaigns().size()));
      assertThat(rows(session, PER_DAY_AND_CAMPAIGN)).hasSize(daysAndCampaigns().size());
    }
  }

  @Test void sparkCountQueryReadsOneRowPerRowOfTheSubquery() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      assertThat(rows(session, "SELECT 1 FROM (" + PER_DAY_AND_CAMPAIGN + ") SPARK_GEN_SUBQ_0"))
          .hasSize(daysAndCampaigns().size());
    }
  }

  @Test void outerAggregateOverAPerDaySubquerySeesOneRowPerDay() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      List<List<Object>> result = rows(session, "SELECT COUNT(*), SUM(clicks) FROM (SELECT day, clicks"
          + " FROM statistics WHERE advertiser_id = '" + ADVERTISER + "' AND day BETWEEN DATE '" + FIRST
          + "' AND DATE '" + LAST + "') per_day");
      assertThat(result).containsExactly(List.of(7L, facts().stream().mapToLong(f -> f.count("Clicks")).sum()));
    }
  }

  @Test void outerQueryOnAGroupedSubqueryKeepsTheInnerGroups() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      List<List<Object>> result = rows(session, "SELECT COUNT(*) FROM (SELECT campaign_id, SUM(clicks) AS c"
          + " FROM statistics WHERE advertiser_id = '" + ADVERTISER + "' AND day BETWEEN DATE '" + FIRST
          + "' AND DATE '" + LAST + "' GROUP BY campaign_id ORDER BY c DESC) AS virtual_table LIMIT 1000");
      long campaigns = facts().stream().map(f -> f.dimension("CampaignId")).distinct().count();
      assertThat(result).containsExactly(List.of(campaigns));
    }
  }

  @Test void explainShowsTheGrainThatAnOuterQueryDoesNotRead() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      String plan = session.explain("SELECT COUNT(*) FROM (" + PER_DAY_AND_CAMPAIGN + ") t");
      assertThat(plan).contains("grain=[[day, campaign_id]]").contains("dimensions=[CampaignId, Day]");
    }
  }
}
