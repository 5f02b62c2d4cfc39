package io.github.criteojdbc.adapter.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.adapter.catalog.TableCatalog;
import io.github.criteojdbc.client.StatisticsReportRequest;

import com.google.common.collect.ImmutableList;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** How the union of coalesced requests is formed and how large its report is estimated to be. */
class UnionSizeTest {
  private static final TableCatalog CATALOG = TableCatalog.load("statistics.json");
  private static final LocalDate FIRST = LocalDate.of(2026, 11, 1);

  private static StatisticsReportRequest request(List<String> dimensions, String... metrics) {
    return StatisticsReportRequest.builder().advertiserIds("10001", "10002").dimensions(dimensions)
        .metrics(metrics).timezone("UTC").startDate(FIRST).endDate(FIRST.plusDays(9)).build();
  }

  private static ReportCoalescer.Member member(List<String> dimensions, String... metrics) {
    return new ReportCoalescer.Member(request(dimensions, metrics), false, Thread.currentThread());
  }

  @Test void anAdSetsCampaignAndAdvertiserAreCountedOnceByTheAdSet() {
    UnionSize size = new UnionSize(CATALOG, List.of());

    double rows = size.rows(request(List.of("Day", "AdvertiserId", "CampaignId", "AdSetId", "AdSet"), "Clicks"));

    assertThat(rows).isEqualTo(2 * 10 * 30.0);
  }

  @Test void aDimensionACachedReportHeldIsCountedByItsValuesPerAdvertiser() {
    List<Object[]> rows = List.of(new Object[] {"Mobile", 1L}, new Object[] {"Desktop", 2L},
        new Object[] {"Tablet", 3L}, new Object[] {"Mobile", 4L});
    ReportCache.CachedReport cached = new ReportCache.CachedReport(request(List.of("Device"), "Clicks"),
        new ReportCache.Entry(ImmutableList.copyOf(rows), true, null, Instant.EPOCH, Instant.MAX));

    double estimate = new UnionSize(CATALOG, List.of(cached)).rows(request(List.of("Device"), "Displays"));

    assertThat(estimate).isEqualTo(2 * 2.0);
  }

  @Test void theUnionHasTheFinestTimeBucketAndEveryDimensionAndMetric() {
    StatisticsReportRequest union = UnionSize.union(CATALOG, List.of(member(List.of("Month"), "Clicks"),
        member(List.of("Day", "CampaignId"), "AdvertiserCost"), member(List.of("Device"), "Clicks")))
        .orElseThrow();

    assertThat(union.dimensions()).containsExactly("Day", "CampaignId", "Device");
    assertThat(union.metrics()).containsExactly("Clicks", "AdvertiserCost");
  }

  @Test void aRatioWithAFormulaIsAskedOfTheUnionAsItsParts() {
    StatisticsReportRequest union = UnionSize.union(CATALOG, List.of(
        member(List.of("CampaignId"), "ClickThroughRate"), member(List.of("Day"), "Clicks")))
        .orElseThrow();

    assertThat(union.dimensions()).containsExactly("Day", "CampaignId");
    assertThat(union.metrics()).containsExactly("Clicks", "Displays");
  }

  @Test void onlyARatioWithAFormulaRollsUp() {
    assertThat(UnionSize.rollsUp(CATALOG, request(List.of("CampaignId"), "ClickThroughRate"), false)).isTrue();
    assertThat(UnionSize.rollsUp(CATALOG, request(List.of("CampaignId"), "ConversionRatePc30d"), false))
        .isFalse();
  }

  @Test void weeksAndMonthsHaveNoUnionAsNeitherBucketMakesTheOther() {
    assertThat(UnionSize.union(CATALOG, List.of(member(List.of("Week"), "Clicks"),
        member(List.of("Month"), "Clicks")))).isEmpty();
  }

  @Test void aUnionBeyondEightTimesItsPartsAndFiftyThousandRowsIsNotBounded() {
    UnionSize size = new UnionSize(CATALOG, List.of());
    List<ReportCoalescer.Member> members = List.of(member(List.of("PostalCode"), "Clicks"),
        member(List.of("Hour", "AdId"), "Clicks"));

    assertThat(size.bounded(UnionSize.union(CATALOG, members).orElseThrow(), members)).isFalse();
    assertThat(size.bounded(request(List.of("Day", "Device"), "Clicks"),
        List.of(member(List.of("Day"), "Clicks"), member(List.of("Device"), "Clicks")))).isTrue();
  }
}
