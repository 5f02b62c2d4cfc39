package io.github.criteojdbc.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.sandbox.data.Hashing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A 10-million-row report streams through {@code ResultSet} in a JVM limited to 256 MiB of heap, and every row
 * arrives: the count, the sum of the ids and the sum of the clicks match what the sandbox generated.
 */
class TenMillionRowsTest extends FreshSandboxTest {
  private static final long ROWS = 10_000_000L;
  private static final int CLICKS_METRIC_POSITION = 0;

  @Override
  protected String application() {
    return "volume-app";
  }

  @Test
  void tenMillionRowsStreamThroughAResultSetIn256MibOfHeap() throws Exception {
    target.faults().syntheticOutputRows(ROWS);
    String sql = "SELECT campaign_id, clicks FROM statistics WHERE day = DATE '" + AnchorTest.FIRST + "'";

    Map<String, String> figures = runForked(sql);

    assertThat(figures).containsEntry("rows", String.valueOf(ROWS))
        .containsEntry("idSum", String.valueOf(ROWS * (ROWS + 1) / 2))
        .containsEntry("countSum", String.valueOf(expectedClicksSum()))
        .containsEntry("consecutive", "true")
        .containsEntry("maxHeapMiB", "256");
    ReliabilityFigures.queries(1);
    ReliabilityFigures.rowsChecked(ROWS);
    ReliabilityFigures.measure("10M-row report in a forked -Xmx256m JVM", ROWS + " rows in " + figures.get("seconds")
        + " s, peak heap used " + figures.get("peakHeapMiB") + " MiB of " + figures.get("maxHeapMiB")
        + " MiB; count, id sum and clicks sum checked");
  }

  /** What the sandbox's synthetic output puts in the Clicks column, summed over every row. */
  private static long expectedClicksSum() {
    long sum = 0;
    for (long row = 0; row < ROWS; row++) {
      sum += Math.floorMod(Hashing.seed(row, CLICKS_METRIC_POSITION), 100_000L);
    }
    return sum;
  }

  private Map<String, String> runForked(String sql) throws IOException, InterruptedException {
    Path classes = Path.of(StreamedRowCheck.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    Path outputFile = Files.createTempFile("streamed-row-check", ".txt");
    Process process = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-Dcriteo.jdbc.jar=" + ShadedDriver.JAR.toAbsolutePath(),
        "-cp", classes.toString(), StreamedRowCheck.class.getName(),
        target.url("pollIntervalSeconds=0.05"), target.sandbox().clientId(), SandboxTarget.CLIENT_SECRET, sql))
        .redirectErrorStream(true)
        .redirectOutput(outputFile.toFile())
        .start();
    String output;
    try {
      boolean finished = process.waitFor(8, TimeUnit.MINUTES);
      output = Files.readString(outputFile);
      assertThat(finished).as("forked reader finished in time; output: " + output).isTrue();
    } finally {
      process.destroyForcibly();
      Files.deleteIfExists(outputFile);
    }
    assertThat(process.exitValue()).as("forked reader exit; output: " + output).isZero();
    String lastLine = output.strip().lines().reduce((first, second) -> second).orElse("");
    Map<String, String> figures = new LinkedHashMap<>();
    for (String pair : lastLine.split(" ")) {
      String[] keyValue = pair.split("=", 2);
      figures.put(keyValue[0], keyValue.length > 1 ? keyValue[1] : "");
    }
    return figures;
  }
}
