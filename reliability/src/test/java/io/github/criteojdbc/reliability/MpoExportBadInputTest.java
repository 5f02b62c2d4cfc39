package io.github.criteojdbc.reliability;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.criteojdbc.client.MpoFileFormat;
import io.github.criteojdbc.client.MpoRealtimeExportRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Until the {@code mpo_realtime} table exists, the MPO export's time rules are refused where the table will build
 * its request, before any call: a look-back outside 60–1440 minutes, and a range that ends before it starts.
 */
class MpoExportBadInputTest {
  private static final Instant NOON = Instant.parse("2026-11-20T12:00:00Z");

  @Test
  void aLookBackWindowBeyondWhatTheApiServesNamesTheAllowedRange() {
    assertThatThrownBy(() -> MpoRealtimeExportRequest.builder().advertiserIds("10001").lookbackWindowMinutes(2880)
        .fileFormat(MpoFileFormat.CSV).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lookbackWindow")
        .hasMessageContaining("60-1440");
  }

  @Test
  void aReversedRangeNamesBothEnds() {
    assertThatThrownBy(() -> MpoRealtimeExportRequest.builder().advertiserIds("10001")
        .startDate(NOON).endDate(NOON.minusSeconds(3600)).fileFormat(MpoFileFormat.CSV).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("startDate")
        .hasMessageContaining("endDate");
  }
}
