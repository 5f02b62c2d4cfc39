package io.github.criteojdbc.adapter.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.adapter.catalog.TableCatalog;
import io.github.criteojdbc.client.StatisticsReportRequest;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Which cached statistics reports answer a request and the rows they give, on rows written here
 * by hand so that NULLs and bucket edges are certain to occur.
 */
class StatisticsRollUpTest {
  private static final TableCatalog CATALOG = TableCatalog.load("statistics.json");
  private static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

  private static StatisticsReportRequest.Builder request(String... dimensions) {
    return StatisticsReportRequest.builder().advertiserIds("10001").dimensions(dimensions)
        .metrics("Clicks", "AdvertiserCost").timezone("UTC")
        .startDate(MONDAY).endDate(MONDAY.plusDays(13));
  }

  private static int day(LocalDate date) {
    return (int) date.toEpochDay();
  }

  @Test void sumOfAGroupSkipsNullsAndAGroupOfNullsOnlyStaysNull() {
    StatisticsRollUp rollUp = StatisticsRollUp.of(CATALOG, request("CampaignId", "Day").build(),
        request("CampaignId").build(), false).orElseThrow();

    List<Object[]> rows = rollUp.apply(List.of(
        new Object[] {"1", day(MONDAY), 3L, null},
        new Object[] {"1", day(MONDAY.plusDays(1)), null, new BigDecimal("1.25")},
        new Object[] {"1", day(MONDAY.plusDays(2)), 4L, new BigDecimal("2.50")},
        new Object[] {"2", day(MONDAY), null, null},
        new Object[] {"2", day(MONDAY.plusDays(1)), null, null}));

    assertThat(rows).containsExactly(
        new Object[] {"1", 7L, new BigDecimal("3.75")},
        new Object[] {"2", null, null});
  }

  @Test void nullDimensionValueIsAGroupOfItsOwn() {
    StatisticsRollUp rollUp = StatisticsRollUp.of(CATALOG, request("Device", "CampaignId").build(),
        request("Device").build(), false).orElseThrow();

    List<Object[]> rows = rollUp.apply(List.of(
        new Object[] {null, "1", 1L, BigDecimal.ONE},
        new Object[] {"Tablet", "1", 2L, BigDecimal.ONE},
        new Object[] {null, "2", 5L, BigDecimal.ONE}));

    assertThat(rows).containsExactly(
        new Object[] {null, 6L, new BigDecimal("2")},
        new Object[] {"Tablet", 2L, BigDecimal.ONE});
  }

  @Test void weeksStartOnMondayAndKeepOnlyTheDaysOfTheRange() {
    StatisticsRollUp rollUp = StatisticsRollUp.of(CATALOG, request("Day").build(),
        request("Week").startDate(MONDAY.plusDays(6)).endDate(MONDAY.plusDays(7)).build(), false)
        .orElseThrow();

    List<Object[]> rows = rollUp.apply(List.of(
        new Object[] {day(MONDAY.plusDays(5)), 1L, BigDecimal.ONE},
        new Object[] {day(MONDAY.plusDays(6)), 2L, BigDecimal.ONE},
        new Object[] {day(MONDAY.plusDays(7)), 4L, BigDecimal.ONE},
        new Object[] {day(MONDAY.plusDays(8)), 8L, BigDecimal.ONE}));

    assertThat(rows).containsExactly(
        new Object[] {day(MONDAY), 2L, BigDecimal.ONE},
        new Object[] {day(MONDAY.plusDays(7)), 4L, BigDecimal.ONE});
  }

  @Test void monthsMakeYearsButWeeksMakeNoMonths() {
    assertThat(StatisticsRollUp.of(CATALOG, request("Month").build(), request("Year").build(), false))
        .isPresent();
    assertThat(StatisticsRollUp.of(CATALOG, request("Week").build(), request("Month").build(), false))
        .isEmpty();
  }

  @Test void narrowerDatesNeedADailyOrHourlyReport() {
    StatisticsReportRequest firstWeek = request("Month").endDate(MONDAY.plusDays(6)).build();
    assertThat(StatisticsRollUp.of(CATALOG, request("Month").build(), firstWeek, false)).isEmpty();
    assertThat(StatisticsRollUp.of(CATALOG, request("CampaignId").build(),
        request("CampaignId").endDate(MONDAY.plusDays(6)).build(), false)).isEmpty();
    assertThat(StatisticsRollUp.of(CATALOG, request("Hour").build(), firstWeek, false)).isPresent();
  }

  @Test void datesOutsideTheCachedRangeAreNotAnswered() {
    assertThat(StatisticsRollUp.of(CATALOG, request("Day").build(),
        request("Day").endDate(MONDAY.plusDays(14)).build(), false)).isEmpty();
  }

  @Test void metricTheCachedReportLacksIsNotAnswered() {
    assertThat(StatisticsRollUp.of(CATALOG, request("Day").build(),
        request("Day").metrics("Clicks", "Displays").build(), false)).isEmpty();
  }

  @Test void ratioWithoutItsPartsIsReadAtTheCachedGrainButNeverSummed() {
    StatisticsReportRequest.Builder withCtr = request("CampaignId", "Day")
        .metrics("Clicks", "ClickThroughRate");
    assertThat(StatisticsRollUp.of(CATALOG, withCtr.build(),
        request("CampaignId", "Day").metrics("ClickThroughRate").endDate(MONDAY).build(), false)).isPresent();
    assertThat(StatisticsRollUp.of(CATALOG, withCtr.build(),
        request("CampaignId").metrics("ClickThroughRate").build(), false)).isEmpty();
  }

