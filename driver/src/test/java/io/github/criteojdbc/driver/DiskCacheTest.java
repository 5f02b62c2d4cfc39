package io.github.criteojdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.sandbox.data.HourlyFact;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code cache} and {@code cacheDir} properties as a SQL client's connection uses them. */
class DiskCacheTest {
  private static final String ADVERTISER = "10001";
  private static final LocalDate FIRST = LocalDate.now(ZoneOffset.UTC).minusDays(41);
  private static final LocalDate LAST = FIRST.plusDays(3);
  private static final String CAMPAIGNS = "SELECT * FROM (SELECT campaign_id, SUM(clicks) AS clicks,"
      + " SUM(advertiser_cost) AS cost, MIN(day) AS first_day FROM statistics WHERE advertiser_id = ?"
      + " AND day BETWEEN ? AND ? GROUP BY campaign_id) t ORDER BY campaign_id";

  @TempDir Path cacheDir;

  @Test
  void aDiskCachedConnectionKeepsItsReportsUnderCacheDirForItsUserOnly() throws Exception {
    try (Connection connection = SandboxConnections.open("cache=disk;cacheDir=" + cacheDir)) {
      assertThat(campaigns(connection)).containsExactlyElementsOf(expected());
    }

    List<Path> entries = entries();
    assertThat(entries).isNotEmpty();
    for (Path entry : entries) {
      assertThat(Files.getPosixFilePermissions(entry)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Test
  void cacheOffCreatesAReportForEveryRun() throws SQLException {
    try (Connection connection = SandboxConnections.open("cache=off")) {
      long before = SandboxConnections.reportsCreated();
      List<String> first = campaigns(connection);

      assertThat(campaigns(connection)).isEqualTo(first).containsExactlyElementsOf(expected());
      assertThat(SandboxConnections.reportsCreated()).isEqualTo(before + 2);
    }
  }

  @Test
  void anUnusableCacheDirWarnsOnceAndCachesInMemory() throws Exception {
    Path notAFolder = Files.writeString(cacheDir.resolve("taken"), "x");
    try (Connection first = SandboxConnections.open("cache=disk;cacheDir=" + notAFolder);
        Connection second = SandboxConnections.open("cache=disk;cacheDir=" + notAFolder)) {
      assertThat(messages(first.getWarnings())).singleElement().asString()
          .contains("cacheDir " + notAFolder, "in memory only");
      assertThat(messages(second.getWarnings())).isEmpty();

      campaigns(first);
      long created = SandboxConnections.reportsCreated();
      assertThat(campaigns(second)).containsExactlyElementsOf(expected());
      assertThat(SandboxConnections.reportsCreated()).isEqualTo(created);
    }
  }

  private List<Path> entries() throws IOException {
    try (Stream<Path> files = Files.walk(cacheDir)) {
      return files.filter(file -> file.toString().endsWith(".report")).collect(Collectors.toList());
    }
  }

  private static List<String> messages(SQLWarning warning) {
    List<String> messages = new ArrayList<>();
    for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
      messages.add(w.getMessage());
    }
    return messages;
  }

  private static List<String> campaigns(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(CAMPAIGNS)) {
      statement.setString(1, ADVERTISER);
      statement.setObject(2, FIRST);
      statement.setObject(3, LAST);
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getBigDecimal(3).stripTrailingZeros().toPlainString()
              + "|" + rs.getObject(4, LocalDate.class));
        }
      }
      return rows;
    }
  }

  private static List<String> expected() {
    Map<String, List<HourlyFact>> byCampaign = SandboxConnections.server().data()
        .hourlyFacts(FIRST.atStartOfDay(ZoneOffset.UTC).toInstant(), LAST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
        .filter(f -> f.advertiserId().equals(ADVERTISER))
        .collect(Collectors.groupingBy(f -> f.dimension("CampaignId"), TreeMap::new, Collectors.toList()));
    List<String> rows = new ArrayList<>();
    byCampaign.forEach((campaign, facts) -> rows.add(campaign + "|" + facts.stream().mapToLong(f -> f.count("Clicks")).sum()
        + "|" + facts.stream().map(f -> f.money("AdvertiserCost")).reduce(BigDecimal.ZERO, BigDecimal::add)
            .stripTrailingZeros().toPlainString()
        + "|" + facts.stream().map(f -> f.hour().atZone(ZoneOffset.UTC).toLocalDate()).min(LocalDate::compareTo).orElseThrow()));
    return rows;
  }
}
