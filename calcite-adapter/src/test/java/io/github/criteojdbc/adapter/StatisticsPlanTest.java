package io.github.criteojdbc.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

/** {@code EXPLAIN} shows, for each query, the report request its scan sends and what stays in Calcite. */
class StatisticsPlanTest {
  private static TestConnections.Session session;

  @BeforeAll static void open() throws SQLException {
    session = TestConnections.open(s -> s.advertiserIds(List.of("10001", "10002")));
  }

  @AfterAll static void close() throws SQLException {
    session.close();
  }

  @Test void groupingOverWholeDaysAsksForTheGroupedDimensionOnly() throws SQLException {
    String plan = session.explain("SELECT campaign_id, SUM(clicks) FROM statistics "
        + "WHERE advertiser_id = '10001' AND day BETWEEN DATE '2026-10-01' AND DATE '2026-10-31' "
        + "GROUP BY campaign_id");
    assertThat(plan)
        .contains("dimensions=[CampaignId], metrics=[Clicks]")
        .contains("advertiserIds=[10001]")
        .contains("dates=[day >= 2026-10-01, day <= 2026-10-31]")
        .doesNotContain("$condition");
  }

  @Test void advertiserInListAndOrOfEqualitiesBecomeTheAdvertiserList() throws SQLException {
    assertThat(session.explain("SELECT clicks FROM statistics WHERE advertiser_id IN ('10001', '10003')"))
        .contains("advertiserIds=[10001, 10003]");
    assertThat(session.explain("SELECT clicks FROM statistics "
        + "WHERE advertiser_id = '10001' OR advertiser_id = '10002'"))
        .contains("advertiserIds=[10001, 10002]");
  }

  @Test void largeInListStaysAFilterInsteadOfAJoin() throws SQLException {
    StringBuilder ids = new StringBuilder("'1'");
    for (int i = 2; i <= 60; i++) {
      ids.append(", '").append(i).append('\'');
    }
    String plan = session.explain("SELECT clicks FROM statistics WHERE advertiser_id IN (" + ids + ")");
    assertThat(plan).contains("advertiserIds=[1, 10, 11").contains(", 59, 6, 60, 7, 8, 9]")
        .doesNotContain("Join");
  }

  @Test void withoutAdvertiserFilterTheConnectionPropertyIsUsed() throws SQLException {
    assertThat(session.explain("SELECT clicks FROM statistics WHERE day = DATE '2026-10-01'"))
        .contains("advertiserIds=[10001, 10002] (advertiserIds property)");
  }

  @Test void adSetFiltersBecomeAdSetIdsAndNames() throws SQLException {
    String plan = session.explain("SELECT clicks FROM statistics "
        + "WHERE ad_set_id IN ('501', '502') AND ad_set = 'Retargeting'");
    assertThat(plan).contains("adSetIds=[501, 502]").contains("adSetNames=[Retargeting]")
        .contains("dimensions=[AdvertiserId]");
  }

  @Test void currencyFilterBecomesTheRequestCurrency() throws SQLException {
    assertThat(session.explain("SELECT advertiser_cost FROM statistics WHERE currency = 'USD'"))
        .contains("currency=[USD]").doesNotContain("$condition");
  }

  @Test void filterTheApiCannotAnswerStaysResidualAndAddsItsDimension() throws SQLException {
    String plan = session.explain("SELECT campaign_id, SUM(clicks) FROM statistics "
        + "WHERE device LIKE 'Mob%' AND day >= DATE '2026-10-01' GROUP BY campaign_id");
    assertThat(plan)
        .contains("dimensions=[Device, CampaignId]")
        .contains("dates=[day >= 2026-10-01]")
        .contains("LIKE($t0, $t3)").contains("$condition");
  }

  @Test void partialDayHourBoundNarrowsTheDatesAndKeepsTheExactBound() throws SQLException {
    String plan = session.explain("SELECT campaign_id, clicks FROM statistics "
        + "WHERE hour >= TIMESTAMP '2026-10-01 10:00:00' AND hour < TIMESTAMP '2026-10-03 00:00:00'");
    assertThat(plan)
        .contains("dimensions=[CampaignId, Hour]")
        .contains("hour >= 2026-10-01T10:00")
        .contains("Sarg[[2026-10-01 10:00:00..2026-10-03 00:00:00)]").contains("$condition");
  }

