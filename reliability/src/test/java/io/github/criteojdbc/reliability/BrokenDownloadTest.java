package io.github.criteojdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.criteojdbc.sandbox.SandboxFaults;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A download that is cut, malformed or does not match its columns is an error, never a short result. */
class BrokenDownloadTest extends FreshSandboxTest {
  @Override
  protected String application() {
    return "download-app";
  }

  private static final LocalDate FIRST = AnchorTest.FIRST;
  private static final LocalDate LAST = AnchorTest.LAST;

  private void assertFailsInsteadOfAShortResult(Consumer<SandboxFaults> fault, String messagePart) {
    fault.accept(target.faults());
    ReliabilityFigures.faults(1);
    ReliabilityFigures.queries(1);

    assertThatThrownBy(() -> target.rows(ExpectedStatistics.clicksByCampaignHourSql(FIRST, LAST)))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining(messagePart);
    assertThat(ExpectedStatistics.clicksByCampaignHour(target.sandbox().data(), FIRST, LAST)).as("rows the download would have had").hasSizeGreaterThan(100);
  }

  @Test
  void aTruncatedDownloadIsAnError() {
    assertFailsInsteadOfAShortResult(faults -> faults.truncateNextDownloads(1), "download broke off after");
  }

  @Test
  void malformedJsonIsAnError() {
    assertFailsInsteadOfAShortResult(faults -> faults.malformedNextDownloads(1), "is malformed");
  }

  @Test
  void anOutputMissingAColumnIsAnErrorNamingIt() {
    assertFailsInsteadOfAShortResult(faults -> faults.dropColumnFromNextOutputs("Clicks", 1), "Clicks");
  }

  @Test
  void metadataThatDoesNotMatchTheRowsIsAnError() {
    assertFailsInsteadOfAShortResult(faults -> faults.metadataMismatchNext(1), "lacks required column(s) [Clicks]");
  }
}
