package io.github.criteojdbc.adapter;

import static io.github.criteojdbc.adapter.TestConnections.SANDBOX;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.sandbox.LoggedRequest;
import io.github.criteojdbc.sandbox.data.MpoMinuteFact;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code mpo_realtime} results equal sums computed here from the sandbox's raw minute facts, never
 * through the adapter, for CSV and JSON downloads alike.
 */
class MpoRealtimeResultTest {
  private static final String ADVERTISER = "10001";
  /** Two whole hours that ended at least an hour ago, so every minute of them is in the data. */
  private static final Instant START = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
  private static final Instant END = START.plus(Duration.ofHours(2));
  private static final DateTimeFormatter SQL_TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @BeforeEach void clearLog() {
    SANDBOX.faults().reset();
    SANDBOX.requestLog().clear();
  }

  /** Clicks, displays and cost of a group of facts. */
  private static final class Totals {
    long clicks;
    long displays;
    BigDecimal cost = BigDecimal.ZERO;

    Totals add(MpoMinuteFact fact) {
      clicks += fact.clicks();
      displays += fact.displays();
      cost = cost.add(fact.cost());
      return this;
    }

    @Override public String toString() {
      return clicks + "/" + displays + "/" + cost.stripTrailingZeros().toPlainString();
    }
  }

