package io.github.criteojdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Queries against the sandbox through the driver, in the dialect SQL clients write. */
class QueryTest {
  private static final String TOP_CAMPAIGNS = "SELECT campaign_id, campaign, SUM(clicks) AS clicks,"
      + " SUM(advertiser_cost) AS cost FROM statistics WHERE day >= CURRENT_DATE - INTERVAL '7' DAY"
      + " GROUP BY campaign_id, campaign ORDER BY clicks DESC";

  private static Connection connection;

  @BeforeAll
  static void connect() throws SQLException {
    connection = SandboxConnections.open();
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  @Test
  void topCampaignsOfTheLastWeek() throws SQLException {
    List<Long> clicks = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(TOP_CAMPAIGNS)) {
      while (rows.next()) {
        assertThat(rows.getString("campaign_id")).isNotBlank();
        assertThat(rows.getString("campaign")).isNotBlank();
        assertThat(rows.getBigDecimal("cost")).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        clicks.add(rows.getLong("clicks"));
      }
    }
    assertThat(clicks).isNotEmpty().isSortedAccordingTo((a, b) -> Long.compare(b, a));
  }

  @Test
  void identifiersMatchIgnoringCaseQuotedOrNot() throws SQLException {
    String sql = "SELECT \"Clicks\", DAY FROM \"STATISTICS\" WHERE \"day\" = CURRENT_DATE - INTERVAL '1' DAY"
        + " AND advertiser_ID = '10001' LIMIT 3";
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      assertThat(rows.getMetaData().getColumnLabel(1)).isEqualTo("Clicks");
      assertThat(rows.next()).isTrue();
    }
  }

  @Test
  void limitOffsetAndFetchFirstPage() throws SQLException {
    String base = "SELECT day, SUM(clicks) AS clicks FROM statistics WHERE day >= CURRENT_DATE - INTERVAL '6' DAY"
        + " AND day < CURRENT_DATE GROUP BY day ORDER BY day";
    List<String> all = days(base);
    assertThat(all).hasSize(6);
    assertThat(days(base + " LIMIT 2 OFFSET 1")).containsExactlyElementsOf(all.subList(1, 3));
    assertThat(days(base + " OFFSET 1 ROWS FETCH FIRST 2 ROWS ONLY")).containsExactlyElementsOf(all.subList(1, 3));
  }

  @Test
  void maxRowsCapsTheResult() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.setMaxRows(5);
      statement.setFetchSize(2);
      try (ResultSet rows = statement.executeQuery("SELECT day, campaign_id, clicks FROM statistics"
          + " WHERE day = CURRENT_DATE - INTERVAL '2' DAY")) {
        int count = 0;
        while (rows.next()) {
          count++;
        }
        assertThat(count).isEqualTo(5);
      }
    }
  }

  @Test
  void preparedStatementParametersFilterTheReport() throws SQLException {
    LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    String sql = "SELECT day, SUM(clicks) AS clicks FROM statistics WHERE day = ? AND advertiser_id = ? GROUP BY day";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setDate(1, Date.valueOf(yesterday));
      statement.setString(2, "10002");
      try (ResultSet rows = statement.executeQuery()) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getDate("day").toLocalDate()).isEqualTo(yesterday);
        assertThat(rows.next()).isFalse();
      }
    }
  }

  @Test
  void nonLatinLiteralsAreUtf8() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT 'Кампания 東京' AS greeting")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("Кампания 東京");
    }
  }

  @Test
  void adapterWarningsAreTheStatementsWarnings() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery("SELECT SUM(clicks) FROM statistics")) {
        while (rows.next()) {
          assertThat(rows.getLong(1)).isPositive();
        }
        assertThat(messages(rows.getWarnings())).anyMatch(m -> m.contains("no date filter"));
      }
      assertThat(messages(statement.getWarnings())).anyMatch(m -> m.contains("no date filter"));
      statement.clearWarnings();
      assertThat(messages(statement.getWarnings())).isEmpty();
    }
  }

  @Test
  void aQueryWithADateFilterHasNoLookbackWarning() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT SUM(clicks) FROM statistics"
            + " WHERE day >= CURRENT_DATE - INTERVAL '3' DAY")) {
      rows.next();
      assertThat(messages(statement.getWarnings())).noneMatch(m -> m.contains("no date filter"));
    }
  }

  @Test
  void audiencePerformanceWithoutDatesWarnsAboutTheDefaultWindow() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT breakdown_value, clicks FROM audience_performance"
            + " WHERE advertiser_id = '10001' AND breakdown = 'Top30BrandsByClicks'")) {
      int count = 0;
      while (rows.next()) {
        assertThat(rows.getString("breakdown_value")).isNotBlank();
        count++;
      }
      assertThat(count).isEqualTo(30);
      assertThat(messages(statement.getWarnings()))
          .anyMatch(m -> m.contains("no start_date/end_date filter, so the report covers the last 7 days"));
    }
  }

  @Test
  void mpoRealtimeWithoutTimeFilterWarnsAboutTheDefaultLookbackWindow() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT campaign_id, SUM(clicks) AS clicks FROM mpo_realtime"
            + " WHERE advertiser_id = '10001' GROUP BY campaign_id")) {
      List<String> campaigns = new ArrayList<>();
      while (rows.next()) {
        campaigns.add(rows.getString("campaign_id"));
        assertThat(rows.getLong("clicks")).isNotNegative();
      }
      assertThat(campaigns).isNotEmpty().doesNotHaveDuplicates();
      assertThat(messages(statement.getWarnings()))
          .anyMatch(m -> m.contains("no filter on minute or hour, so the export covers the last 60 minutes"));
    }
  }

  @Test
  void mpoRealtimeGivesTheSameRowsFromCsvAndJsonDownloads() throws SQLException {
    Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
    String sql = "SELECT minute, seller_id, clicks, displays, cost FROM mpo_realtime WHERE advertiser_id = '10002'"
        + " AND minute >= TIMESTAMP '" + utcLiteral(start) + "' AND minute < TIMESTAMP '"
        + utcLiteral(start.plus(Duration.ofHours(1))) + "' ORDER BY minute, seller_id";
    List<String> expected = expectedMpoRowsPerMinuteAndSeller("10002", start, start.plus(Duration.ofHours(1)));

    assertThat(mpoRows("fileFormat=csv;timezone=UTC", sql)).isNotEmpty().isEqualTo(expected);
    assertThat(mpoRows("fileFormat=json;timezone=UTC", sql)).isEqualTo(expected);
  }

  /** The sandbox's raw minute facts summed per UTC minute and seller, ordered as the query orders them. */
  private static List<String> expectedMpoRowsPerMinuteAndSeller(String advertiser, Instant from, Instant to) {
    Map<String, long[]> sums = new TreeMap<>();
    SandboxConnections.server().data().mpoMinuteFacts(from, to)
        .filter(fact -> fact.advertiserId().equals(advertiser))
        .forEach(fact -> {
          long[] sum = sums.computeIfAbsent(mpoRow(LocalDateTime.ofInstant(fact.minute(), ZoneOffset.UTC),
              fact.sellerId()), key -> new long[3]);
          sum[0] += fact.clicks();
          sum[1] += fact.displays();
          sum[2] += fact.costNanos();
        });
    return sums.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()[0] + " " + e.getValue()[1] + " "
        + BigDecimal.valueOf(e.getValue()[2], 9).stripTrailingZeros().toPlainString()).toList();
  }

  private static String mpoRow(LocalDateTime minute, String seller) {
    return minute + " " + seller;
  }

  private static String utcLiteral(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
  }

  private static List<String> mpoRows(String properties, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection mpo = SandboxConnections.open(properties);
        Statement statement = mpo.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(mpoRow(rs.getTimestamp(1).toLocalDateTime(), rs.getString(2)) + " " + rs.getLong(3) + " "
            + rs.getLong(4) + " " + rs.getBigDecimal(5).stripTrailingZeros().toPlainString());
      }
    }
    return rows;
  }

  @Test
  void mpoRealtimeRuleBreakIsASyntaxErrorNamingTheColumns() {
    assertThatThrownBy(() -> {
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT product_id, minute, clicks FROM mpo_realtime"
              + " WHERE advertiser_id = '10001'")) {
        rows.next();
      }
    }).isInstanceOf(SQLSyntaxErrorException.class)
        .hasMessageStartingWith("mpo_realtime: the query uses product_id and minute");
  }

  @Test
  void resultSetsPointBackToTheirStatement() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT 1");
      ResultSet rows = statement.getResultSet();
      assertThat(rows.getStatement()).isSameAs(statement);
      assertThat(statement.getResultSet()).isSameAs(rows);
      assertThat(statement.getConnection()).isSameAs(connection);
    }
  }

  private static List<String> days(String sql) throws SQLException {
    List<String> days = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        days.add(rows.getString("day"));
      }
    }
    return days;
  }

  static List<String> messages(SQLWarning warning) {
    List<String> messages = new ArrayList<>();
    for (SQLWarning w = warning; w != null; w = w.getNextWarning()) {
      messages.add(w.getMessage());
    }
    return messages;
  }
}
