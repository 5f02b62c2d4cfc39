package io.github.criteojdbc.benchmarks;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs every benchmark in one go and writes the results as Markdown. Arguments:
 * {@code [--quick] [--only budget] <driver jar> <baseline commit> <baseline driver jar> <output file>}; the
 * baseline is the older driver the API budget is measured beside, and {@code --only budget} (or
 * {@code session}, {@code cold-start}) runs that section alone.
 */
public final class BenchRunner {
  private BenchRunner() {
  }

  public static void main(String[] args) throws Exception {
    List<String> arguments = new ArrayList<>(List.of(args));
    boolean quick = arguments.remove("--quick");
    String only = arguments.size() == 6 && arguments.get(0).equals("--only") ? arguments.get(1) : "";
    if (!only.isEmpty()) {
      arguments.subList(0, 2).clear();
    }
    if (arguments.size() != 4 || !List.of("", "budget", "session", "cold-start").contains(only)) {
      System.err.println("usage: BenchRunner [--quick] [--only budget|session|cold-start] <driver jar>"
          + " <baseline commit> <baseline driver jar> <output file>");
      System.exit(2);
    }
    Path driverJar = Path.of(arguments.get(0));
    BudgetSection budget = new BudgetSection(driverJar, arguments.get(1), Path.of(arguments.get(2)));
    Path output = Path.of(arguments.get(3));
    RunSize size = RunSize.of(quick);
    ProcessSection processes = new ProcessSection(size, driverJar, buildFolder().resolve("cold-start"));
    long started = System.nanoTime();
    if (!only.isEmpty()) {
      String section = only.equals("budget") ? budget.run()
          : only.equals("session") ? new SessionSection().run() : processes.coldStart();
      String report = "# Benchmark results: " + only + " only\n\n"
          + machine("`BenchRunner --only " + only + "`", (System.nanoTime() - started) / 60e9, section);
      Files.writeString(output, report, StandardCharsets.UTF_8);
      System.out.println(report);
      return;
    }
    JmhSection jmh = new JmhSection(size);
    String streaming = jmh.streaming();
    String memory = processes.memory();
    String overhead = jmh.overhead();
    String coldStart = processes.coldStart();
    String apiCalls = new ApiCallSection().run();
    String fanOut = new FanOutSection(size).run();
    String apiBudget = budget.run();
    String session = new SessionSection().run();
    String report = "# Benchmark results\n\n"
        + machine(quick ? "`./bench.sh --quick` (short, indicative only)" : "`./bench.sh` (full)",
            (System.nanoTime() - started) / 60e9, streaming + memory + overhead + coldStart + apiCalls + fanOut
                + apiBudget);
    Files.writeString(output, report, StandardCharsets.UTF_8);
    System.out.println(report);
  }

  /** benchmarks/target, where this code was built: the cold starts' archives and cache folders go there. */
  private static Path buildFolder() throws URISyntaxException {
    return Path.of(BenchRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
  }

  /** The machine table (with the load at the end of the run) followed by the sections. */
  private static String machine(String run, double minutes, String sections) throws IOException {
    return "| | |\n|---|---|\n"
        + "| date | " + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + " |\n"
        + "| run | " + run + String.format(", %.1f min", minutes) + " |\n"
        + "| CPU | " + cpuModel().orElse("unknown") + ", " + Runtime.getRuntime().availableProcessors()
        + " processors available (nproc) |\n"
        + "| memory | " + memTotal().orElse("unknown") + " |\n"
        + "| load average at the end (1, 5, 15 min) | " + loadAverage().orElse("unknown") + " |\n"
        + "| OS | " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch") + " |\n"
        + "| JVM | " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
        + System.getProperty("java.vendor") + ") |\n\n" + sections;
  }

  private static Optional<String> cpuModel() throws IOException {
    return procField("/proc/cpuinfo", "model name");
  }

  private static Optional<String> memTotal() throws IOException {
    return procField("/proc/meminfo", "MemTotal");
  }

  private static Optional<String> loadAverage() throws IOException {
    Path path = Path.of("/proc/loadavg");
    if (!Files.isReadable(path)) {
      return Optional.empty();
    }
    String[] fields = Files.readString(path).split(" ");
    return Optional.of(fields[0] + ", " + fields[1] + ", " + fields[2]);
  }

  private static Optional<String> procField(String file, String key) throws IOException {
    Path path = Path.of(file);
    if (!Files.isReadable(path)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(path);
    return lines.stream().filter(line -> line.startsWith(key)).findFirst()
        .map(line -> line.substring(line.indexOf(':') + 1).strip());
  }
}
