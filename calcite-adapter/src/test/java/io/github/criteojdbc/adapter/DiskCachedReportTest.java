package io.github.criteojdbc.adapter;

import static io.github.criteojdbc.adapter.TestConnections.SANDBOX;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.adapter.exec.DiskReportStore;
import io.github.criteojdbc.adapter.exec.ReportCache;
import io.github.criteojdbc.sandbox.data.HourlyFact;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A report fetched by one JVM answers the next JVM's queries from the disk tier without a call:
 * the next JVM is a cache with an empty memory over the same folder. Rows equal the first run's
 * and the sandbox's raw facts summed here.
 */
class DiskCachedReportTest {
  private static final String ADVERTISER = "10001";
  private static final LocalDate FIRST = LocalDate.now(ZoneOffset.UTC).minusDays(30);
  private static final LocalDate LAST = FIRST.plusDays(6);
  private static final String DAILY = "SELECT * FROM (SELECT day, campaign_id, SUM(clicks) AS clicks,"
      + " SUM(advertiser_cost) AS cost FROM statistics WHERE advertiser_id = ? AND day BETWEEN ? AND ?"
      + " GROUP BY day, campaign_id) t ORDER BY day, campaign_id";

  @TempDir Path cacheDir;

  @BeforeEach void clearLog() {
    SANDBOX.faults().reset();
    SANDBOX.requestLog().clear();
  }

  private ReportCache jvm() throws IOException {
    return new ReportCache(4_000_000, Clock.systemUTC(),
        DiskReportStore.open(cacheDir, Long.MAX_VALUE, Clock.systemUTC()));
  }

  @Test void theSameQueryInTheNextJvmIsReadFromDiskWithoutAReport() throws SQLException, IOException {
    List<String> first;
    try (TestConnections.Session session = TestConnections.open(jvm(), settings -> { })) {
      first = daily(session, FIRST, LAST);
    }
    assertThat(SANDBOX.requestLog().reportCreations()).isEqualTo(1);

    try (TestConnections.Session session = TestConnections.open(jvm(), settings -> { })) {
      assertThat(daily(session, FIRST, LAST)).isEqualTo(first)
          .containsExactlyElementsOf(expectedDaily(FIRST, LAST));
    }
    assertThat(SANDBOX.requestLog().reportCreations()).isEqualTo(1);
  }

  @Test void aNarrowerQueryInTheNextJvmIsComputedFromTheReportOnDisk() throws SQLException, IOException {
    try (TestConnections.Session session = TestConnections.open(jvm(), settings -> { })) {
      daily(session, FIRST, LAST);
    }
    long created = SANDBOX.requestLog().reportCreations();

    try (TestConnections.Session session = TestConnections.open(jvm(), settings -> { })) {
      LocalDate day = FIRST.plusDays(2);
      assertThat(daily(session, day, day)).containsExactlyElementsOf(expectedDaily(day, day));
    }
    assertThat(SANDBOX.requestLog().reportCreations()).isEqualTo(created);
  }

  @Test void aJvmWithAnotherTimeZoneCreatesItsOwnReport() throws SQLException, IOException {
    try (TestConnections.Session session = TestConnections.open(jvm(), settings -> { })) {
      daily(session, FIRST, LAST);
    }
    long created = SANDBOX.requestLog().reportCreations();

    try (TestConnections.Session session = TestConnections.open(jvm(),
        settings -> settings.timezone(ZoneId.of("Asia/Tokyo")))) {
      daily(session, FIRST, LAST);
    }
    assertThat(SANDBOX.requestLog().reportCreations()).isEqualTo(created + 1);
  }

  private static List<String> daily(TestConnections.Session session, LocalDate first, LocalDate last)
      throws SQLException {
    try (PreparedStatement statement = session.connection.prepareStatement(DAILY)) {
      statement.setString(1, ADVERTISER);
      statement.setObject(2, first);
      statement.setObject(3, last);
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getLong(3) + "|"
              + rs.getBigDecimal(4).stripTrailingZeros().toPlainString());
        }
      }
      return rows;
    }
  }

  private static List<String> expectedDaily(LocalDate first, LocalDate last) {
    Map<String, List<HourlyFact>> groups = SANDBOX.data()
        .hourlyFacts(first.atStartOfDay(ZoneOffset.UTC).toInstant(),
            last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
        .filter(fact -> fact.advertiserId().equals(ADVERTISER))
        .collect(Collectors.groupingBy(fact -> fact.hour().atZone(ZoneOffset.UTC).toLocalDate() + "|"
            + fact.dimension("CampaignId"), TreeMap::new, Collectors.toList()));
    List<String> rows = new ArrayList<>();
    groups.forEach((key, facts) -> rows.add(key + "|" + facts.stream().mapToLong(f -> f.count("Clicks")).sum()
        + "|" + facts.stream().map(f -> f.money("AdvertiserCost")).reduce(BigDecimal.ZERO, BigDecimal::add)
            .stripTrailingZeros().toPlainString()));
    return rows;
  }
}
