package io.github.criteojdbc.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.sandbox.MovableClock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

class ReloadingFileTest {
  private static final Duration CHECK_INTERVAL = Duration.ofSeconds(2);
  private static final String SECRET = "s3cret-part-of-a-bad-line";

  @TempDir Path dir;
  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final List<LogRecord> warnings = new ArrayList<>();
  private final Logger logger = Logger.getLogger(ReloadingFile.class.getName());
  private final Handler capture = new Handler() {
    @Override public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
        warnings.add(record);
      }
    }

    @Override public void flush() {
    }

    @Override public void close() {
    }
  };
  private Path file;

  @BeforeEach void captureWarnings() {
    logger.addHandler(capture);
    file = dir.resolve("grants");
  }

  @AfterEach void stopCapturing() {
    logger.removeHandler(capture);
  }

  @Test void aChangedFileIsReadAgainOnceTheCheckIntervalHasPassed() throws Exception {
    write("alice: 10001");
    ReloadingFile<AdvertiserGrants> grants = reloading();
    write("alice: 10001\nbob: 10002");

    clock.advance(CHECK_INTERVAL.minusMillis(1));
    assertThat(isGranted(grants, "bob")).isFalse();
    clock.advance(Duration.ofMillis(1));
    assertThat(isGranted(grants, "bob")).isTrue();
  }

  @Test void aFileThatBecomesInvalidKeepsItsLastGoodContentsWithAWarningWithoutTheLine() throws Exception {
    write("alice: 10001");
    ReloadingFile<AdvertiserGrants> grants = reloading();
    write("alice: 10001\n" + SECRET);

    clock.advance(CHECK_INTERVAL);

    assertThat(isGranted(grants, "alice")).isTrue();
    assertThat(warnings).singleElement().satisfies(warning -> assertThat(warning.getMessage())
        .contains("grants.file", "Line 2").doesNotContain(SECRET));
  }

  @Test void anInvalidFileIsWarnedAboutOnceHoweverOftenItIsChecked() throws Exception {
    write("alice: 10001");
    ReloadingFile<AdvertiserGrants> grants = reloading();
    write(SECRET);

    for (int i = 0; i < 3; i++) {
      clock.advance(CHECK_INTERVAL);
      grants.get();
    }

    assertThat(warnings).hasSize(1);
  }

  @Test void aDeletedFileKeepsItsLastGoodContents() throws Exception {
    write("alice: 10001");
    ReloadingFile<AdvertiserGrants> grants = reloading();
    Files.delete(file);

    clock.advance(CHECK_INTERVAL);

    assertThat(isGranted(grants, "alice")).isTrue();
    assertThat(warnings).singleElement().satisfies(warning -> assertThat(warning.getMessage())
        .contains("grants.file", "last good contents"));
  }

  @Test void anInvalidFileThatIsFixedIsReadAgain() throws Exception {
    write("alice: 10001");
    ReloadingFile<AdvertiserGrants> grants = reloading();
    write(SECRET);
    clock.advance(CHECK_INTERVAL);
    grants.get();
    write("bob: 10002");

    clock.advance(CHECK_INTERVAL);

    assertThat(isGranted(grants, "bob")).isTrue();
    assertThat(isGranted(grants, "alice")).isFalse();
  }

  private ReloadingFile<AdvertiserGrants> reloading() throws Exception {
    return new ReloadingFile<>(file, "grants.file", AdvertiserGrants::read, clock, CHECK_INTERVAL);
  }

  /**
   * Writes the file with a modification time one second later than the last, as file systems with
   * coarse times would not tell two writes in the same second apart.
   */
  private void write(String contents) throws Exception {
    FileTime previous = Files.exists(file) ? Files.getLastModifiedTime(file) : FileTime.from(Instant.EPOCH);
    Files.writeString(file, contents);
    Files.setLastModifiedTime(file, FileTime.from(previous.toInstant().plusSeconds(1)));
  }

  private static boolean isGranted(ReloadingFile<AdvertiserGrants> grants, String user) {
    try {
      grants.get().restrict(user);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
