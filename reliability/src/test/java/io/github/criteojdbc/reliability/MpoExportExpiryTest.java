package io.github.criteojdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.client.ColumnRequest;
import io.github.criteojdbc.client.CriteoClient;
import io.github.criteojdbc.client.CriteoClientConfig;
import io.github.criteojdbc.client.MpoFileFormat;
import io.github.criteojdbc.client.MpoRealtimeExportRequest;
import io.github.criteojdbc.client.QueryControl;
import io.github.criteojdbc.client.RowShape;
import io.github.criteojdbc.client.RowStream;
import io.github.criteojdbc.client.ValueType;
import io.github.criteojdbc.sandbox.SandboxServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The MPO real-time export has no SQL table on this branch, so its {@code export-alreadyexpired} case is checked on
 * the client the table will use: an export that expires after Done is created once more and gives the same rows
 * as a fault-free export.
 */
class MpoExportExpiryTest extends FreshSandboxTest {
  private static final Instant END = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
  private static final RowShape SHAPE = new RowShape(List.of(new ColumnRequest("CampaignId", ValueType.STRING, true),
      new ColumnRequest("Clicks", ValueType.LONG, true), new ColumnRequest("Displays", ValueType.LONG, true)));

  @Override
  protected String application() {
    return "mpo-app";
  }

  @ParameterizedTest
  @EnumSource(MpoFileFormat.class)
  void anExportThatExpiresAfterDoneIsCreatedOnceMoreAndGivesTheFaultFreeRows(MpoFileFormat format) {
    MpoRealtimeExportRequest request = MpoRealtimeExportRequest.builder()
        .advertiserIds(target.sandbox().data().mpoCampaigns().get(0).advertiserId())
        .dimensions("CampaignId").metrics("Clicks", "Displays")
        .startDate(END.minus(Duration.ofHours(3))).endDate(END).timezone("UTC").fileFormat(format).build();
    List<List<Object>> faultFree;
    try (SandboxTarget reference = SandboxTarget.start("mpo-reference-app")) {
      faultFree = export(reference.sandbox(), request);
    }
    target.faults().expireAfterDone(1);

    List<List<Object>> rows = export(target.sandbox(), request);

    assertThat(faultFree).isNotEmpty();
    assertThat(rows).isEqualTo(faultFree);
    assertThat(target.reportCreations()).as("exports created").isEqualTo(2);
    ReliabilityFigures.faults(1);
    ReliabilityFigures.rowsChecked(rows.size());
  }

  private static List<List<Object>> export(SandboxServer sandbox, MpoRealtimeExportRequest request) {
    CriteoClientConfig config = CriteoClientConfig.builder().baseUrl(sandbox.baseUrl()).clientId(sandbox.clientId())
        .clientSecret(SandboxTarget.CLIENT_SECRET).pollInterval(Duration.ofMillis(50)).maxCallsPerMinute(100_000)
        .build();
    List<List<Object>> rows = new ArrayList<>();
    try (CriteoClient client = CriteoClient.create(config);
         RowStream stream = client.mpoRealtimeExport(request, SHAPE, QueryControl.none())) {
      for (Object[] row = stream.next(); row != null; row = stream.next()) {
        rows.add(Arrays.asList(row));
      }
    }
    return rows;
  }
}
