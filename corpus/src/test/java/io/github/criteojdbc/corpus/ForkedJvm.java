package io.github.criteojdbc.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A JVM in another default time zone, on this test's class path, that writes a {@link CorpusSnapshot} of one setting. */
final class ForkedJvm {
  private static final long TIMEOUT_MINUTES = 5;
  private final String zone;
  private final Path snapshot;
  private final Path log;
  private final Process process;

  private ForkedJvm(String zone, Path snapshot, Path log, Process process) {
    this.zone = zone;
    this.snapshot = snapshot;
    this.log = log;
    this.process = process;
  }

  static ForkedJvm start(String zone, String setting, Instant anchor, Path directory) throws IOException {
    String name = zone.replace('/', '_');
    Path snapshot = directory.resolve(name + ".json");
    Path log = directory.resolve(name + ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(List.of(java, "-Duser.timezone=" + zone,
        "-D" + CorpusDates.ANCHOR_PROPERTY + "=" + anchor, "-cp", System.getProperty("java.class.path"),
        CorpusSnapshot.class.getName(), snapshot.toString(), setting))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new ForkedJvm(zone, snapshot, log, process);
  }

  String zone() {
    return zone;
  }

  /** Waits for the snapshot; fails with the JVM's output when it did not write one. */
  Path awaitSnapshot() throws IOException, InterruptedException {
    if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("the " + zone + " JVM did not finish in " + TIMEOUT_MINUTES + " minutes");
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException("the " + zone + " JVM exited with " + process.exitValue() + ":\n"
          + java.nio.file.Files.readString(log));
    }
    return snapshot;
  }
}
