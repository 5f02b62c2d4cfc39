package io.github.criteojdbc.corpus;

import io.github.criteojdbc.sandbox.SandboxData;
import io.github.criteojdbc.sandbox.SandboxServer;
import io.github.criteojdbc.sandbox.data.AudienceFact;
import io.github.criteojdbc.sandbox.data.HourlyFact;
import io.github.criteojdbc.sandbox.data.MpoMinuteFact;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;

/**
 * An H2 database holding the sandbox's raw facts, read from its Java API, so the corpus's hand-written reference
 * SQL answers the same questions as the driver by an independent route. Tables:
 * <ul>
 *   <li>{@code facts}: one row per {@link HourlyFact} (UTC hour, ad set, device, country), with the hour and day in
 *   UTC ({@code hour_utc}, {@code day_utc}) and in {@link CorpusConnection#REPORT_ZONE} ({@code hour_tokyo},
 *   {@code day_tokyo}), the entity dimensions, {@code device}, {@code country}, {@code os}, and the base
 *   measures {@code clicks}, {@code displays}, {@code advertiser_cost} (EUR, 2 decimals);</li>
 *   <li>{@code audience}: one row per {@link AudienceFact} ({@code day_utc}, ad set, segment, brand or interest);
 *   {@code breakdown} is {@code BRAND} or {@code INTEREST};</li>
 *   <li>{@code mpo}: one row per {@link MpoMinuteFact}, {@code minute_utc} its UTC minute.</li>
 * </ul>
 * Hourly facts cover {@value #FACT_DAYS} UTC days before the anchor's day up to the anchor hour, audience facts
 * those days up to yesterday, MPO facts the {@value #MPO_HOURS} hours before the anchor.
 */
final class ReferenceDatabase implements AutoCloseable {
  static final int FACT_DAYS = 32;
  static final int MPO_HOURS = 6;
  private static final int BATCH = 5_000;
  private static final ZoneId REPORT_ZONE = ZoneId.of(CorpusConnection.REPORT_ZONE);

  private final Connection connection;

  private ReferenceDatabase(Connection connection) {
    this.connection = connection;
  }

  static ReferenceDatabase load(CorpusDates dates) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:h2:mem:reference-" + System.nanoTime());
    try (SandboxServer sandbox = SandboxServer.start()) {
      SandboxData data = sandbox.data();
      Instant anchor = dates.anchor();
      Instant firstHour = anchor.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(FACT_DAYS));
      createTables(connection);
      loadFacts(connection, data.hourlyFacts(firstHour, anchor).iterator());
      loadAudience(connection, data.audienceFacts(LocalDateTime.ofInstant(firstHour, ZoneOffset.UTC).toLocalDate(),
          data.lastAudienceDay()).iterator());
      loadMpo(connection, data.mpoMinuteFacts(anchor.minus(Duration.ofHours(MPO_HOURS)), anchor).iterator());
    }
    return new ReferenceDatabase(connection);
  }

  Connection connection() {
    return connection;
  }

  private static void createTables(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE facts (hour_utc TIMESTAMP, day_utc DATE, hour_tokyo TIMESTAMP, day_tokyo DATE, "
          + "advertiser_id VARCHAR, advertiser VARCHAR, campaign_id VARCHAR, campaign VARCHAR, ad_set_id VARCHAR, "
          + "ad_set VARCHAR, device VARCHAR, country VARCHAR, os VARCHAR, "
          + "clicks BIGINT, displays BIGINT, advertiser_cost DECIMAL(20, 2))");
      statement.execute("CREATE TABLE audience (day_utc DATE, advertiser_id VARCHAR, ad_set_id VARCHAR, "
          + "audience_id VARCHAR, segment_id VARCHAR, breakdown VARCHAR, breakdown_value VARCHAR, displays BIGINT, "
          + "clicks BIGINT, visits BIGINT, sales BIGINT, revenue DECIMAL(20, 2), cost DECIMAL(20, 2), "
          + "exposed_users BIGINT)");
      statement.execute("CREATE TABLE mpo (minute_utc TIMESTAMP, advertiser_id VARCHAR, partner_id VARCHAR, "
          + "campaign_id VARCHAR, seller_id VARCHAR, product_id VARCHAR, clicks BIGINT, displays BIGINT, "
          + "cost DECIMAL(24, 9))");
    }
  }

  private static void loadFacts(Connection connection, Iterator<HourlyFact> facts) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int pending = 0;
      while (facts.hasNext()) {
        HourlyFact fact = facts.next();
        LocalDateTime utc = LocalDateTime.ofInstant(fact.hour(), ZoneOffset.UTC);
        LocalDateTime tokyo = LocalDateTime.ofInstant(fact.hour(), REPORT_ZONE);
        insert.setObject(1, utc);
        insert.setObject(2, utc.toLocalDate());
        insert.setObject(3, tokyo);
        insert.setObject(4, tokyo.toLocalDate());
        int column = 5;
        for (String dimension : new String[] {"AdvertiserId", "Advertiser", "CampaignId", "Campaign", "AdSetId",
            "AdSet", "Device", "Country", "Os"}) {
          insert.setString(column++, fact.dimension(dimension));
        }
        insert.setLong(14, fact.count("Clicks"));
        insert.setLong(15, fact.count("Displays"));
        insert.setBigDecimal(16, fact.money("AdvertiserCost"));
        pending = addToBatch(insert, pending);
      }
      insert.executeBatch();
    }
  }

  private static void loadAudience(Connection connection, Iterator<AudienceFact> facts) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO audience VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int pending = 0;
      while (facts.hasNext()) {
        AudienceFact fact = facts.next();
        insert.setObject(1, fact.day());
        insert.setString(2, fact.advertiserId());
        insert.setString(3, fact.adSetId());
        insert.setString(4, fact.audienceId());
        insert.setString(5, fact.segmentId());
        insert.setString(6, fact.breakdown().name());
        insert.setString(7, fact.value());
        insert.setLong(8, fact.displays());
        insert.setLong(9, fact.clicks());
        insert.setLong(10, fact.visits());
        insert.setLong(11, fact.sales());
        insert.setBigDecimal(12, fact.revenue());
        insert.setBigDecimal(13, fact.cost());
        insert.setLong(14, fact.exposedUsers());
        pending = addToBatch(insert, pending);
      }
      insert.executeBatch();
    }
  }

  private static void loadMpo(Connection connection, Iterator<MpoMinuteFact> facts) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO mpo VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int pending = 0;
      while (facts.hasNext()) {
        MpoMinuteFact fact = facts.next();
        insert.setObject(1, LocalDateTime.ofInstant(fact.minute(), ZoneOffset.UTC));
        insert.setString(2, fact.advertiserId());
        insert.setString(3, fact.partnerId());
        insert.setString(4, fact.campaignId());
        insert.setString(5, fact.sellerId());
        insert.setString(6, fact.productId());
        insert.setLong(7, fact.clicks());
        insert.setLong(8, fact.displays());
        insert.setBigDecimal(9, fact.cost());
        pending = addToBatch(insert, pending);
      }
      insert.executeBatch();
    }
  }

  private static int addToBatch(PreparedStatement insert, int pending) throws SQLException {
    insert.addBatch();
    if (pending + 1 < BATCH) {
      return pending + 1;
    }
    insert.executeBatch();
    return 0;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
