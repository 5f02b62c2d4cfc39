package io.github.criteojdbc.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Measurements that need a JVM of their own: memory under a small heap, and the cold start of the jar. */
final class ProcessSection {
  static final String COLD_QUERY = "SELECT campaign_id, SUM(clicks) AS clicks FROM statistics"
      + " WHERE day >= CURRENT_DATE - INTERVAL '7' DAY GROUP BY campaign_id";
  static final double COLD_START_TARGET_S = 1.5;
  static final double LAUNCHER_TARGET_S = 0.8;
  /** The README's first query, as a user runs it again and again. */
  static final String README_QUERY = "SELECT campaign_id, campaign, SUM(clicks) AS clicks, SUM(advertiser_cost) AS cost"
      + " FROM statistics WHERE day >= CURRENT_DATE - INTERVAL '7' DAY GROUP BY campaign_id, campaign"
      + " ORDER BY clicks DESC";
  static final int README_JVMS = 3;
  private static final Pattern REPORT_CREATED = Pattern.compile("report \\S+ created");
  private static final Pattern PROBE_LINE = Pattern.compile("rows=(\\d+) peakHeapMb=([\\d.]+) seconds=([\\d.]+)");

  private final RunSize size;
  private final Path driverJar;
  /** Where the cold starts keep their archive and user cache folders; emptied before and after them. */
  private final Path workDir;
  private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  ProcessSection(RunSize size, Path driverJar, Path workDir) {
    this.size = size;
    this.driverJar = driverJar;
    this.workDir = workDir;
  }

