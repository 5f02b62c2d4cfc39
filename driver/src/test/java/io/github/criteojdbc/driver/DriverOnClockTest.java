package io.github.criteojdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.sandbox.MovableClock;
import io.github.criteojdbc.sandbox.ReportAsked;
import io.github.criteojdbc.sandbox.SandboxOptions;
import io.github.criteojdbc.sandbox.SandboxServer;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A driver on a clock of its own: its connections' report cache tells time by that clock, so a
 * session replayed a day later against a sandbox on the same clock re-fetches what the real next
 * day would, without waiting a day.
 */
class DriverOnClockTest {
  private static final String ADVERTISER = "10001";

  @Test void aDayLaterOnItsClockItAsksOnlyForTheDaysNotSettledWhenCached() throws SQLException {
    MovableClock clock = new MovableClock(Instant.now());
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().clock(clock).build())) {
      CriteoDriver driver = CriteoDriver.onClock(clock);
      String url = "jdbc:criteo:baseUrl=" + sandbox.baseUrl() + ";clientId=" + sandbox.clientId() + ";clientSecret="
          + sandbox.clientSecret() + ";advertiserIds=" + ADVERTISER + ";maxCallsPerMinute=100000;pollIntervalSeconds=0.01";
      clicksByDay(driver, url, today.minusDays(30), today.minusDays(1));
      clock.advance(Duration.ofDays(1));
      sandbox.requestLog().clear();

      TreeMap<LocalDate, Long> clicks = clicksByDay(driver, url, today.minusDays(29), today);

      assertThat(createdDates(sandbox)).containsExactly(List.of(today.minusDays(5), today));
      TreeMap<LocalDate, Long> facts = sandbox.data().hourlyFacts(today.minusDays(29).atStartOfDay(ZoneOffset.UTC)
              .toInstant(), today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
          .filter(f -> f.advertiserId().equals(ADVERTISER))
          .collect(Collectors.groupingBy(f -> LocalDate.ofInstant(f.hour(), ZoneOffset.UTC), TreeMap::new,
              Collectors.summingLong(f -> f.count("Clicks"))));
      assertThat(clicks).isEqualTo(facts);
    }
  }

  private static TreeMap<LocalDate, Long> clicksByDay(CriteoDriver driver, String url, LocalDate first,
      LocalDate last) throws SQLException {
    TreeMap<LocalDate, Long> clicks = new TreeMap<>();
    try (Connection connection = driver.connect(url, new Properties());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT day, SUM(clicks) FROM statistics WHERE day BETWEEN DATE '"
            + first + "' AND DATE '" + last + "' GROUP BY day")) {
      while (rows.next()) {
        clicks.put(rows.getObject(1, LocalDate.class), rows.getLong(2));
      }
    }
    return clicks;
  }

  /** Accepted creations' dates (a day on the sandbox clock expires the token, so one create is refused and resent). */
  private static List<List<LocalDate>> createdDates(SandboxServer sandbox) {
    return sandbox.requestLog().all().stream().filter(r -> r.isReportCreation() && r.status() < 400)
        .map(ReportAsked::of).map(r -> List.of(r.startDate(), r.endDate())).collect(Collectors.toList());
  }

}
