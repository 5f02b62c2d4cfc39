package io.github.criteojdbc.reliability;

import io.github.criteojdbc.sandbox.SandboxData;
import io.github.criteojdbc.sandbox.data.HourlyFact;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Expected results of the suite's statistics queries, computed from the sandbox's raw hourly facts (never from
 * the driver), in the order the queries ask for.
 */
final class ExpectedStatistics {
  private static final DateTimeFormatter SQL_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private ExpectedStatistics() {
  }

  /** The statement {@link #clicksByCampaign(SandboxData, LocalDate, LocalDate)} answers. */
  static String clicksByCampaignSql(LocalDate first, LocalDate last) {
    return "SELECT campaign_id, SUM(clicks) AS clicks FROM statistics WHERE day BETWEEN DATE '" + first
        + "' AND DATE '" + last + "' GROUP BY campaign_id ORDER BY campaign_id";
  }

  /** Rows of {@code [campaign_id, clicks]} over UTC days {@code first..last}, by campaign id. */
  static List<List<Object>> clicksByCampaign(SandboxData data, LocalDate first, LocalDate last) {
    Map<String, Long> clicks = new TreeMap<>();
    facts(data, first, last).forEach(fact -> clicks.merge(fact.dimension("CampaignId"), fact.count("Clicks"), Long::sum));
    return clicks.entrySet().stream().map(e -> List.<Object>of(e.getKey(), e.getValue())).toList();
  }

  /** The statement {@link #clicksByCampaignHour(SandboxData, LocalDate, LocalDate)} answers. */
  static String clicksByCampaignHourSql(LocalDate first, LocalDate last) {
    return "SELECT campaign_id, CAST(hour AS VARCHAR) AS hour_text, SUM(clicks) AS clicks FROM statistics"
        + " WHERE day BETWEEN DATE '" + first + "' AND DATE '" + last + "'"
        + " GROUP BY campaign_id, hour ORDER BY campaign_id, hour";
  }

  /** Rows of {@code [campaign_id, 'yyyy-MM-dd HH:mm:ss', clicks]} per campaign and UTC hour. */
  static List<List<Object>> clicksByCampaignHour(SandboxData data, LocalDate first, LocalDate last) {
    Map<String, Map<String, Long>> clicks = new TreeMap<>();
    facts(data, first, last).forEach(fact -> clicks
        .computeIfAbsent(fact.dimension("CampaignId"), campaign -> new TreeMap<>())
        .merge(SQL_TIMESTAMP.format(LocalDateTime.ofInstant(fact.hour(), ZoneOffset.UTC)), fact.count("Clicks"),
            Long::sum));
    return clicks.entrySet().stream()
        .flatMap(campaign -> campaign.getValue().entrySet().stream()
            .map(hour -> List.<Object>of(campaign.getKey(), hour.getKey(), hour.getValue())))
        .toList();
  }

  private static java.util.stream.Stream<HourlyFact> facts(SandboxData data, LocalDate first, LocalDate last) {
    return data.hourlyFacts(first.atStartOfDay(ZoneOffset.UTC).toInstant(),
        last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }
}