  @Test void ratioWithAFormulaIsTheQuotientOfItsGroupsSummedParts() {
    StatisticsRollUp rollUp = StatisticsRollUp.of(CATALOG,
        request("CampaignId", "Day").metrics("Clicks", "Displays").build(),
        request("CampaignId").metrics("ClickThroughRate").build(), false).orElseThrow();

    List<Object[]> rows = rollUp.apply(List.of(
        new Object[] {"1", day(MONDAY), 1L, 3L},
        new Object[] {"1", day(MONDAY.plusDays(1)), 2L, 7L},
        new Object[] {"1", day(MONDAY.plusDays(2)), null, null}));

    assertThat(rows).containsExactly(new Object[] {"1", 3.0 / 10});
  }

  @Test void ratioOfAGroupWithNoDisplaysOrNullPartsIsNull() {
    StatisticsRollUp rollUp = StatisticsRollUp.of(CATALOG,
        request("CampaignId", "Day").metrics("Clicks", "Displays").build(),
        request("CampaignId").metrics("ClickThroughRate").build(), false).orElseThrow();

    List<Object[]> rows = rollUp.apply(List.of(
        new Object[] {"1", day(MONDAY), 0L, 0L},
        new Object[] {"1", day(MONDAY.plusDays(1)), 0L, 0L},
        new Object[] {"2", day(MONDAY), 4L, null},
        new Object[] {"3", day(MONDAY), null, 5L}));

    assertThat(rows).containsExactly(new Object[] {"1", null}, new Object[] {"2", null},
        new Object[] {"3", null});
  }

  @Test void ratioAtTheCachedGrainIsComputedFromEachRowsParts() {
    StatisticsRollUp rollUp = StatisticsRollUp.of(CATALOG,
        request("CampaignId", "Day").metrics("Displays", "Clicks").build(),
        request("CampaignId", "Day").metrics("Clicks", "ClickThroughRate").endDate(MONDAY).build(), false)
        .orElseThrow();

    List<Object[]> rows = rollUp.apply(List.of(
        new Object[] {"1", day(MONDAY), 8L, 2L},
        new Object[] {"1", day(MONDAY.plusDays(1)), 4L, 1L}));

    assertThat(rows).containsExactly(new Object[] {"1", day(MONDAY), 2L, 0.25});
  }

  @Test void ratioWithoutAFormulaIsNotComputedFromTheSandboxsParts() {
    assertThat(StatisticsRollUp.of(CATALOG,
        request("CampaignId", "Day").metrics("SalesPc30d", "Clicks", "ConversionRatePc30d").build(),
        request("CampaignId").metrics("ConversionRatePc30d").build(), false)).isEmpty();
  }

  @Test void explainSaysHowTheRatioIsComputed() {
    StatisticsRollUp rollUp = StatisticsRollUp.of(CATALOG,
        request("CampaignId", "Day").metrics("Clicks", "Displays").build(),
        request("CampaignId").metrics("ClickThroughRate").build(), false).orElseThrow();

    assertThat(rollUp.describe()).endsWith("rolled up from [CampaignId, Day] to [CampaignId], "
        + "click_through_rate = clicks / displays");
  }

  @Test void adSetListIsFilteredFromAReportThatHoldsTheAdSetsAsked() {
    StatisticsRollUp rollUp = StatisticsRollUp.of(CATALOG, request("AdSetId", "Day").build(),
        request("Day").adSetIds(List.of("12")).build(), false).orElseThrow();

    assertThat(rollUp.apply(List.of(
        new Object[] {"11", day(MONDAY), 1L, BigDecimal.ONE},
        new Object[] {"12", day(MONDAY), 2L, BigDecimal.TEN})))
        .containsExactly(new Object[] {day(MONDAY), 2L, BigDecimal.TEN});
    assertThat(StatisticsRollUp.of(CATALOG, request("AdSetId", "Day").adSetIds(List.of("11")).build(),
        request("Day").adSetIds(List.of("12")).build(), false)).isEmpty();
  }

  @Test void placeholderMetricNeedNotBeInTheCachedReport() {
    StatisticsReportRequest displays = request("CampaignId", "Day").metrics("Displays").build();
    StatisticsReportRequest campaigns = request("CampaignId").metrics("Clicks").build();
    assertThat(StatisticsRollUp.of(CATALOG, displays, campaigns, false)).isEmpty();

    StatisticsRollUp rollUp = StatisticsRollUp.of(CATALOG, displays, campaigns, true).orElseThrow();

    assertThat(rollUp.apply(List.of(
        new Object[] {"1", day(MONDAY), 10L},
        new Object[] {"1", day(MONDAY.plusDays(1)), 20L})))
        .containsExactly(new Object[] {"1", null});
  }

  @Test void adSetNameFilterMustBeTheSame() {
    assertThat(StatisticsRollUp.of(CATALOG, request("AdSetId", "AdSet", "Day").build(),
        request("Day").adSetNames(List.of("Hikers")).build(), false)).isEmpty();
  }
}
