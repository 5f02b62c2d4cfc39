package io.github.criteojdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.criteojdbc.sandbox.catalog.Metric;
import io.github.criteojdbc.sandbox.data.AdSet;
import io.github.criteojdbc.sandbox.data.AdSetStatus;
import io.github.criteojdbc.sandbox.data.HourlyFact;
import io.github.criteojdbc.sandbox.report.ReportVariant;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reports are aggregations of the raw hourly facts, consistent across granularities, zones and currencies. */
class DataConsistencyTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static SandboxServer sandbox;
  private static SandboxClient client;

  @BeforeAll
  static void start() {
    sandbox = SandboxServer.start(SandboxOptions.builder().clock(TestTime.clock()).build());
    // These tests check the spec's own forms; ReportVariantsTest covers the others.
    sandbox.faults().pinVariant(ReportVariant.spec());
    sandbox.faults().pendingPolls(0);
    client = new SandboxClient(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static JsonNode rows(String start, String end, String timezone, List<String> dimensions, List<String> metrics) {
    ObjectNode body = Requests.statistics(List.of("10001", "10003"), start, end, dimensions, metrics);
    Requests.attributes(body).put("timezone", timezone);
    return client.statistics(body).at("/data/data");
  }

  /** Sums column {@code value} of the rows by the text of column {@code key} mapped through {@code bucket}. */
  private static Map<String, BigDecimal> sumBy(JsonNode rows, int key, int value, Function<String, String> bucket) {
    Map<String, BigDecimal> sums = new TreeMap<>();
    rows.forEach(row -> sums.merge(bucket.apply(row.get(key).asText()), row.get(value).decimalValue(), BigDecimal::add));
    sums.replaceAll((bucketKey, sum) -> sum.stripTrailingZeros());
    return sums;
  }

  private static Map<String, BigDecimal> column(JsonNode rows, int key, int value) {
    return sumBy(rows, key, value, Function.identity());
  }

  @Test
  void hourRowsSumToDayRows() {
    List<String> metrics = List.of("Clicks", "Displays", "AdvertiserCost", "SalesPc30d");
    JsonNode hours = rows("2026-03-01", "2026-03-03", "UTC", List.of("Hour"), metrics);
    JsonNode days = rows("2026-03-01", "2026-03-03", "UTC", List.of("Day"), metrics);

    for (int metric = 1; metric <= metrics.size(); metric++) {
      assertThat(sumBy(hours, 0, metric, hour -> hour.substring(0, 10))).isEqualTo(column(days, 0, metric));
    }
  }

  @Test
  void dayRowsSumToWeekMonthAndYearRows() {
    JsonNode days = rows("2026-01-01", "2026-02-28", "Europe/Paris", List.of("Day"), List.of("Clicks", "AdvertiserCost"));
    JsonNode weeks = rows("2026-01-01", "2026-02-28", "Europe/Paris", List.of("Week"), List.of("Clicks", "AdvertiserCost"));
    JsonNode months = rows("2026-01-01", "2026-02-28", "Europe/Paris", List.of("Month"), List.of("Clicks", "AdvertiserCost"));
    JsonNode years = rows("2026-01-01", "2026-02-28", "Europe/Paris", List.of("Year"), List.of("Clicks", "AdvertiserCost"));

    Function<String, String> weekOf = day -> LocalDate.parse(day).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
    for (int metric = 1; metric <= 2; metric++) {
      Map<String, BigDecimal> byWeek = sumBy(days, 0, metric, weekOf);
      byWeek.remove("2025-12-29");
      Map<String, BigDecimal> weekRows = column(weeks, 0, metric);
      weekRows.remove("2025-12-29");
      assertThat(byWeek).isEqualTo(weekRows);
      assertThat(sumBy(days, 0, metric, day -> day.substring(0, 8) + "01")).isEqualTo(column(months, 0, metric));
      assertThat(sumBy(days, 0, metric, day -> day.substring(0, 4))).isEqualTo(column(years, 0, metric));
    }
  }

  @Test
  void dailyTotalsInParisAndUtcAreSumsOfTheRawFactsByLocalDate() {
    JsonNode utc = rows("2026-03-02", "2026-03-04", "UTC", List.of("Day"), List.of("Clicks"));
    JsonNode paris = rows("2026-03-02", "2026-03-04", "Europe/Paris", List.of("Day"), List.of("Clicks"));

    assertThat(clicksFromFacts(ZoneId.of("UTC"), "2026-03-02", "2026-03-04")).isEqualTo(column(utc, 0, 1));
    assertThat(clicksFromFacts(PARIS, "2026-03-02", "2026-03-04")).isEqualTo(column(paris, 0, 1));
    assertThat(column(paris, 0, 1)).isNotEqualTo(column(utc, 0, 1));
  }

  @Test
  void aParisDayInWinterIsTheUtcDayShiftedByOneHour() {
    JsonNode parisDay = rows("2026-03-03", "2026-03-03", "Europe/Paris", List.of("Day"), List.of("Clicks"));
    JsonNode utcHours = rows("2026-03-02", "2026-03-03", "UTC", List.of("Hour"), List.of("Clicks"));

    BigDecimal shifted = BigDecimal.ZERO;
    for (JsonNode row : utcHours) {
      LocalDateTime hour = LocalDateTime.parse(row.get(0).asText());
      if (!hour.isBefore(LocalDateTime.parse("2026-03-02T23:00")) && hour.isBefore(LocalDateTime.parse("2026-03-03T23:00"))) {
        shifted = shifted.add(row.get(1).decimalValue());
      }
    }
    assertThat(parisDay.get(0).get(1).decimalValue()).isEqualTo(shifted);
  }

  @Test
  void convertedMoneyIsTheEuroAmountTimesTheExactFactor() {
    ObjectNode euros = Requests.statistics(List.of("10002"), "2026-03-01", "2026-03-07", List.of("Day"),
        List.of("AdvertiserCost", "RevenueGeneratedPc30d"));
    ObjectNode dollars = euros.deepCopy();
    Requests.attributes(dollars).put("currency", "USD");

    JsonNode eurRows = client.statistics(euros).at("/data/data");
    JsonNode usdRows = client.statistics(dollars).at("/data/data");

    for (int row = 0; row < eurRows.size(); row++) {
      for (int metric = 1; metric <= 2; metric++) {
        assertThat(usdRows.get(row).get(metric).decimalValue())
            .isEqualByComparingTo(eurRows.get(row).get(metric).decimalValue().multiply(new BigDecimal("1.25")));
      }
    }
  }

  @Test
  void ratiosAreComputedFromTheSummedMeasures() {
    JsonNode rows = rows("2026-03-01", "2026-03-02", "UTC", List.of("CampaignId"),
        List.of("Clicks", "Displays", "AdvertiserCost", "ClickThroughRate", "Cpc", "ECpm"));

    for (JsonNode row : rows) {
      long clicks = row.get(2).asLong();
      long displays = row.get(3).asLong();
      BigDecimal cost = row.get(4).decimalValue();
      assertThat(row.get(5).asDouble()).isEqualTo((double) clicks / displays);
      assertThat(row.get(6).decimalValue()).isEqualByComparingTo(cost.divide(BigDecimal.valueOf(clicks), 4, java.math.RoundingMode.HALF_UP));
      assertThat(row.get(7).decimalValue())
          .isEqualByComparingTo(cost.multiply(BigDecimal.valueOf(1000)).divide(BigDecimal.valueOf(displays), 4, java.math.RoundingMode.HALF_UP));
    }
  }

  @Test
  void everyAdditiveMetricEqualsTheSumOfItsBaseMeasureOverTheFacts() {
    List<Metric> additive = sandbox.data().metrics().metrics().stream().filter(Metric::isAdditive).toList();
    ObjectNode body = Requests.statistics(List.of("10001"), "2026-03-05", "2026-03-05", List.of("AdvertiserId"),
        additive.stream().map(Metric::name).toList());

    JsonNode row = client.statistics(body).at("/data/data/0");

    List<HourlyFact> facts = sandbox.data().hourlyFacts(Instant.parse("2026-03-05T00:00:00Z"), Instant.parse("2026-03-06T00:00:00Z"))
        .filter(fact -> fact.advertiserId().equals("10001")).toList();
    for (int i = 0; i < additive.size(); i++) {
      Metric metric = additive.get(i);
      BigDecimal expected = metric.money()
          ? facts.stream().map(fact -> fact.money(metric.name())).reduce(BigDecimal.ZERO, BigDecimal::add)
          : BigDecimal.valueOf(facts.stream().mapToLong(fact -> fact.count(metric.name())).sum());
      assertThat(row.get(2 + i).decimalValue()).as(metric.name()).isEqualByComparingTo(expected);
    }
  }

  @Test
  void allTwoHundredFiftyFiveMetricsCanBeRequestedTogether() {
    List<String> all = sandbox.data().metrics().names();
    JsonNode data = client.statistics(Requests.statistics(List.of("10003"), "2026-03-05", "2026-03-05",
        List.of("Day"), all)).get("data");

    assertThat(all).hasSize(255);
    assertThat(data.at("/metadata/columns")).hasSize(256);
    assertThat(data.at("/data/0")).hasSize(256);
  }

  @Test
  void adSetFiltersKeepTheMatchingAdSetsOnly() {
    AdSet adSet = sandbox.data().adSets().get(1);
    ObjectNode byId = Requests.statistics(List.of("10001"), "2026-03-05", "2026-03-05", List.of("AdSetId"), List.of("Clicks"));
    Requests.attributes(byId).set("adSetIds", Requests.array(List.of(adSet.id())));
    ObjectNode byName = Requests.statistics(List.of("10001"), "2026-03-05", "2026-03-05", List.of("AdSetId"), List.of("Clicks"));
    Requests.attributes(byName).set("adSetNames", Requests.array(List.of(adSet.name())));

    JsonNode idRows = client.statistics(byId).at("/data/data");
    JsonNode nameRows = client.statistics(byName).at("/data/data");

    assertThat(idRows).hasSize(1);
    assertThat(idRows.get(0).get(0).asText()).isEqualTo(adSet.id());
    assertThat(nameRows).isEqualTo(idRows);
  }

  @Test
  void adSetStatusFilterKeepsAdSetsInThoseStatuses() {
    ObjectNode body = Requests.statistics(List.of("10001", "10002", "10003"), "2026-03-05", "2026-03-05",
        List.of("AdSetId"), List.of("Clicks"));
    Requests.attributes(body).set("adSetStatus", Requests.array(List.of("NotRunning", "Dead")));

    List<String> ids = new ArrayList<>();
    client.statistics(body).at("/data/data").forEach(row -> ids.add(row.get(0).asText()));

    assertThat(ids).containsExactlyElementsOf(sandbox.data().adSets().stream()
        .filter(adSet -> adSet.status() != AdSetStatus.ACTIVE).map(AdSet::id).sorted().toList());
  }

  @Test
  void everyDescriptiveDimensionGroupsLikeTheFactValues() {
    List<String> dimensions = List.of("Os", "Device", "Country", "Region", "PostalCode", "AdId", "CategoryId",
        "CouponId", "MarketingObjectiveId", "ChannelId", "AdChannel", "SocialPlatform", "MarketingCampaignGoal",
        "VideoPlayerSize", "VideoPlacement", "VideoPlaybackMethod", "SSP", "VideoDurationInSeconds", "MediaType",
        "AdFormat", "DisplaySize", "VideoPlayerRatio", "UserBehavior", "Environment");
    List<HourlyFact> facts = sandbox.data().hourlyFacts(Instant.parse("2026-03-05T00:00:00Z"), Instant.parse("2026-03-06T00:00:00Z"))
        .filter(fact -> fact.advertiserId().equals("10001")).toList();
    for (String dimension : dimensions) {
      JsonNode rows = client.statistics(Requests.statistics(List.of("10001"), "2026-03-05", "2026-03-05",
          List.of(dimension), List.of("Clicks"))).at("/data/data");
      Map<String, Long> expected = facts.stream().collect(Collectors.groupingBy(fact -> fact.dimension(dimension),
          TreeMap::new, Collectors.summingLong(fact -> fact.count("Clicks"))));
      Map<String, Long> actual = new TreeMap<>();
      rows.forEach(row -> actual.put(row.get(0).asText(), row.get(row.size() - 1).asLong()));
      assertThat(actual).as(dimension).isEqualTo(expected);
    }
  }

  private static Map<String, BigDecimal> clicksFromFacts(ZoneId zone, String first, String last) {
    Instant from = LocalDate.parse(first).atStartOfDay(zone).toInstant();
    Instant to = LocalDate.parse(last).plusDays(1).atStartOfDay(zone).toInstant();
    return sandbox.data().hourlyFacts(from, to)
        .filter(fact -> !fact.advertiserId().equals("10002"))
        .collect(Collectors.groupingBy(fact -> LocalDate.ofInstant(fact.hour(), zone).toString(), TreeMap::new,
            Collectors.reducing(BigDecimal.ZERO, fact -> BigDecimal.valueOf(fact.count("Clicks")), BigDecimal::add)))
        .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().stripTrailingZeros(),
            (left, right) -> left, TreeMap::new));
  }
}