  String memory() throws IOException, InterruptedException {
    List<Double> peaks = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    for (int run = 0; run < size.memoryRuns(); run++) {
      Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
          MemoryProbe.class.getName(), Long.toString(size.memoryRows())).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      Matcher figures = PROBE_LINE.matcher(output);
      if (process.waitFor() != 0 || !figures.find() || Long.parseLong(figures.group(1)) != size.memoryRows()) {
        return "## 2. Memory\n\n**Target missed: streaming " + size.memoryRows() + " rows under -Xmx256m failed:**\n\n```\n"
            + output.strip() + "\n```\n\n";
      }
      peaks.add(Double.parseDouble(figures.group(2)));
      rates.add(size.memoryRows() / 1000.0 / Double.parseDouble(figures.group(3)));
    }
    Figures peak = Figures.of(peaks);
    return "## 2. Memory\n\n"
        + String.format(Locale.ROOT, "%,d rows streamed through the driver with default settings in a JVM started with"
            + " `-Xmx256m` (G1), the used heap sampled every 5 ms; %d runs, min / median / max.%n%n", size.memoryRows(),
            size.memoryRuns())
        + "| figure | value |\n|---|---|\n"
        + "| peak used heap (MB) | " + peak.format("%.0f") + " |\n"
        + "| throughput, whole query (k rows/s) | " + Figures.of(rates).format("%,.0f") + " |\n"
        + "\n**Target flat, runs in -Xmx256m: met** (every run completed with all rows; the peak is bounded by the"
        + " heap, not the row count).\n\n";
  }

  String coldStart() throws IOException, InterruptedException {
    deleteRecursively(workDir);
    Files.createDirectories(workDir);
    Path archive = workDir.resolve("criteo-jdbc.jsa");
    String launcher = driverJar.resolveSibling("criteo-sql").toString();
    List<String> plain = List.of(java, "-jar", driverJar.toString(), "-e", COLD_QUERY);
    List<String> withArchive = List.of(java, "-XX:SharedArchiveFile=" + archive, "-jar", driverJar.toString(), "-e",
        COLD_QUERY);
    List<String> throughLauncher = List.of(launcher, "-e", COLD_QUERY);
    run(List.of(java, "-XX:ArchiveClassesAtExit=" + archive, "-jar", driverJar.toString(), "-e", COLD_QUERY),
        emptyUserCache());
    List<Double> jvmOnly = new ArrayList<>();
    for (int i = 0; i < size.coldStartRuns(); i++) {
      jvmOnly.add(run(List.of(java, "-version"), emptyUserCache())[1]);
    }
    List<Double> firstRow = new ArrayList<>();
    List<Double> exit = new ArrayList<>();
    List<Double> archivedFirstRow = new ArrayList<>();
    List<Double> archivedExit = new ArrayList<>();
    List<Double> firstUseFirstRow = new ArrayList<>();
    List<Double> firstUseExit = new ArrayList<>();
    List<Double> laterUseFirstRow = new ArrayList<>();
    List<Double> laterUseExit = new ArrayList<>();
    for (int i = 0; i < size.coldStartRuns(); i++) {
      double[] times = run(plain, emptyUserCache());
      firstRow.add(times[0]);
      exit.add(times[1]);
      double[] archived = run(withArchive, emptyUserCache());
      archivedFirstRow.add(archived[0]);
      archivedExit.add(archived[1]);
      Path firstUseCache = emptyUserCache();
      double[] firstUse = run(throughLauncher, firstUseCache);
      firstUseFirstRow.add(firstUse[0]);
      firstUseExit.add(firstUse[1]);
      Path laterUseCache = userCacheWithClassData(firstUseCache);
      double[] laterUse = run(throughLauncher, laterUseCache);
      laterUseFirstRow.add(laterUse[0]);
      laterUseExit.add(laterUse[1]);
      deleteRecursively(firstUseCache);
      deleteRecursively(laterUseCache);
    }
    Figures best = Figures.of(archivedFirstRow);
    Figures launched = Figures.of(laterUseFirstRow);
    Path sharedCache = emptyUserCache();
    int created = 0;
    List<Double> reusedFirstRow = new ArrayList<>();
    for (int jvm = 0; jvm < README_JVMS; jvm++) {
      StringBuilder output = new StringBuilder();
      double[] times = run(List.of(java, "-jar", driverJar.toString(), "-e", README_QUERY), sharedCache, output);
      created += (int) REPORT_CREATED.matcher(output).results().count();
      if (jvm > 0) {
        reusedFirstRow.add(times[0]);
      }
    }
    deleteRecursively(workDir);
    return "## 4. Cold start\n\n"
        + "`java -jar driver/target/criteo-jdbc.jar -e \"" + COLD_QUERY + "\"`: a new JVM, a new embedded sandbox"
        + " and an empty user cache folder (nothing cached), one report (the sandbox keeps it `Pending` for one status poll, the driver's sandbox poll"
        + " delay is 50 ms then 75 ms). `driver/target/criteo-sql -e` is the launcher shipped beside the jar: its"
        + " first use makes a class-data archive in the user cache folder as the JVM exits, a later use maps it"
        + " (the same folder with the archive but no report in it). Seconds from process start, "
        + size.coldStartRuns() + " runs, min / median / max.\n\n"
        + "| case | first row printed | process exit |\n|---|---|---|\n"
        + "| plain `java -jar` | " + Figures.of(firstRow).format("%.2f") + " | " + Figures.of(exit).format("%.2f") + " |\n"
        + "| with a hand-made AppCDS archive (`-XX:SharedArchiveFile`) | " + best.format("%.2f") + " | "
        + Figures.of(archivedExit).format("%.2f") + " |\n"
        + "| `criteo-sql`, first use (makes the archive) | " + Figures.of(firstUseFirstRow).format("%.2f") + " | "
        + Figures.of(firstUseExit).format("%.2f") + " |\n"
        + "| `criteo-sql`, later use (maps the archive) | " + launched.format("%.2f") + " | "
        + Figures.of(laterUseExit).format("%.2f") + " |\n"
        + "| `java -version` alone (the JVM's floor) | — | " + Figures.of(jvmOnly).format("%.2f") + " |\n"
        + "| the README query in a new JVM after another ran it (report on disk) | "
        + Figures.of(reusedFirstRow).format("%.2f") + " | — |\n"
        + String.format(Locale.ROOT, "%n**Target ≤ %.1f s to the first row: %.2f s plain (%s), %.2f s with AppCDS (%s).**"
            + "%n%n", COLD_START_TARGET_S, Figures.of(firstRow).median(),
            Figures.of(firstRow).median() <= COLD_START_TARGET_S ? "met" : "missed", best.median(),
            best.median() <= COLD_START_TARGET_S ? "met" : "missed")
        + String.format(Locale.ROOT, "**Target ≤ %.1f s to the first row through the launcher: %.2f s (%s).**%n%n",
            LAUNCHER_TARGET_S, launched.median(), launched.median() <= LAUNCHER_TARGET_S ? "met" : "missed")
        + String.format(Locale.ROOT, "The README query in %d new JVMs one after another, sharing one user cache folder"
            + " (`cache=disk`, the shell's default): **%d report(s) in total (target 1: %s)**.%n%n", README_JVMS, created,
            created == 1 ? "met" : "missed");
  }

  /** A new user cache folder holding only the class-data archive the launcher left in {@code used}. */
  private Path userCacheWithClassData(Path used) throws IOException {
    Path fresh = emptyUserCache();
    Path classData = Path.of("criteo-jdbc", "class-data");
    Path target = Files.createDirectories(fresh.resolve(classData));
    try (Stream<Path> archives = Files.list(used.resolve(classData))) {
      for (Path archive : archives.toList()) {
        Files.copy(archive, target.resolve(archive.getFileName()));
      }
    }
    return fresh;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** A user cache folder of its own, so that a cold run finds no report of another run. */
  private Path emptyUserCache() throws IOException {
    return Files.createTempDirectory(workDir, "user-cache-");
  }

  private double[] run(List<String> command, Path userCache) throws IOException, InterruptedException {
    return run(command, userCache, new StringBuilder());
  }

  /**
   * Runs a command with {@code userCache} as its user cache folder, appending what it prints to
   * {@code output}; returns seconds to the first table row it prints (sqlline prints the row after
   * the second {@code +---} rule) and to its exit.
   */
  private double[] run(List<String> command, Path userCache, StringBuilder output)
      throws IOException, InterruptedException {
    long started = System.nanoTime();
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("XDG_CACHE_HOME", userCache.toString());
    Process process = builder.start();
    double firstRow = Double.NaN;
    int rules = 0;
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        output.append(line).append('\n');
        if (line.startsWith("+-")) {
          rules++;
        } else if (rules == 2 && line.startsWith("|") && Double.isNaN(firstRow)) {
          firstRow = (System.nanoTime() - started) / 1e9;
        }
      }
    }
    int status = process.waitFor();
    double exit = (System.nanoTime() - started) / 1e9;
    if (status != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed with status " + status + ":\n" + output);
    }
    return new double[] {firstRow, exit};
  }
}
