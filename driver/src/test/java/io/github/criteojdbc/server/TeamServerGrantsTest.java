package io.github.criteojdbc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.criteojdbc.sandbox.LoggedRequest;
import io.github.criteojdbc.sandbox.data.Advertiser;
import io.github.criteojdbc.sandbox.data.Portfolio;

import org.apache.calcite.avatica.AvaticaClientRuntimeException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Per-user advertiser grants: alice may query advertisers A and B, bob B only, and carol, whom the
 * grants file does not list, nothing. A refusal comes before any API call.
 */
class TeamServerGrantsTest {
  private static final String DAY = "CURRENT_DATE - INTERVAL '10' DAY";

  @TempDir static Path dir;
  private static TeamServerFixture fixture;
  private static String a;
  private static String b;

  @BeforeAll static void start() throws Exception {
    List<String> advertisers = Portfolio.standard().advertisers().stream()
        .map(Advertiser::id).toList();
    a = advertisers.get(0);
    b = advertisers.get(1);
    Files.write(dir.resolve("grants"), List.of("# who may query which advertisers",
        TeamServerFixture.ALICE + ": " + a + ", " + b, TeamServerFixture.BOB + ": " + b));
    Properties grants = new Properties();
    grants.setProperty("grants.file", "grants");
    fixture = TeamServerFixture.start(dir, grants);
  }

  @AfterAll static void stop() {
    fixture.close();
  }

  @BeforeEach void forgetEarlierCalls() {
    fixture.sandbox.requestLog().clear();
  }

  @Test void aQueryOnAnAdvertiserNotGrantedIsRefusedBeforeAnyCall() throws SQLException {
    try (Connection bob = fixture.bob()) {
      assertThatThrownBy(() -> rows(bob, clicksOf("advertiser_id = '" + a + "'")))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"))
          .hasMessageContaining("advertiser " + a + " is not granted").hasMessageContaining("advertisers " + b + " only");
    }
    assertNoApiCall();
  }

  @Test void theSameQueryByAUserGrantedTheAdvertiserRuns() throws SQLException {
    try (Connection alice = fixture.alice()) {
      assertThat(rows(alice, clicksOf("advertiser_id = '" + a + "'"))).containsOnlyKeys(a);
    }
  }

  @Test void anInListNamingOneAdvertiserNotGrantedIsRefused() throws SQLException {
    try (Connection bob = fixture.bob()) {
      assertThatThrownBy(() -> rows(bob, clicksOf("advertiser_id IN ('" + b + "', '" + a + "')")))
          .hasMessageContaining("advertiser " + a + " is not granted");
    }
    assertNoApiCall();
  }

  @Test void aJoinWithOneScanOnAnAdvertiserNotGrantedIsRefusedBeforeAnyScanCalls() throws SQLException {
    String join = "SELECT g.day, g.clicks, o.clicks FROM"
        + " (SELECT day, SUM(clicks) AS clicks FROM statistics WHERE advertiser_id = '" + b + "' AND day = " + DAY
        + " GROUP BY day) g JOIN"
        + " (SELECT day, SUM(clicks) AS clicks FROM statistics WHERE advertiser_id = '" + a + "' AND day = " + DAY
        + " GROUP BY day) o ON g.day = o.day";
    try (Connection bob = fixture.bob(); Statement statement = bob.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery(join)).hasMessageContaining("advertiser " + a + " is not granted");
    }
    assertNoApiCall();
  }

  @Test void aQueryWithNoAdvertiserFilterReadsTheGrantedAdvertisersOnly() throws SQLException {
    try (Connection bob = fixture.bob()) {
      assertThat(rows(bob, clicksOf("TRUE"))).containsOnlyKeys(b);
    }
    assertThat(fixture.sandbox.requestLog().all()).filteredOn(LoggedRequest::isReportCreation)
        .allSatisfy(request -> assertThat(request.body()).contains(b).doesNotContain(a));
  }

  @Test void aCachedReportOfSeveralAdvertisersGivesAUserGrantedOneOnlyTheirRows() throws SQLException {
    String day = "CURRENT_DATE - INTERVAL '12' DAY";
    Map<String, Long> both;
    try (Connection alice = fixture.alice()) {
      both = rows(alice, "SELECT advertiser_id, SUM(clicks) FROM statistics WHERE advertiser_id IN ('" + a + "', '"
          + b + "') AND day = " + day + " GROUP BY advertiser_id");
    }
    try (Connection bob = fixture.bob()) {
      assertThat(rows(bob, "SELECT advertiser_id, SUM(clicks) FROM statistics WHERE day = " + day
          + " GROUP BY advertiser_id")).containsExactlyEntriesOf(Map.of(b, both.get(b)));
    }
  }

  @Test void theStateSchemaShowsAUserOnlyTheReportsOfTheirAdvertisers() throws SQLException {
    try (Connection alice = fixture.alice()) {
      rows(alice, clicksOf("advertiser_id = '" + a + "'"));
      assertThat(column(alice, "SELECT request FROM criteo_driver.reports")).anyMatch(r -> r.contains(a));
      assertThat(column(alice, "SELECT request FROM criteo_driver.cache_entries")).anyMatch(r -> r.contains(a));
    }
    try (Connection bob = fixture.bob()) {
      assertThat(column(bob, "SELECT request FROM criteo_driver.reports")).noneMatch(r -> r.contains(a));
      assertThat(column(bob, "SELECT request FROM criteo_driver.cache_entries")).noneMatch(r -> r.contains(a));
    }
  }

  @Test void aTableOfNoAdvertiserIsRefusedToAUserWithGrants() throws SQLException {
    try (Connection bob = fixture.bob()) {
      assertThatThrownBy(() -> column(bob, "SELECT * FROM catalog_batch_report WHERE operation_token = 'tok'"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"))
          .hasMessageContaining("catalog_batch_report");
    }
    assertNoApiCall();
  }

  @Test void aClientCannotWidenItsGrantThroughConnectionProperties() {
    Properties widened = new Properties();
    widened.setProperty("allowedAdvertiserIds", a + "," + b);
    assertThatThrownBy(() -> java.sql.DriverManager.getConnection(fixture.avaticaUrl("authentication=BASIC;avatica_user="
        + TeamServerFixture.BOB + ";avatica_password=" + TeamServerFixture.BOB_PASSWORD), widened))
        .hasMessageContaining("allowedAdvertiserIds is set by the team server");
    assertNoApiCall();
  }

  @Test void aUserTheGrantsFileDoesNotListCannotConnect() {
    assertThatThrownBy(fixture::carol).isInstanceOfSatisfying(AvaticaClientRuntimeException.class,
        e -> assertThat(e.getSqlState()).isEqualTo("42501")).hasMessageContaining("User carol is granted no advertiser");
    assertNoApiCall();
  }

  private static String clicksOf(String advertiserFilter) {
    return "SELECT advertiser_id, SUM(clicks) FROM statistics WHERE " + advertiserFilter + " AND day = " + DAY
        + " GROUP BY advertiser_id";
  }

  /** The query's rows: advertiser to clicks. */
  private static Map<String, Long> rows(Connection connection, String sql) throws SQLException {
    Map<String, Long> rows = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows.put(result.getString(1), result.getLong(2));
      }
    }
    return rows;
  }

  private static List<String> column(Connection connection, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        values.add(result.getString(1));
      }
    }
    return values;
  }

  private void assertNoApiCall() {
    assertThat(fixture.sandbox.requestLog().all()).isEmpty();
  }
}
