package io.github.criteojdbc.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

/**
 * {@code EXPLAIN} of {@code mpo_realtime} queries shows the export request each scan sends: the
 * id filters as id lists, the columns used as dimensions, and the time filter as lookbackWindow
 * or startDate/endDate.
 */
class MpoRealtimePlanTest {
  private static TestConnections.Session session;

  @BeforeAll static void open() throws SQLException {
    session = TestConnections.open(s -> s.advertiserIds(List.of("10001", "10002")));
  }

  @AfterAll static void close() throws SQLException {
    session.close();
  }

  @Test void advertiserEqualityBecomesTheAdvertiserList() throws SQLException {
    assertThat(session.explain("SELECT campaign_id, clicks FROM mpo_realtime "
        + "WHERE advertiser_id = '10001'"))
        .contains("mpo-realtime-export{advertiserIds=[10001]")
        .contains("dimensions=[CampaignId]")
        .contains("metrics=[Clicks]")
        .doesNotContain("$condition");
  }

  @Test void withoutAdvertiserFilterTheConnectionPropertyIsUsed() throws SQLException {
    assertThat(session.explain("SELECT clicks FROM mpo_realtime"))
        .contains("advertiserIds=[10001, 10002] (advertiserIds property)");
  }

  @Test void campaignAndSellerInListsBecomeIdLists() throws SQLException {
    String plan = session.explain("SELECT product_id, cost FROM mpo_realtime WHERE advertiser_id = '10001' "
        + "AND campaign_id IN ('1200101', '1200102') AND seller_id = '5001'");
    assertThat(plan)
        .contains("campaignIds=[1200101, 1200102]")
        .contains("sellerIds=[5001]")
        .contains("dimensions=[ProductId]")
        .contains("metrics=[Cost]")
        .doesNotContain("$condition");
  }

  @Test void dimensionsAreTheColumnsTheQueryUses() throws SQLException {
    assertThat(session.explain("SELECT partner_id, seller_id, minute, SUM(displays) FROM mpo_realtime "
        + "WHERE advertiser_id = '10001' GROUP BY partner_id, seller_id, minute"))
        .contains("dimensions=[PartnerId, SellerId, Minute]")
        .contains("metrics=[Displays]");
  }

  @Test void selectStarIsAPreviewByMinute() throws SQLException {
    assertThat(session.explain("SELECT * FROM mpo_realtime"))
        .contains("preview=SELECT * by minute (hour from minute), product_id NULL")
        .contains("dimensions=[AdvertiserId, PartnerId, CampaignId, SellerId, Minute]");
  }

  @Test void selectStarOrderedByProductIsAPreviewByProduct() throws SQLException {
    assertThat(session.explain("SELECT * FROM mpo_realtime ORDER BY product_id"))
        .contains("preview=SELECT * by product_id, hour and minute NULL")
        .contains("dimensions=[AdvertiserId, PartnerId, CampaignId, SellerId, ProductId]");
  }

  @Test void queryWithoutDimensionAsksForTheAdvertiserAndSumsIt() throws SQLException {
    assertThat(session.explain("SELECT SUM(clicks), SUM(cost) FROM mpo_realtime"))
        .contains("dimensions=[AdvertiserId] (summed into one row)")
        .contains("metrics=[Clicks, Cost]");
  }

  @Test void lastNMinutesBecomesTheLookbackWindow() throws SQLException {
    String plan = session.explain("SELECT minute, clicks FROM mpo_realtime "
        + "WHERE minute >= CURRENT_TIMESTAMP - INTERVAL '90' MINUTE");
    assertThat(plan)
        .contains("lookbackWindow=90")
        .contains("dimensions=[Minute]")
        .as("the exact bound stays in Calcite").contains("$condition");
  }

  @Test void lastHoursOnTheHourColumnBecomeTheLookbackWindowInMinutes() throws SQLException {
    assertThat(session.explain("SELECT hour, clicks FROM mpo_realtime "
        + "WHERE hour > CURRENT_TIMESTAMP - INTERVAL '3' HOUR"))
        .contains("lookbackWindow=180");
  }

  @Test void relativeRangeIsKeptAsExpressionsForTheStatementToEvaluate() throws SQLException {
    assertThat(session.explain("SELECT minute, clicks FROM mpo_realtime "
        + "WHERE minute >= CURRENT_TIMESTAMP - INTERVAL '3' HOUR "
        + "AND minute < CURRENT_TIMESTAMP - INTERVAL '1' HOUR"))
        .contains("startDate/endDate=[minute >= -(CURRENT_TIMESTAMP, 10800000:INTERVAL HOUR), "
            + "minute < -(CURRENT_TIMESTAMP, 3600000:INTERVAL HOUR)]")
        .doesNotContain("lookbackWindow");
  }

  @Test void wholeMinuteRangeBecomesStartAndEndDateWithoutResidual() throws SQLException {
    String plan = session.explain("SELECT campaign_id, SUM(clicks) FROM mpo_realtime "
        + "WHERE minute >= TIMESTAMP '2026-01-09 08:00:00' "
        + "AND minute < TIMESTAMP '2026-01-09 09:30:00' GROUP BY campaign_id");
    assertThat(plan)
        .contains("startDate/endDate=[minute >= 2026-01-09T08:00, minute < 2026-01-09T09:30]")
        .contains("dimensions=[CampaignId]")
        .doesNotContain("$condition");
  }

  @Test void wholeHourBetweenBecomesStartAndEndDate() throws SQLException {
    assertThat(session.explain("SELECT seller_id, clicks FROM mpo_realtime "
        + "WHERE hour BETWEEN TIMESTAMP '2026-01-09 08:00:00' AND TIMESTAMP '2026-01-09 10:00:00'"))
        .contains("startDate/endDate=[hour >= 2026-01-09T08:00, hour <= 2026-01-09T10:00]")
        .contains("dimensions=[SellerId]")
        .doesNotContain("$condition");
  }

  @Test void boundInsideABucketNarrowsTheRequestAndStaysResidual() throws SQLException {
    assertThat(session.explain("SELECT hour, clicks FROM mpo_realtime "
        + "WHERE hour >= TIMESTAMP '2026-01-09 08:30:00'"))
        .contains("startDate/endDate=[hour >= 2026-01-09T08:30]")
        .contains("dimensions=[Hour]")
        .contains("$condition");
  }

  @Test void noTimeFilterIsShownAsTheDefaultLookbackWindow() throws SQLException {
    assertThat(session.explain("SELECT clicks FROM mpo_realtime WHERE advertiser_id = '10001'"))
        .contains("lookbackWindow=60 (no filter on minute or hour)");
  }

  @Test void requestShowsTimezoneAndFileFormat() throws SQLException {
    assertThat(session.explain("SELECT clicks FROM mpo_realtime"))
        .contains("timezone=UTC")
        .contains("fileFormat=Csv");
  }

  @Test void filterOnAnotherColumnStaysInCalcite() throws SQLException {
    assertThat(session.explain("SELECT product_id, clicks FROM mpo_realtime "
        + "WHERE advertiser_id = '10001' AND product_id LIKE 'SKU-1%'"))
        .contains("dimensions=[ProductId]")
        .contains("LIKE")
        .contains("$condition");
  }

  @Test void limitWithoutOrderIsPushedIntoTheScan() throws SQLException {
    assertThat(session.explain("SELECT campaign_id FROM mpo_realtime LIMIT 5"))
        .contains("fetch=[5]");
  }
}
