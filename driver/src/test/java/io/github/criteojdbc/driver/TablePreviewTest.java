package io.github.criteojdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.criteojdbc.sandbox.data.AudienceBreakdown;
import io.github.criteojdbc.sandbox.data.AudienceFact;
import io.github.criteojdbc.sandbox.data.MpoMinuteFact;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a SQL client's table preview ({@code SELECT * FROM t} capped by {@code setMaxRows} or
 * {@code LIMIT}, no {@code ORDER BY}) costs and returns. Report counts come from the sandbox's
 * request log, rows from its raw facts. The connection's zone is one no other test uses and the
 * cache is off, so every report counted here is created by the query that counts it.
 */
class TablePreviewTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Kathmandu");
  private static final List<String> BREAKDOWNS = List.of("Top30BrandsByDisplays", "Top30BrandsByClicks",
      "Top30BrandsBySales", "Top30InterestsByDisplays", "Top30InterestsByClicks", "Top30InterestsBySales");
  private static final DateTimeFormatter SQL_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  /** Two whole local hours that ended at least an hour ago, so every minute of them is in the data. */
  private static final Instant START = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.HOURS).minusHours(3)
      .atZone(ZONE).toInstant();
  private static final Instant END = START.plus(Duration.ofHours(2));

  private static Connection connection;

  @BeforeAll
  static void connect() throws SQLException {
    connection = SandboxConnections.open("timezone=" + ZONE + ";cacheTtlSeconds=0");
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  /** Rows as text, and the reports their query created. */
  private record Read(List<List<String>> rows, long reports, SQLWarning warnings) {}

  private static Read read(String sql, int maxRows) throws SQLException {
    long before = SandboxConnections.reportsCreated();
    List<List<String>> rows = new ArrayList<>();
    SQLWarning warnings;
    try (Statement statement = connection.createStatement()) {
      statement.setMaxRows(maxRows);
      try (ResultSet result = statement.executeQuery(sql)) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            row.add(result.getString(i));
          }
          rows.add(row);
        }
      }
      warnings = statement.getWarnings();
    }
    return new Read(rows, SandboxConnections.reportsCreated() - before, warnings);
  }

  private static List<String> messages(SQLWarning warning) {
    List<String> messages = new ArrayList<>();
    for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
      messages.add(w.getMessage());
    }
    return messages;
  }

  @Test
  void audiencePreviewWithMaxRowsCreatesOnlyTheSevenReportsItReads() throws SQLException {
    Read preview = read("SELECT * FROM audience_performance", 200);

    assertThat(preview.rows()).hasSize(200);
    assertThat(preview.reports()).as("30 rows a report: 6 full reports and 20 rows of a 7th").isEqualTo(7);
    Map<String, Map<String, Long>> expected = new TreeMap<>();
    assertThat(AudienceRows.of(preview.rows())).allSatisfy(row -> assertThat(row.clicks()).as("clicks of %s", row)
        .isEqualTo(expected.computeIfAbsent(row.advertiser() + "/" + row.breakdown(), pair -> AudienceRows
            .expectedTop30(row.advertiser(), row.breakdown(), row.start(), row.end())).get(row.value())));
  }

  @Test
  void audiencePreviewWithLimitReadsTheFanOutInItsOrder() throws SQLException {
    Read preview = read("SELECT * FROM audience_performance LIMIT 200", 0);

    assertThat(preview.reports()).isEqualTo(7);
    List<String> advertisers = SandboxConnections.server().data().advertiserIds();
    List<String> expected = new ArrayList<>();
    BREAKDOWNS.forEach(breakdown -> expected.add(advertisers.get(0) + "/" + breakdown));
    expected.add(advertisers.get(1) + "/" + BREAKDOWNS.get(0));
    assertThat(AudienceRows.of(preview.rows()).stream().map(r -> r.advertiser() + "/" + r.breakdown()).distinct())
        .as("advertiser by advertiser, breakdowns in the API reference's order").containsExactlyElementsOf(expected);
  }

  @Test
  void audienceWithoutLimitStillReturnsEveryRowOfEveryReport() throws SQLException {
    Read all = read("SELECT * FROM audience_performance", 0);

    List<AudienceRows> rows = AudienceRows.of(all.rows());
    LocalDate start = rows.get(0).start();
    LocalDate end = rows.get(0).end();
    long expected = 0;
    for (String advertiser : SandboxConnections.server().data().advertiserIds()) {
      for (String breakdown : BREAKDOWNS) {
        expected += AudienceRows.expectedTop30(advertiser, breakdown, start, end).size();
      }
    }
    assertThat(all.reports()).isEqualTo(3L * BREAKDOWNS.size());
    assertThat((long) rows.size()).isEqualTo(expected);
  }

  /** One day, not the default week: the widest report there is takes the sandbox seconds to build. */
  @Test
  void statisticsPreviewWithMaxRowsCreatesOneReport() throws SQLException {
    Read preview = read("SELECT * FROM statistics WHERE day = CURRENT_DATE - INTERVAL '1' DAY", 200);

    assertThat(preview.rows()).hasSize(200);
    assertThat(preview.reports()).isEqualTo(1);
  }

  @Test
  void longHourlyRangeWithLimitCreatesOnlyTheFirstChunk() throws SQLException {
    String sql = "SELECT hour, campaign_id, clicks FROM statistics WHERE day >= CURRENT_DATE - INTERVAL '90' DAY";

    assertThat(read(sql + " LIMIT 200", 0).reports()).as("the first of three 31-day reports").isEqualTo(1);
    assertThat(read(sql, 200).reports()).isEqualTo(1);
  }

  @Test
  void mpoPreviewIsOneExportByMinuteWithAWarningNamingTheShape() throws SQLException {
    Read preview = read("SELECT * FROM mpo_realtime", 200);

    assertThat(preview.reports()).isEqualTo(1);
    assertThat(preview.rows()).hasSize(200).allSatisfy(row -> {
      assertThat(row.get(4)).as("product_id").isNull();
      assertThat(LocalDateTime.parse(row.get(5).replace(' ', 'T')))
          .as("hour is the minute's hour").isEqualTo(LocalDateTime.parse(row.get(6).replace(' ', 'T'))
              .truncatedTo(ChronoUnit.HOURS));
    });
    assertThat(messages(preview.warnings())).contains("mpo_realtime: SELECT * is answered as a preview by minute"
        + " (hour is the minute's hour), and product_id reads as NULL: the API gives only one of product_id, hour"
        + " and minute per export. For another shape, list the columns with one of them, e.g. SELECT advertiser_id,"
        + " campaign_id, seller_id, product_id, clicks, displays, cost FROM mpo_realtime (or with hour)");
    assertThat(read("SELECT * FROM mpo_realtime LIMIT 200", 0).reports()).isEqualTo(1);
  }

  @Test
  void mpoPreviewRowsByMinuteAreTheSumsOfTheRawMinuteFacts() throws SQLException {
    Read preview = read("SELECT * FROM mpo_realtime WHERE " + range("minute"), 0);

    assertThat(byKey(preview.rows(), 6)).isEqualTo(expectedMpo(f -> local(f.minute())));
  }

  @Test
  void mpoPreviewThatFiltersOnHourIsByHourWithMinuteNull() throws SQLException {
    Read preview = read("SELECT * FROM mpo_realtime WHERE " + range("hour"), 0);

    assertThat(preview.rows()).allSatisfy(row -> assertThat(row.get(6)).as("minute").isNull());
    assertThat(byKey(preview.rows(), 5)).isEqualTo(expectedMpo(f -> local(f.minute()).substring(0, 13) + ":00:00"));
    assertThat(messages(preview.warnings())).anyMatch(m -> m.contains("preview by hour, and product_id and"
        + " minute read as NULL"));
  }

  @Test
  void mpoQueryNamingTwoOfProductHourMinuteStillFails() {
    for (String sql : List.of("SELECT product_id, minute, clicks FROM mpo_realtime",
        "SELECT * FROM mpo_realtime WHERE product_id = '1' AND " + range("minute"))) {
      long before = SandboxConnections.server().requestLog().reportCalls();
      assertThatThrownBy(() -> read(sql, 200)).as(sql).isInstanceOf(SQLSyntaxErrorException.class)
          .hasMessageContaining("the API gives only one of product_id, hour and minute per export")
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(SqlErrors.SYNTAX_OR_ACCESS_RULE));
      assertThat(SandboxConnections.server().requestLog().reportCalls()).isEqualTo(before);
    }
  }

  @Test
  void catalogBatchPreviewNeedsAnOperationTokenAndCallsNothing() {
    long before = SandboxConnections.server().requestLog().all().size();
    assertThatThrownBy(() -> read("SELECT * FROM catalog_batch_report", 200))
        .isInstanceOf(SQLSyntaxErrorException.class).hasMessageContaining("operation_token");
    assertThat(SandboxConnections.server().requestLog().all()).hasSize((int) before);
  }

  private static String range(String column) {
    return column + " >= TIMESTAMP '" + SQL_TIMESTAMP.format(LocalDateTime.ofInstant(START, ZONE)) + "' AND "
        + column + " < TIMESTAMP '" + SQL_TIMESTAMP.format(LocalDateTime.ofInstant(END, ZONE)) + "'";
  }

  private static String local(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZONE).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
  }

  /** advertiser|partner|campaign|seller|time to clicks/displays/cost; the time column at {@code timeIndex}. */
  private static Map<String, String> byKey(List<List<String>> rows, int timeIndex) {
    Map<String, String> byKey = new TreeMap<>();
    for (List<String> row : rows) {
      assertThat(row.get(4)).as("product_id").isNull();
      String key = String.join("|", row.get(0), row.get(1), row.get(2), row.get(3), row.get(timeIndex));
      String totals = row.get(7) + "/" + row.get(8) + "/" + new BigDecimal(row.get(9)).stripTrailingZeros().toPlainString();
      assertThat(byKey.put(key, totals)).as("one row per %s", key).isNull();
    }
    return byKey;
  }

  private static Map<String, String> expectedMpo(Function<MpoMinuteFact, String> time) {
    Set<String> advertisers = new LinkedHashSet<>(SandboxConnections.server().data().advertiserIds());
    Map<String, long[]> counts = new TreeMap<>();
    Map<String, BigDecimal> costs = new TreeMap<>();
    SandboxConnections.server().data().mpoMinuteFacts(START, END).filter(f -> advertisers.contains(f.advertiserId()))
        .forEach(f -> {
          String key = String.join("|", f.advertiserId(), f.partnerId(), f.campaignId(), f.sellerId(), time.apply(f));
          long[] c = counts.computeIfAbsent(key, k -> new long[2]);
          c[0] += f.clicks();
          c[1] += f.displays();
          costs.merge(key, f.cost(), BigDecimal::add);
        });
    Map<String, String> expected = new TreeMap<>();
    counts.forEach((key, c) -> expected.put(key, c[0] + "/" + c[1] + "/"
        + costs.get(key).stripTrailingZeros().toPlainString()));
    return expected;
  }

  /** A row of {@code SELECT * FROM audience_performance}, by the catalog's column order. */
  private record AudienceRows(String advertiser, String breakdown, String value, long clicks, LocalDate start,
      LocalDate end) {
    static List<AudienceRows> of(List<List<String>> rows) {
      return rows.stream().map(r -> new AudienceRows(r.get(0), r.get(1), r.get(2), Long.parseLong(r.get(3)),
          LocalDate.parse(r.get(r.size() - 2)), LocalDate.parse(r.get(r.size() - 1)))).toList();
    }

    /** The breakdown's top 30 values (ranked by its metric, ties by name) and their clicks, from raw facts. */
    static Map<String, Long> expectedTop30(String advertiser, String breakdown, LocalDate start, LocalDate end) {
      AudienceBreakdown kind = breakdown.startsWith("Top30Brands") ? AudienceBreakdown.BRAND : AudienceBreakdown.INTEREST;
      ToLongFunction<long[]> rank = breakdown.endsWith("Displays") ? t -> t[0] : breakdown.endsWith("Clicks")
          ? t -> t[1] : t -> t[2];
      Map<String, long[]> totals = new TreeMap<>();
      SandboxConnections.server().data().audienceFacts(start, end)
          .filter(f -> f.advertiserId().equals(advertiser) && f.breakdown() == kind)
          .forEach(f -> add(totals.computeIfAbsent(f.value(), v -> new long[3]), f));
      Map<String, Long> top = new TreeMap<>();
      totals.entrySet().stream()
          .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -rank.applyAsLong(e.getValue()))
              .thenComparing(Map.Entry::getKey))
          .limit(30)
          .forEach(e -> top.put(e.getKey(), e.getValue()[1]));
      return top;
    }

    private static void add(long[] totals, AudienceFact fact) {
      totals[0] += fact.displays();
      totals[1] += fact.clicks();
      totals[2] += fact.sales();
    }
  }
}
