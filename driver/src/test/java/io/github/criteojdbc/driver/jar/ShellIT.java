package io.github.criteojdbc.driver.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar criteo-jdbc.jar}: the SQL shell on the sandbox. */
class ShellIT {
  private static final String TOP_CAMPAIGNS = "SELECT campaign_id, campaign, SUM(clicks) AS clicks,"
      + " SUM(advertiser_cost) AS cost FROM statistics WHERE day >= CURRENT_DATE - INTERVAL '7' DAY"
      + " GROUP BY campaign_id, campaign ORDER BY clicks DESC";

  @Test
  void runsOneStatementAndPrintsATableWithProgressOnStderr() throws Exception {
    StandaloneJarIT.Run run = shell("-e", TOP_CAMPAIGNS);

    assertThat(run.exitCode).as(run.stderr).isZero();
    assertThat(run.stdout).contains("campaign_id").contains("clicks").contains("+---");
    assertThat(run.stdout.lines().filter(line -> line.startsWith("| ")).count()).isGreaterThan(1);
    assertThat(run.stderr).contains("report").doesNotContain("Exception");
  }

  @Test
  void theNextRunOfAStatementReusesTheReportOfThePreviousOne() throws Exception {
    StandaloneJarIT.Run first = shell("-e", TOP_CAMPAIGNS);
    StandaloneJarIT.Run next = shell("-e", TOP_CAMPAIGNS);

    assertThat(first.stderr).contains("created");
    assertThat(next.exitCode).as(next.stderr).isZero();
    assertThat(next.stderr).doesNotContain("created");
    assertThat(next.stdout).isEqualTo(first.stdout);
  }

  @Test
  void exitsNonZeroWhenTheStatementFails() throws Exception {
    StandaloneJarIT.Run run = shell("-e", "SELECT no_such_column FROM statistics");

    assertThat(run.exitCode).isNotZero();
    assertThat(run.stdout + run.stderr).contains("Column 'no_such_column' not found");
  }

  /** The user's cache folder of these shells, so that no run reads another test run's reports. */
  @TempDir Path userCache;

  private StandaloneJarIT.Run shell(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(ShadedJar.javaCommand(), "-jar",
        ShadedJar.PATH.toString()));
    command.addAll(List.of(args));
    return StandaloneJarIT.Run.of(command, Map.of("XDG_CACHE_HOME", userCache.toString()));
  }
}
