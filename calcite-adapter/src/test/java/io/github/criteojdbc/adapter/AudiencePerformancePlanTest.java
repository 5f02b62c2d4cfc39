package io.github.criteojdbc.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

/**
 * {@code EXPLAIN} of {@code audience_performance} queries shows the reports each scan sends: one
 * per advertiser and breakdown, with every pushed filter in the request.
 */
class AudiencePerformancePlanTest {
  private static final String ALL_BREAKDOWNS = "[Top30BrandsByDisplays, Top30BrandsByClicks, "
      + "Top30BrandsBySales, Top30InterestsByDisplays, Top30InterestsByClicks, "
      + "Top30InterestsBySales]";
  private static TestConnections.Session session;

  @BeforeAll static void open() throws SQLException {
    session = TestConnections.open(s -> s.advertiserIds(List.of("10001", "10002")));
  }

  @AfterAll static void close() throws SQLException {
    session.close();
  }

  @Test void oneAdvertiserAndOneBreakdownIsOneReport() throws SQLException {
    String plan = session.explain("SELECT breakdown_value, clicks FROM audience_performance "
        + "WHERE advertiser_id = '10001' AND breakdown = 'Top30BrandsByClicks'");
    assertThat(plan)
        .contains("async-audience-performance{reports=1 (one per advertiserId and dimension)")
        .contains("advertiserId=[10001]")
        .contains("dimension=[Top30BrandsByClicks]")
        .contains("metrics=[Clicks]")
        .doesNotContain("$condition");
  }

  @Test void breakdownInListFansOutOneReportPerBreakdown() throws SQLException {
    assertThat(session.explain("SELECT breakdown, breakdown_value FROM audience_performance "
        + "WHERE advertiser_id = '10001' "
        + "AND breakdown IN ('Top30BrandsByClicks', 'Top30InterestsBySales')"))
        .contains("reports=2 ")
        .contains("dimension=[Top30BrandsByClicks, Top30InterestsBySales]");
  }

  @Test void noBreakdownFilterFansOutToAllSix() throws SQLException {
    assertThat(session.explain("SELECT breakdown_value FROM audience_performance "
        + "WHERE advertiser_id = '10001'"))
        .contains("reports=6 ")
        .contains("dimension=" + ALL_BREAKDOWNS + " (no breakdown filter)");
  }

  @Test void advertiserInListTimesBreakdownsIsTheNumberOfReports() throws SQLException {
    assertThat(session.explain("SELECT breakdown_value FROM audience_performance "
        + "WHERE advertiser_id IN ('10001', '10003') "
        + "AND breakdown IN ('Top30BrandsByClicks', 'Top30BrandsBySales')"))
        .contains("reports=4 ")
        .contains("advertiserId=[10001, 10003]");
  }

  @Test void withoutAdvertiserFilterTheConnectionPropertyIsUsed() throws SQLException {
    assertThat(session.explain("SELECT breakdown_value FROM audience_performance "
        + "WHERE breakdown = 'Top30BrandsBySales'"))
        .contains("reports=2 ")
        .contains("advertiserId=[10001, 10002] (advertiserIds property)");
  }

  @Test void adSetAudienceAndSegmentFiltersBecomeRequestAttributes() throws SQLException {
    String plan = session.explain("SELECT breakdown_value, displays FROM audience_performance "
        + "WHERE advertiser_id = '10001' AND ad_set_id IN ('10001011', '10001012') "
        + "AND audience_id = '5100011' AND segment_id = '51000111'");
    assertThat(plan)
        .contains("adSetIds=[10001011, 10001012]")
        .contains("audienceIds=[5100011]")
        .contains("segmentsIds=[51000111]")
        .doesNotContain("$condition");
  }

  @Test void startAndEndDateEqualitiesChooseTheDates() throws SQLException {
    assertThat(session.explain("SELECT breakdown_value FROM audience_performance "
        + "WHERE start_date = DATE '2026-01-01' AND end_date = DATE '2026-01-31'"))
        .contains("dates=[start_date = 2026-01-01, end_date = 2026-01-31]")
        .doesNotContain("$condition");
  }

  @Test void startAndEndBoundsChooseTheDates() throws SQLException {
    assertThat(session.explain("SELECT breakdown_value FROM audience_performance "
        + "WHERE start_date >= DATE '2026-01-01' AND end_date <= DATE '2026-01-31'"))
        .contains("dates=[start_date >= 2026-01-01, end_date <= 2026-01-31]")
        .doesNotContain("$condition");
  }

  @Test void relativeStartDateIsEvaluatedWhenTheStatementRuns() throws SQLException {
    assertThat(session.explain("SELECT breakdown_value FROM audience_performance "
        + "WHERE start_date = CURRENT_DATE - INTERVAL '30' DAY"))
        .contains("start_date = -(CURRENT_DATE, 2592000000:INTERVAL DAY)");
  }

  @Test void noDateFilterIsShownAsTheDefaultWindow() throws SQLException {
    assertThat(session.explain("SELECT breakdown_value FROM audience_performance"))
        .contains("dates=(last 7 days)");
  }

  @Test void currencyFilterBecomesTheRequestCurrency() throws SQLException {
    assertThat(session.explain("SELECT revenue FROM audience_performance WHERE currency = 'USD'"))
        .contains("currency=[USD]").contains("metrics=[Revenue]");
  }

  @Test void filterOnTheBreakdownValueStaysInCalcite() throws SQLException {
    assertThat(session.explain("SELECT breakdown_value, clicks FROM audience_performance "
        + "WHERE advertiser_id = '10001' AND breakdown_value LIKE 'Alta%'"))
        .contains("advertiserId=[10001]").contains("LIKE").contains("$condition");
  }

  @Test void selectedMetricsAreTheRequestedMetrics() throws SQLException {
    assertThat(session.explain("SELECT * FROM audience_performance WHERE advertiser_id = '10001'"))
        .contains("metrics=[Clicks, Displays, Visits, Sales, Revenue, CostPerVisit, "
            + "ExposedUsers]");
  }

  @Test void limitWithoutOrderIsPushedIntoTheScan() throws SQLException {
    assertThat(session.explain("SELECT breakdown_value FROM audience_performance LIMIT 5"))
        .contains("fetch=[5]");
  }

  @Test void filterOnAFilterOnlyColumnThatTheRequestCannotTakeIsRefused() {
    assertThatThrownBy(() -> session.explain("SELECT breakdown_value FROM audience_performance "
        + "WHERE advertiser_id = '10001' AND ad_set_id LIKE '1000%'"))
        .rootCause()
        .isInstanceOf(QueryRejectedException.class)
        .hasMessageContaining("ad_set_id only chooses the report")
        .hasMessageContaining("ad_set_id = '...' or ad_set_id IN ('...', ...)");
  }

  @Test void dateFilterOtherThanEqualityOrItsBoundIsRefused() {
    assertThatThrownBy(() -> session.explain("SELECT breakdown_value FROM audience_performance "
        + "WHERE start_date <> DATE '2026-01-01'"))
        .rootCause()
        .isInstanceOf(QueryRejectedException.class)
        .hasMessageContaining("start_date only chooses the report")
        .hasMessageContaining("start_date = DATE 'yyyy-MM-dd' or start_date >= DATE '...'");
  }
}
