package io.github.criteojdbc.adapter;

import static io.github.criteojdbc.adapter.TestConnections.SANDBOX;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Every rule the audience performance API checks on a request is checked before any call: each
 * query here fails with a message naming the column and the rule, and the sandbox sees no report
 * call at all.
 */
class AudiencePerformanceRejectionTest {
  private static final LocalDate FIRST = LocalDate.now(ZoneOffset.UTC).minusDays(12);
  private static final LocalDate LAST = FIRST.plusDays(2);
  private static final String ONE_REPORT = "advertiser_id = '10001' AND breakdown = "
      + "'Top30BrandsByClicks'";
  private static final String DATES = "start_date = DATE '" + FIRST + "' AND end_date = DATE '"
      + LAST + "'";

  private TestConnections.Session session;

  @BeforeEach void open() throws SQLException {
    SANDBOX.faults().reset();
    SANDBOX.requestLog().clear();
    session = TestConnections.open();
  }

  @AfterEach void noReportCallWasMade() throws SQLException {
    session.close();
    assertThat(SANDBOX.requestLog().reportCalls()).isZero();
  }

  private AbstractThrowableAssert<?, ? extends Throwable> rejecting(String where) {
    return assertThatThrownBy(() -> {
      try (Statement statement = session.connection.createStatement();
           ResultSet rs = statement.executeQuery(
               "SELECT breakdown_value, clicks FROM audience_performance WHERE " + where)) {
        rs.next();
      }
    }).rootCause().isInstanceOf(QueryRejectedException.class);
  }

  @Test void missingAdvertiserIsRefused() {
    rejecting(DATES)
        .hasMessageContaining("audience_performance needs an advertiser")
        .hasMessageContaining("add WHERE advertiser_id = '...'")
        .hasMessageContaining("advertiserIds connection property");
  }

  @Test void emptyAdvertiserIsRefused() {
    rejecting("advertiser_id = '' AND " + DATES)
        .hasMessageContaining("the filter on advertiser_id names an empty value");
  }

  @Test void unknownBreakdownIsRefusedWithTheSixNames() {
    rejecting("advertiser_id = '10001' AND breakdown = 'Top30Brands' AND " + DATES)
        .hasMessageContaining("breakdown 'Top30Brands' is not one the API knows")
        .hasMessageContaining("Top30BrandsByDisplays, Top30BrandsByClicks, Top30BrandsBySales, "
            + "Top30InterestsByDisplays, Top30InterestsByClicks, Top30InterestsBySales");
  }

  @Test void breakdownIsMatchedWithItsExactSpelling() {
    rejecting("advertiser_id = '10001' AND breakdown = 'top30brandsbyclicks' AND " + DATES)
        .hasMessageContaining("(exact spelling)");
  }

  @Test void startAfterEndIsRefused() {
    rejecting(ONE_REPORT + " AND start_date = DATE '" + LAST + "' AND end_date = DATE '" + FIRST
        + "'")
        .hasMessageContaining("start_date " + LAST + " is after end_date " + FIRST);
  }

  @Test void startMoreThanTwoYearsBackIsRefused() {
    rejecting(ONE_REPORT + " AND start_date = DATE '2020-01-01' AND end_date = DATE '" + LAST + "'")
        .hasMessageContaining("start_date 2020-01-01 is more than 2 years back");
  }

  @Test void startDateWithOnlyAnUpperBoundIsRefused() {
    rejecting(ONE_REPORT + " AND start_date <= DATE '" + FIRST + "'")
        .hasMessageContaining("start_date chooses one day of the report, but its filter allows "
            + "any day up to " + FIRST)
        .hasMessageContaining("use start_date = DATE 'yyyy-MM-dd' (or start_date >= DATE '...')");
  }

  @Test void startDateRangeOfSeveralDaysIsRefused() {
    rejecting(ONE_REPORT + " AND start_date BETWEEN DATE '" + FIRST + "' AND DATE '" + LAST + "'")
        .hasMessageContaining("its filter allows the days from " + FIRST + " to " + LAST);
  }

  @Test void endDateWithOnlyALowerBoundIsRefused() {
    rejecting(ONE_REPORT + " AND end_date > DATE '" + FIRST + "'")
        .hasMessageContaining("end_date chooses one day of the report, but its filter allows any "
            + "day from " + FIRST.plusDays(1))
        .hasMessageContaining("(or end_date <= DATE '...')");
  }

  @Test void startDateListOfSeparateDaysIsRefused() {
    rejecting(ONE_REPORT + " AND start_date IN (DATE '" + FIRST + "', DATE '" + LAST + "')")
        .hasMessageContaining("start_date only chooses the report");
  }

  @Test void filterOnlyColumnComparedToAnotherColumnIsRefused() {
    rejecting(ONE_REPORT + " AND " + DATES + " AND audience_id = breakdown_value")
        .hasMessageContaining("audience_id only chooses the report, so it takes only "
            + "audience_id = '...' or audience_id IN ('...', ...)");
  }

  @Test void negatedSegmentFilterIsRefused() {
    rejecting(ONE_REPORT + " AND " + DATES + " AND segment_id <> '51000111'")
        .hasMessageContaining("segment_id only chooses the report");
  }

  @Test void currencyThatIsNotIsoIsRefused() {
    rejecting(ONE_REPORT + " AND " + DATES + " AND currency = 'EURO'")
        .hasMessageContaining("currency 'EURO' is not an ISO-4217 code");
  }

  @Test void severalCurrenciesAreRefused() {
    rejecting(ONE_REPORT + " AND " + DATES + " AND currency IN ('EUR', 'USD')")
        .hasMessageContaining("a report has one currency");
  }
}
