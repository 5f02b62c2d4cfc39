package io.github.criteojdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Without faults, the suite's queries give the rows the sandbox's raw facts add up to: the baseline of the rest. */
@ExtendWith(ReliabilityFigures.class)
class AnchorTest {
  static final LocalDate FIRST = LocalDate.now(ZoneOffset.UTC).minusDays(20);
  static final LocalDate LAST = FIRST.plusDays(2);

  private static SandboxTarget target;

  @BeforeAll
  static void start() {
    target = SandboxTarget.start("anchor-app");
  }

  @AfterAll
  static void stop() {
    target.close();
  }

  @Test
  void clicksByCampaignEqualTheSandboxFacts() throws Exception {
    List<List<Object>> expected = ExpectedStatistics.clicksByCampaign(target.sandbox().data(), FIRST, LAST);

    assertThat(target.rows(ExpectedStatistics.clicksByCampaignSql(FIRST, LAST))).isNotEmpty().isEqualTo(expected);
    ReliabilityFigures.queries(1);
    ReliabilityFigures.rowsChecked(expected.size());
  }

  @Test
  void clicksByCampaignAndHourEqualTheSandboxFacts() throws Exception {
    List<List<Object>> expected = ExpectedStatistics.clicksByCampaignHour(target.sandbox().data(), FIRST, LAST);

    assertThat(target.rows(ExpectedStatistics.clicksByCampaignHourSql(FIRST, LAST))).isNotEmpty().isEqualTo(expected);
    ReliabilityFigures.queries(1);
    ReliabilityFigures.rowsChecked(expected.size());
  }
}
