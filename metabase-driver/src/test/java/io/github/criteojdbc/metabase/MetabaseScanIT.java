package io.github.criteojdbc.metabase;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.summingLong;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.sandbox.data.HourlyFact;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Metabase's fingerprint query ({@code table_rows_sample.clj}) and field-values scan, through the plugin jar: each
 * reads the default date window in one report. Each runs without cache, so that neither is answered from the
 * other's report and each shows its own cost.
 */
class MetabaseScanIT {
  private static MetabaseConnections connections;
  private long reportsBefore;

  @BeforeAll
  static void start() {
    connections = new MetabaseConnections();
  }

  @AfterAll
  static void stop() {
    connections.close();
  }

  @BeforeEach
  void countReports() {
    reportsBefore = connections.reportsCreated();
  }

  @Test
  void fieldValuesScanIsTheDistinctCampaignIdsOfTheDefaultWindowInOneReport() throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = connections.connectWithoutCache(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT \"statistics\".\"campaign_id\" AS \"campaign_id\""
            + " FROM \"criteo\".\"statistics\" GROUP BY \"statistics\".\"campaign_id\""
            + " ORDER BY \"statistics\".\"campaign_id\" ASC LIMIT 1000")) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    assertThat(values).isEqualTo(defaultWindowFacts().map(fact -> fact.dimension("CampaignId"))
        .distinct().sorted().toList());
    assertThat(connections.reportsCreated()).isEqualTo(reportsBefore + 1);
  }

  @Test
  void fingerprintSampleIsTheDefaultWindowsRowsInOneReport() throws SQLException {
    Map<List<String>, Long> clicks = new HashMap<>();
    try (Connection connection = connections.connectWithoutCache(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT \"criteo\".\"statistics\".\"day\" AS \"day\","
            + " SUBSTRING(\"criteo\".\"statistics\".\"campaign\", 1, 1234) AS \"campaign\","
            + " \"criteo\".\"statistics\".\"clicks\" AS \"clicks\" FROM \"criteo\".\"statistics\" LIMIT 10000")) {
      while (rows.next()) {
        clicks.merge(List.of(rows.getObject("day", LocalDate.class).toString(), rows.getString("campaign")),
            rows.getLong("clicks"), Long::sum);
      }
    }
    assertThat(clicks).isEqualTo(defaultWindowFacts().collect(groupingBy(
        fact -> List.of(LocalDate.ofInstant(fact.hour(), ZoneOffset.UTC).toString(), fact.dimension("Campaign")),
        summingLong(fact -> fact.count("Clicks")))));
    assertThat(connections.reportsCreated()).isEqualTo(reportsBefore + 1);
  }

  /** The connection's advertisers' raw facts of the default window: today and the 6 days before, UTC. */
  private static Stream<HourlyFact> defaultWindowFacts() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return connections.facts(today.minusDays(6), today.plusDays(1));
  }
}
