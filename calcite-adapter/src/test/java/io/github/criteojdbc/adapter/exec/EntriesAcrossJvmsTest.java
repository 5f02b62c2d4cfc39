package io.github.criteojdbc.adapter.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The disk tier shared by JVMs that write the same entry at once, or that die while writing:
 * every hit is one whole entry as one JVM wrote it, never a mixture or a truncated copy.
 */
class EntriesAcrossJvmsTest {
  private static final int ROWS = 200_000;

  @TempDir Path cacheDir;

  private Process writer(String name, long writes, int rows) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        EntryWriterProcess.class.getName(), cacheDir.toString(), name, Long.toString(writes),
        Integer.toString(rows))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  private Optional<ReportCache.Entry> readInANewJvm() throws IOException {
    return new ReportCache(Long.MAX_VALUE / 2, Clock.systemUTC(),
        DiskReportStore.open(cacheDir, Long.MAX_VALUE, Clock.systemUTC())).get(EntryWriterProcess.key());
  }

  /** The rows of one write of one writer: the same writer and generation in every row. */
  private static void assertWhole(ReportCache.Entry entry, int rows) {
    Object[] first = entry.rows().get(0);
    String writer = ((String) first[0]).substring(0, 1);
    long generation = (Long) first[1];
    assertThat(entry.rows()).hasSize(rows);
    for (int i = 0; i < rows; i++) {
      assertThat(entry.rows().get(i)).containsExactly(writer + "-" + i, generation,
          BigDecimal.valueOf(generation, 2));
    }
  }

  @Test
  void twoJvmsWritingTheSameEntryLeaveOneWholeEntryAndReadersOnlySeeWholeOnes() throws Exception {
    int rows = 5_000;
    Process a = writer("A", 10, rows);
    Process b = writer("B", 10, rows);
    List<String> seen = new ArrayList<>();
    while (a.isAlive() || b.isAlive()) {
      Optional<ReportCache.Entry> entry = readInANewJvm();
      entry.ifPresent(hit -> {
        assertWhole(hit, rows);
        seen.add(((String) hit.rows().get(0)[0]).substring(0, 1));
      });
    }
    assertThat(a.exitValue()).isZero();
    assertThat(b.exitValue()).isZero();

    assertWhole(readInANewJvm().orElseThrow(), rows);
    assertThat(seen).as("hits read while both wrote").isNotEmpty();
    try (Stream<Path> files = Files.walk(cacheDir)) {
      assertThat(files.filter(file -> file.toString().endsWith(".tmp"))).isEmpty();
    }
  }

  @Test
  void aJvmKilledWhileWritingLeavesTheEntryItHadOrNone() throws Exception {
    killWhileWriting();

    readInANewJvm().ifPresent(entry -> assertWhole(entry, ROWS));
  }

  @Test
  void theTemporaryFileOfAKilledWriterIsDeletedByALaterSweep() throws Exception {
    Path temporary = leftByAWriter(Instant.now().minus(Duration.ofHours(1)));

    DiskReportStore.open(cacheDir, Long.MAX_VALUE, Clock.systemUTC()).evictBeyondBound();

    assertThat(temporary).doesNotExist();
  }

  @Test
  void aRecentTemporaryFileIsLeftToTheWriterStillWritingIt() throws Exception {
    Path temporary = leftByAWriter(Instant.now().minus(Duration.ofSeconds(30)));

    DiskReportStore.open(cacheDir, Long.MAX_VALUE, Clock.systemUTC()).evictBeyondBound();

    assertThat(temporary).exists();
  }

  /** A temporary file as the store names them, last written at {@code when}. */
  private Path leftByAWriter(Instant when) throws IOException {
    Path folder = DiskReportStore.open(cacheDir, Long.MAX_VALUE, Clock.systemUTC()).folder()
        .resolve(ReportFileNames.applicationFolder(EntryWriterProcess.APPLICATION));
    Files.createDirectories(folder);
    Path temporary = Files.write(folder.resolve(".1234567890.tmp"), new byte[4096]);
    Files.setLastModifiedTime(temporary, FileTime.from(when));
    return temporary;
  }

  /**
   * Kills a writer as soon as it is seen writing; the kill can come just after that write ended,
   * so it is tried again until the kill leaves a write unfinished.
   *
   * @return the file of the unfinished write
   */
  private Path killWhileWriting() throws IOException, InterruptedException {
    for (int attempt = 0; attempt < 5; attempt++) {
      Process writer = writer("K", Long.MAX_VALUE, ROWS);
      Path temporary = awaitWriteInProgress(writer);
      writer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      if (Files.exists(temporary)) {
        return temporary;
      }
    }
    throw new AssertionError("no kill came while a write was under way");
  }

  /** A temporary entry file with bytes in it while the writer is alive: a write under way. */
  private Path awaitWriteInProgress(Process writer) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline) && writer.isAlive()) {
      Path root = cacheDir.resolve(DiskReportStore.FOLDER);
      if (Files.isDirectory(root)) {
        try (Stream<Path> files = Files.walk(root)) {
          Optional<Path> writing = files.filter(file -> file.getFileName().toString().endsWith(".tmp")
              && !file.getFileName().toString().startsWith(".owner-") && size(file) > 0).findFirst();
          if (writing.isPresent()) {
            return writing.get();
          }
        }
      }
      Thread.sleep(5);
    }
    throw new AssertionError("the writer never started writing an entry");
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
