package io.github.criteojdbc.driver.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code target/criteo-sql}: the shell through the launcher that keeps a class-data archive in the
 * user's cache folder, made on first use and mapped on the next ones.
 */
class LauncherIT {
  private static final Path LAUNCHER = ShadedJar.PATH.resolveSibling("criteo-sql");
  private static final String QUERY = "SELECT campaign_id, SUM(clicks) AS clicks FROM statistics"
      + " WHERE day >= CURRENT_DATE - INTERVAL '7' DAY GROUP BY campaign_id";

  @TempDir Path home;

  @Test
  void theFirstRunLeavesAnArchiveAndTheNextPrintsTheSameRows() throws Exception {
    StandaloneJarIT.Run first = launch("-e", QUERY);
    StandaloneJarIT.Run next = launch("-e", QUERY);

    assertThat(first.exitCode).as(first.stderr).isZero();
    assertThat(archives()).hasSize(1);
    assertThat(next.exitCode).as(next.stderr).isZero();
    assertThat(next.stdout).isEqualTo(first.stdout).contains("| campaign_id | clicks |");
  }

  @Test
  void theNextRunLoadsTheShellFromTheArchive() throws Exception {
    launch("-e", QUERY);
    Path classLog = home.resolve("classes.log");

    launch(Map.of("CRITEO_SQL_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog), "-e", QUERY);

    assertThat(Files.readString(classLog))
        .contains("io.github.criteojdbc.driver.shell.CriteoShell source: shared objects file (top)");
  }

  @Test
  void nothingAboutTheArchiveReachesTheShellsOutput() throws Exception {
    StandaloneJarIT.Run first = launch("-e", QUERY);
    StandaloneJarIT.Run next = launch("-e", QUERY);

    assertThat(first.stdout + first.stderr + next.stdout + next.stderr)
        .doesNotContainIgnoringCase("cds").doesNotContainIgnoringCase("archive").doesNotContain("[warning]");
  }

  @Test
  void aDamagedArchiveIsIgnoredSilently() throws Exception {
    StandaloneJarIT.Run first = launch("-e", QUERY);
    Files.write(archives().get(0), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

    StandaloneJarIT.Run next = launch("-e", QUERY);

    assertThat(next.exitCode).as(next.stderr).isZero();
    assertThat(next.stdout).isEqualTo(first.stdout);
    assertThat(next.stderr).doesNotContain("[warning]").doesNotContainIgnoringCase("archive");
  }

  @Test
  void aCacheFolderThatCannotBeWrittenLeavesTheShellAsJavaJar() throws Exception {
    Path classData = cache().resolve("criteo-jdbc").resolve("class-data");
    Files.createDirectories(classData.getParent());
    Files.writeString(classData, "a file where the archive folder would go");

    StandaloneJarIT.Run run = launch("-e", QUERY);

    assertThat(run.exitCode).as(run.stderr).isZero();
    assertThat(run.stdout).contains("| campaign_id | clicks |");
    assertThat(run.stderr).doesNotContain("[warning]").doesNotContain("mkdir").doesNotContainIgnoringCase("archive");
  }

  @Test
  void theStatusOfAFailedStatementIsKept() throws Exception {
    StandaloneJarIT.Run run = launch("-e", "SELECT no_such_column FROM statistics");

    assertThat(run.exitCode).isNotZero();
    assertThat(run.stdout + run.stderr).contains("Column 'no_such_column' not found");
  }

  private Path cache() {
    return home.resolve("cache");
  }

  private List<Path> archives() throws IOException {
    try (Stream<Path> files = Files.list(cache().resolve("criteo-jdbc").resolve("class-data"))) {
      return files.filter(file -> file.getFileName().toString().endsWith(".jsa")).toList();
    }
  }

  private StandaloneJarIT.Run launch(String... args) throws Exception {
    return launch(Map.of(), args);
  }

  private StandaloneJarIT.Run launch(Map<String, String> environment, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    Map<String, String> withCache = new HashMap<>(environment);
    withCache.put("HOME", home.toString());
    withCache.put("XDG_CACHE_HOME", cache().toString());
    withCache.put("JAVA_HOME", System.getProperty("java.home"));
    return StandaloneJarIT.Run.of(command, withCache);
  }
}