  @Test void wholeDayHourBoundsAddNoDimension() throws SQLException {
    String plan = session.explain("SELECT campaign_id, clicks FROM statistics "
        + "WHERE hour >= TIMESTAMP '2026-10-01 00:00:00' AND hour <= TIMESTAMP '2026-10-02 23:00:00'");
    assertThat(plan).contains("dimensions=[CampaignId]").doesNotContain("$condition");
  }

  @Test void monthAndYearFiltersAreAnsweredByTheDateRange() throws SQLException {
    assertThat(session.explain("SELECT clicks FROM statistics WHERE month = DATE '2026-09-01'"))
        .contains("month = 2026-09-01").contains("dimensions=[AdvertiserId]")
        .doesNotContain("$condition");
    assertThat(session.explain("SELECT clicks FROM statistics WHERE year = 2026"))
        .contains("year = 2026").doesNotContain("$condition");
  }

  @Test void dayInListOfConsecutiveDaysIsARange() throws SQLException {
    assertThat(session.explain("SELECT clicks FROM statistics "
        + "WHERE day IN (DATE '2026-10-01', DATE '2026-10-02', DATE '2026-10-03')"))
        .contains("dates=[day >= 2026-10-01, day <= 2026-10-03]")
        .doesNotContain("$condition");
  }

  @Test void dayInListWithGapsPushesTheHullAndKeepsTheList() throws SQLException {
    String plan = session.explain("SELECT clicks FROM statistics "
        + "WHERE day IN (DATE '2026-10-01', DATE '2026-10-05')");
    assertThat(plan).contains("dates=[day >= 2026-10-01, day <= 2026-10-05]")
        .contains("Day]").contains("$condition");
  }

  @Test void relativeDateFilterIsPushedAsAnExpressionEvaluatedAtRunTime() throws SQLException {
    assertThat(session.explain("SELECT clicks FROM statistics WHERE day >= CURRENT_DATE - INTERVAL '7' DAY"))
        .contains("day >= -(CURRENT_DATE, 604800000:INTERVAL DAY)")
        .doesNotContain("$condition");
  }

  @Test void noDateFilterIsShownAsTheDefaultWindow() throws SQLException {
    assertThat(session.explain("SELECT clicks FROM statistics")).contains("dates=(last 7 days)");
  }

  @Test void twoTimeColumnsAreAnsweredByTheFinerOne() throws SQLException {
    assertThat(session.explain("SELECT day, month, SUM(clicks) FROM statistics GROUP BY day, month"))
        .contains("dimensions=[Day]");
  }

  @Test void limitWithoutOrderIsPushedIntoTheScan() throws SQLException {
    assertThat(session.explain("SELECT campaign_id, clicks FROM statistics LIMIT 10"))
        .contains("fetch=[10]");
  }

  @Test void limitWithOrderIsNotPushed() throws SQLException {
    assertThat(session.explain("SELECT campaign_id, clicks FROM statistics ORDER BY clicks DESC LIMIT 10"))
        .doesNotContain("fetch=[10]]");
  }

  @Test void impossibleFiltersNeedNoScan() throws SQLException {
    assertThat(session.explain("SELECT clicks FROM statistics WHERE 1 = 0")).doesNotContain("CriteoTableScan");
    assertThat(session.explain("SELECT clicks FROM statistics LIMIT 0")).doesNotContain("CriteoTableScan");
  }

  @Test void selectStarAsksForEveryDimensionWithTheFinestTimeBucket() throws SQLException {
    String plan = session.explain("SELECT * FROM statistics WHERE day = DATE '2026-10-01'");
    assertThat(plan).contains("AdvertiserId, Advertiser, CategoryId").contains("Environment, Hour]")
        .contains("metrics=[Clicks, Displays, AdvertiserCost");
  }

  @Test void queryReadingNoColumnAddsNoDimension() throws SQLException {
    assertThat(session.explain("SELECT 'row' FROM statistics WHERE advertiser_id = '10001'"))
        .contains("columns=[[currency]]").contains("dimensions=[AdvertiserId], metrics=[Clicks]");
  }

  @Test void countStarIsAskedAtTheGrainWithoutDimensions() throws SQLException {
    assertThat(session.explain("SELECT COUNT(*) FROM statistics WHERE day = DATE '2026-10-01'"))
        .contains("columns=[[currency]]");
  }
}
