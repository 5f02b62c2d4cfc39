package io.github.criteojdbc.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Runs every benchmark in one go and writes the results as Markdown. Arguments:
 * {@code [--quick] <driver jar> <output file>}.
 */
public final class BenchRunner {
  private BenchRunner() {
  }

  public static void main(String[] args) throws Exception {
    boolean quick = args.length == 3 && args[0].equals("--quick");
    if (args.length != (quick ? 3 : 2)) {
      System.err.println("usage: BenchRunner [--quick] <driver jar> <output file>");
      System.exit(2);
    }
    Path driverJar = Path.of(args[quick ? 1 : 0]);
    Path output = Path.of(args[quick ? 2 : 1]);
    RunSize size = RunSize.of(quick);
    long started = System.nanoTime();
    JmhSection jmh = new JmhSection(size);
    ProcessSection processes = new ProcessSection(size, driverJar, driverJar.toAbsolutePath().getParent());
    String streaming = jmh.streaming();
    String memory = processes.memory();
    String overhead = jmh.overhead();
    String coldStart = processes.coldStart();
    String apiCalls = new ApiCallSection().run();
    String fanOut = new FanOutSection(size).run();
    String report = "# Benchmark results\n\n"
        + machine(quick, (System.nanoTime() - started) / 60e9)
        + streaming + memory + overhead + coldStart + apiCalls + fanOut;
    Files.writeString(output, report, StandardCharsets.UTF_8);
    System.out.println(report);
  }

  private static String machine(boolean quick, double minutes) throws IOException {
    return "| | |\n|---|---|\n"
        + "| date | " + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + " |\n"
        + "| run | " + (quick ? "`./bench.sh --quick` (short, indicative only)" : "`./bench.sh` (full)")
        + String.format(", %.1f min", minutes) + " |\n"
        + "| CPU | " + cpuModel().orElse("unknown") + ", " + Runtime.getRuntime().availableProcessors()
        + " processors available (nproc) |\n"
        + "| memory | " + memTotal().orElse("unknown") + " |\n"
        + "| load average at the end (1, 5, 15 min) | " + loadAverage().orElse("unknown") + " |\n"
        + "| OS | " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch") + " |\n"
        + "| JVM | " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
        + System.getProperty("java.vendor") + ") |\n\n";
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