  private static Map<String, String> expected(Function<MpoMinuteFact, String> key,
      Predicate<MpoMinuteFact> filter) {
    Map<String, Totals> sums = new TreeMap<>();
    SANDBOX.data().mpoMinuteFacts(START, END)
        .filter(f -> f.advertiserId().equals(ADVERTISER))
        .filter(filter)
        .forEach(f -> sums.computeIfAbsent(key.apply(f), k -> new Totals()).add(f));
    return sums.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        e -> e.getValue().toString(), (a, b) -> a, TreeMap::new));
  }

  private static Map<String, String> actual(TestConnections.Session session, String sql)
      throws SQLException {
    Map<String, String> rows = new TreeMap<>();
    try (Statement statement = session.connection.createStatement();
         ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        String previous = rows.put(rs.getString(1), rs.getLong(2) + "/" + rs.getLong(3) + "/"
            + rs.getBigDecimal(4).stripTrailingZeros().toPlainString());
        assertThat(previous).as("one row per key").isNull();
      }
    }
    return rows;
  }

  private static String utcRange(String column) {
    return column + " >= TIMESTAMP '" + local(START, ZoneOffset.UTC) + "' AND " + column
        + " < TIMESTAMP '" + local(END, ZoneOffset.UTC) + "'";
  }

  private static String local(Instant instant, ZoneId zone) {
    return SQL_TIMESTAMP.format(LocalDateTime.ofInstant(instant, zone));
  }

  private static List<LoggedRequest> creations() {
    return SANDBOX.requestLog().all().stream()
        .filter(r -> r.method().equals("POST") && r.path().endsWith("/realtime-reports/export"))
        .collect(Collectors.toList());
  }

  @ParameterizedTest @ValueSource(strings = {"csv", "json"})
  void campaignTotalsAreTheSumsOfTheMinuteFacts(String format) throws SQLException {
    try (TestConnections.Session session = TestConnections.open(s -> s.mpoFileFormat(format))) {
      Map<String, String> rows = actual(session, "SELECT campaign_id, clicks, displays, cost "
          + "FROM mpo_realtime WHERE advertiser_id = '" + ADVERTISER + "' AND " + utcRange("minute"));
      assertThat(rows).isNotEmpty().isEqualTo(expected(MpoMinuteFact::campaignId, f -> true));
    }
    assertThat(creations()).singleElement().satisfies(request -> assertThat(request.body())
        .contains("\"fileFormat\":\"" + (format.equals("csv") ? "Csv" : "Json") + "\"")
        .contains("\"dimensions\":[\"CampaignId\"]")
        .contains("\"startDate\":\"" + START + "\"")
        .doesNotContain("lookbackWindow"));
  }

  @ParameterizedTest @ValueSource(strings = {"csv", "json"})
  void productRowsOfOneSellerAreTheSumsOfItsFacts(String format) throws SQLException {
    String seller = SANDBOX.data().mpoCampaigns().stream()
        .filter(c -> c.advertiserId().equals(ADVERTISER)).findFirst().orElseThrow()
        .sellers().get(0).id();
    try (TestConnections.Session session = TestConnections.open(s -> s.mpoFileFormat(format))) {
      Map<String, String> rows = actual(session, "SELECT product_id, clicks, displays, cost "
          + "FROM mpo_realtime WHERE advertiser_id = '" + ADVERTISER + "' AND seller_id = '"
          + seller + "' AND " + utcRange("hour"));
      assertThat(rows).isNotEmpty()
          .isEqualTo(expected(MpoMinuteFact::productId, f -> f.sellerId().equals(seller)));
    }
    assertThat(creations()).singleElement().satisfies(request -> assertThat(request.body())
        .contains("\"sellerIds\":[\"" + seller + "\"]"));
  }

  @Test void hoursAreLocalTimesOfTheTimezoneProperty() throws SQLException {
    ZoneId paris = ZoneId.of("Europe/Paris");
    try (TestConnections.Session session = TestConnections.open(s -> s.timezone(paris))) {
      Map<String, String> rows = actual(session, "SELECT hour, clicks, displays, cost "
          + "FROM mpo_realtime WHERE advertiser_id = '" + ADVERTISER + "' AND hour >= TIMESTAMP '"
          + local(START, paris) + "' AND hour < TIMESTAMP '" + local(END, paris) + "'");
      assertThat(rows).hasSize(2).isEqualTo(expected(
          f -> local(f.minute().truncatedTo(ChronoUnit.HOURS), paris), f -> true));
    }
  }

  @Test void campaignFilterBecomesTheCampaignList() throws SQLException {
    String campaign = SANDBOX.data().mpoCampaigns().stream()
        .filter(c -> c.advertiserId().equals(ADVERTISER)).findFirst().orElseThrow().id();
    try (TestConnections.Session session = TestConnections.open()) {
      Map<String, String> rows = actual(session, "SELECT seller_id, clicks, displays, cost "
          + "FROM mpo_realtime WHERE campaign_id = '" + campaign + "' AND advertiser_id = '"
          + ADVERTISER + "' AND " + utcRange("minute"));
      assertThat(rows).isNotEmpty()
          .isEqualTo(expected(MpoMinuteFact::sellerId, f -> f.campaignId().equals(campaign)));
    }
    assertThat(creations()).singleElement().satisfies(request -> assertThat(request.body())
        .contains("\"campaignIds\":[\"" + campaign + "\"]"));
  }

  @Test void queryWithoutDimensionIsOneRowOfTotals() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      Map<String, String> rows = actual(session, "SELECT 'all', SUM(clicks), SUM(displays), "
          + "SUM(cost) FROM mpo_realtime WHERE advertiser_id = '" + ADVERTISER + "' AND "
          + utcRange("minute"));
      assertThat(rows).isEqualTo(expected(f -> "all", f -> true));
    }
  }

  @Test void lastNinetyMinutesAsksForTheLookbackWindowAndKeepsTheExactBound() throws SQLException {
    Instant before = Instant.now();
    Map<String, Long> rows = new TreeMap<>();
    try (TestConnections.Session session = TestConnections.open();
         Statement statement = session.connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT minute, clicks FROM mpo_realtime WHERE "
             + "advertiser_id = '" + ADVERTISER + "' AND minute >= CURRENT_TIMESTAMP - INTERVAL "
             + "'90' MINUTE")) {
      while (rs.next()) {
        String minute = local(rs.getTimestamp(1).toLocalDateTime().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        assertThat(rows.put(minute, rs.getLong(2))).as("a second row for %s", minute).isNull();
      }
    }
    Instant after = Instant.now();
    TreeMap<String, Long> perMinute = SANDBOX.data()
        .mpoMinuteFacts(before.minus(Duration.ofMinutes(91)), after)
        .filter(f -> f.advertiserId().equals(ADVERTISER))
        .collect(Collectors.groupingBy(f -> local(f.minute(), ZoneOffset.UTC), TreeMap::new,
            Collectors.summingLong(MpoMinuteFact::clicks)));
    String oldestAllowed = local(before.minus(Duration.ofMinutes(90)), ZoneOffset.UTC);
    String surelyIncluded = local(after.minus(Duration.ofMinutes(89)), ZoneOffset.UTC);
    assertThat(rows).isNotEmpty();
    assertThat(rows.keySet()).allSatisfy(minute -> assertThat(minute).isGreaterThan(oldestAllowed));
    rows.forEach((minute, clicks) -> assertThat(clicks).as(minute).isEqualTo(perMinute.get(minute)));
    assertThat(rows.keySet()).containsAll(perMinute.subMap(surelyIncluded,
        local(before.truncatedTo(ChronoUnit.MINUTES), ZoneOffset.UTC)).keySet());
    assertThat(creations()).singleElement().satisfies(request -> assertThat(request.body())
        .contains("\"lookbackWindow\":90").doesNotContain("startDate"));
  }

  @Test void noTimeFilterAsksForTheLastHourAndWarns() throws SQLException {
    try (TestConnections.Session session = TestConnections.open()) {
      try (Statement statement = session.connection.createStatement();
           ResultSet rs = statement.executeQuery("SELECT SUM(clicks) FROM mpo_realtime WHERE "
               + "advertiser_id = '" + ADVERTISER + "'")) {
        assertThat(rs.next()).isTrue();
      }
      assertThat(session.warnings).singleElement().asString()
          .contains("no filter on minute or hour, so the export covers the last 60 minutes");
    }
    assertThat(creations()).singleElement().satisfies(request -> assertThat(request.body())
        .contains("\"lookbackWindow\":60"));
  }

  @Test void sameQueryWithinTheRealtimeTtlIsServedFromTheCache() throws SQLException {
    String sql = "SELECT campaign_id, clicks, displays, cost FROM mpo_realtime WHERE "
        + "advertiser_id = '" + ADVERTISER + "' AND " + utcRange("minute");
    try (TestConnections.Session session = TestConnections.open()) {
      assertThat(actual(session, sql)).isEqualTo(actual(session, sql));
    }
    assertThat(creations()).hasSize(1);
  }

  @Test void realtimeTtlOfZeroFetchesTheExportAgain() throws SQLException {
    String sql = "SELECT campaign_id, clicks, displays, cost FROM mpo_realtime WHERE "
        + "advertiser_id = '" + ADVERTISER + "' AND " + utcRange("minute");
    try (TestConnections.Session session =
             TestConnections.open(s -> s.realtimeCacheTtl(Duration.ZERO))) {
      actual(session, sql);
      actual(session, sql);
    }
    assertThat(creations()).hasSize(2);
  }

  @Test void relativeRangeIsEvaluatedWhenTheStatementRuns() throws SQLException {
    Instant before = Instant.now();
    try (TestConnections.Session session = TestConnections.open();
         Statement statement = session.connection.createStatement();
         ResultSet rs = statement.executeQuery("SELECT SUM(clicks) FROM mpo_realtime WHERE "
             + "advertiser_id = '" + ADVERTISER + "' AND minute >= CURRENT_TIMESTAMP - INTERVAL "
             + "'3' HOUR AND minute < CURRENT_TIMESTAMP - INTERVAL '1' HOUR")) {
      assertThat(rs.next()).isTrue();
    }
    Instant after = Instant.now();
    String body = creations().get(0).body();
    Instant start = Instant.parse(body.replaceAll(".*\"startDate\":\"([^\"]+)\".*", "$1"));
    Instant end = Instant.parse(body.replaceAll(".*\"endDate\":\"([^\"]+)\".*", "$1"));
    assertThat(start).isBetween(before.minus(Duration.ofHours(3)),
        after.minus(Duration.ofHours(3)).plus(Duration.ofMinutes(1)));
    assertThat(Duration.between(start, end)).isEqualTo(Duration.ofHours(2));
  }
}
