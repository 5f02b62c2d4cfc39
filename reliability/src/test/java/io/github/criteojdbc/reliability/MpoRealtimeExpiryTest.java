package io.github.criteojdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An MPO real-time export that expires after it is done ({@code export-alreadyexpired} on download) is created once
 * more, and the SQL query gives exactly the rows the sandbox's raw minute facts add up to (and those of a
 * fault-free sandbox), in both file formats.
 */
class MpoRealtimeExpiryTest extends FreshSandboxTest {
  private static final LocalDateTime END =
      LocalDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.HOURS), ZoneOffset.UTC).minusHours(2);
  private static final String SQL = "SELECT campaign_id, hour, SUM(clicks) AS clicks, SUM(displays) AS displays,"
      + " SUM(cost) AS cost FROM mpo_realtime WHERE advertiser_id = '10001'"
      + " AND hour >= TIMESTAMP '" + END.minusHours(3).toString().replace('T', ' ') + ":00'"
      + " AND hour < TIMESTAMP '" + END.toString().replace('T', ' ') + ":00'"
      + " GROUP BY campaign_id, hour ORDER BY campaign_id, hour";

  @Override
  protected String application() {
    return "mpo-app";
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "json"})
  void anExportThatExpiresAfterDoneIsCreatedOnceMoreAndGivesTheRowsOfTheFacts(String fileFormat) throws Exception {
    List<List<Object>> faultFree;
    try (SandboxTarget reference = SandboxTarget.start("mpo-reference-app")) {
      faultFree = reference.rows(SQL, "fileFormat=" + fileFormat);
    }
    target.faults().expireAfterDone(1);

    List<List<Object>> rows = target.rows(SQL, "fileFormat=" + fileFormat);

    List<List<String>> expected = ExpectedRows.mpo(target.sandbox(), "10001", END.minusHours(3), END,
        fact -> List.of(fact.campaignId(), ExpectedRows.utcHour(fact)),
        List.of(ExpectedRows::clicks, ExpectedRows::displays, ExpectedRows::cost));

    assertThat(expected).isNotEmpty();
    assertThat(ExpectedRows.text(rows)).isEqualTo(expected);
    assertThat(rows).isEqualTo(faultFree);
    assertThat(target.reportCreations()).as("exports created").isEqualTo(2);
    ReliabilityFigures.queries(2);
    ReliabilityFigures.faults(1);
    ReliabilityFigures.rowsChecked(rows.size());
  }
}
