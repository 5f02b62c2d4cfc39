package io.github.criteojdbc.adapter.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.criteojdbc.client.ColumnRequest;
import io.github.criteojdbc.client.RowShape;
import io.github.criteojdbc.client.StatisticsReportRequest;
import io.github.criteojdbc.client.ValueType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

class DiskReportStoreTest {
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  private static final String APPLICATION = "client@https://api.example API preview";
  private static final RowShape SHAPE = new RowShape(List.of(
      new ColumnRequest("CampaignId", ValueType.STRING, true),
      new ColumnRequest("Day", ValueType.DATE, true),
      new ColumnRequest("Hour", ValueType.TIMESTAMP, true),
      new ColumnRequest("Clicks", ValueType.LONG, true),
      new ColumnRequest("Year", ValueType.INTEGER, true),
      new ColumnRequest("AdvertiserCost", ValueType.DECIMAL, true),
      new ColumnRequest("Ctr", ValueType.DOUBLE, true),
      new ColumnRequest("Active", ValueType.BOOLEAN, false)));

  @TempDir Path cacheDir;
  private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  private static StatisticsReportRequest request(LocalDate day) {
    return StatisticsReportRequest.builder().advertiserIds("10001").startDate(day).endDate(day)
        .dimensions("CampaignId", "Day").metrics("Clicks").timezone("Europe/Paris").currency("EUR").build();
  }

  private static ReportCache.Key key(LocalDate day) {
    return new ReportCache.Key(APPLICATION, request(day), SHAPE);
  }

  private static List<Object[]> rowsOfEveryType() {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {"1001", 20_412, 1_763_600_400_000L, 12L, 2026, new BigDecimal("12.50"),
        0.1 + 0.2, true});
    rows.add(new Object[] {"é ✓ 1002", -3, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE,
        new BigDecimal("-0.000001230"), Double.MIN_VALUE, false});
    rows.add(new Object[] {null, null, null, null, null, null, null, null});
    rows.add(new Object[] {"", 0, 0L, 0L, 0, new BigDecimal("1E+3"), -0.0, null});
    return rows;
  }

  private ReportCache cache(long maxBytes) throws IOException {
    return new ReportCache(1_000_000, clock, DiskReportStore.open(cacheDir, maxBytes, clock));
  }

  /** A cache of the same folder that has nothing in memory: what the next JVM sees. */
  private ReportCache nextJvm() throws IOException {
    return cache(Long.MAX_VALUE);
  }

  private Path entryFile(ReportCache.Key key) {
    return cacheDir.resolve(DiskReportStore.FOLDER).resolve(ReportFileNames.applicationFolder(APPLICATION))
        .resolve(ReportFileNames.entryFile(key.text().orElseThrow()));
  }

  @Test
  void everyValueTypeComesBackWithItsJavaClassAndExactValue() throws IOException {
    List<Object[]> rows = rowsOfEveryType();
    cache(Long.MAX_VALUE).put(key(LocalDate.of(2026, 11, 1)), rows, "EUR", Duration.ofHours(1));

    ReportCache.Entry read = nextJvm().get(key(LocalDate.of(2026, 11, 1))).orElseThrow();

    assertThat(read.complete()).isTrue();
    assertThat(read.currency()).isEqualTo("EUR");
    assertThat(read.rows()).hasSize(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < rows.get(r).length; c++) {
        Object expected = rows.get(r)[c];
        Object actual = read.rows().get(r)[c];
        assertThat(actual).isEqualTo(expected);
        if (expected != null) {
          assertThat(actual).isExactlyInstanceOf(expected.getClass());
        }
      }
    }
    assertThat(((BigDecimal) read.rows().get(0)[5]).scale()).isEqualTo(2);
    assertThat(Double.doubleToRawLongBits((Double) read.rows().get(3)[6]))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
  }

  @Test
  void anEmptyReportIsAnEntryWithNoRows() throws IOException {
    cache(Long.MAX_VALUE).put(key(LocalDate.of(2026, 11, 1)), List.of(), null, Duration.ofHours(1));

    assertThat(nextJvm().get(key(LocalDate.of(2026, 11, 1))).orElseThrow().rows()).isEmpty();
  }

  @Test
  void theFirstRowsOfAReportComeBackAsIncomplete() throws IOException {
    cache(Long.MAX_VALUE).putPrefix(key(LocalDate.of(2026, 11, 1)), rowsOfEveryType().subList(0, 2), "EUR",
        Duration.ofHours(1));

    ReportCache.Entry read = nextJvm().get(key(LocalDate.of(2026, 11, 1))).orElseThrow();
    assertThat(read.complete()).isFalse();
    assertThat(read.rows()).hasSize(2);
  }

  @Test
  void aTruncatedFileIsAMissAndIsDeleted() throws IOException {
    ReportCache.Key key = key(LocalDate.of(2026, 11, 1));
    cache(Long.MAX_VALUE).put(key, rowsOfEveryType(), "EUR", Duration.ofHours(1));
    Path file = entryFile(key);
    byte[] bytes = Files.readAllBytes(file);
    for (int length : new int[] {0, 5, 12, bytes.length / 2, bytes.length - 1}) {
      Files.write(file, Arrays.copyOf(bytes, length));
      assertThat(nextJvm().get(key)).as("first %d bytes", length).isEmpty();
    }
    assertThat(file).doesNotExist();
  }

  @Test
  void aFileWithAnyFlippedByteIsAMiss() throws IOException {
    ReportCache.Key key = key(LocalDate.of(2026, 11, 1));
    cache(Long.MAX_VALUE).put(key, rowsOfEveryType(), "EUR", Duration.ofHours(1));
    Path file = entryFile(key);
    byte[] intact = Files.readAllBytes(file);
    for (int position = 0; position < intact.length; position++) {
      byte[] corrupt = intact.clone();
      corrupt[position] ^= 0x10;
      Files.write(file, corrupt);
      assertThat(nextJvm().get(key)).as("byte %d flipped", position).isEmpty();
    }
  }

  @Test
  void garbageUnderAnEntrysNameIsAMiss() throws IOException {
    ReportCache.Key key = key(LocalDate.of(2026, 11, 1));
    Path file = entryFile(key);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"rows\":[[\"1001\",1]]}");

    assertThat(nextJvm().get(key)).isEmpty();
  }

  @Test
  void anIntactEntryOfAnotherKeyUnderTheNameOfThisOneIsAMiss() throws IOException {
    ReportCache.Key stored = key(LocalDate.of(2026, 11, 1));
    ReportCache.Key wanted = key(LocalDate.of(2026, 11, 2));
    cache(Long.MAX_VALUE).put(stored, rowsOfEveryType(), "EUR", Duration.ofHours(1));
    Files.move(entryFile(stored), entryFile(wanted));

    assertThat(nextJvm().get(wanted)).isEmpty();
    assertThat(entryFile(wanted)).exists();
  }

  @Test
  void valuesOfAnotherTypeThanTheKeysColumnsAreAMiss() throws IOException {
    ReportCache.Key key = key(LocalDate.of(2026, 11, 1));
    List<Object[]> rows = rowsOfEveryType();
    rows.forEach(row -> row[3] = row[3] == null ? null : ((Number) row[3]).intValue());
    cache(Long.MAX_VALUE).put(key, rows, "EUR", Duration.ofHours(1));

    assertThat(nextJvm().get(key)).isEmpty();
  }

  @Test
  void anExpiredEntryIsAMissAndIsDeleted() throws IOException {
    ReportCache.Key key = key(LocalDate.of(2026, 11, 1));
    cache(Long.MAX_VALUE).put(key, rowsOfEveryType(), "EUR", Duration.ofMinutes(15));
    clock = Clock.fixed(NOW.plus(Duration.ofMinutes(15)), ZoneOffset.UTC);

    assertThat(nextJvm().get(key)).isEmpty();
    assertThat(entryFile(key)).doesNotExist();
  }

  @Test
  void aKeyWithoutRowShapeStaysInMemory() throws IOException {
    ReportCache.Key key = new ReportCache.Key(APPLICATION, request(LocalDate.of(2026, 11, 1)));
    ReportCache cache = cache(Long.MAX_VALUE);
    cache.put(key, rowsOfEveryType(), "EUR", Duration.ofHours(1));

    assertThat(cache.get(key)).isPresent();
    assertThat(nextJvm().get(key)).isEmpty();
  }

  @Test
  void theLeastRecentlyUsedEntriesAreEvictedBeyondTheBound() throws IOException {
    ReportCache writer = cache(Long.MAX_VALUE);
    List<ReportCache.Key> keys = new ArrayList<>();
    for (int day = 1; day <= 4; day++) {
      ReportCache.Key key = key(LocalDate.of(2026, 11, day));
      keys.add(key);
      writer.put(key, rowsOfEveryType(), "EUR", Duration.ofHours(1));
      Files.setLastModifiedTime(entryFile(key), FileTime.from(NOW.minus(Duration.ofMinutes(10 - day))));
    }
    long entrySize = Files.size(entryFile(keys.get(0)));
    nextJvm().get(keys.get(0));

    cache(entrySize * 3).put(key(LocalDate.of(2026, 11, 5)), rowsOfEveryType(), "EUR", Duration.ofHours(1));

    assertThat(entryFile(keys.get(0))).as("read last, so kept").exists();
    assertThat(entryFile(keys.get(1))).doesNotExist();
    assertThat(entryFile(keys.get(2))).doesNotExist();
    assertThat(entryFile(keys.get(3))).exists();
    assertThat(entryFile(key(LocalDate.of(2026, 11, 5)))).exists();
  }

  @Test
  void anEntryLargerThanTheWholeBoundIsNotWritten() throws IOException {
    ReportCache.Key key = key(LocalDate.of(2026, 11, 1));
    cache(64).put(key, rowsOfEveryType(), "EUR", Duration.ofHours(1));

    assertThat(entryFile(key)).doesNotExist();
    try (Stream<Path> files = Files.walk(cacheDir)) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }

  /**
   * A write that fails (here the entry's folder cannot be made; a full disk fails the same write
   * with an IOException further on) keeps the report in memory and leaves no file.
   */
  @Test
  void aFailedWriteKeepsTheReportInMemoryOnly() throws IOException {
    ReportCache.Key key = key(LocalDate.of(2026, 11, 1));
    ReportCache cache = cache(Long.MAX_VALUE);
    Files.writeString(entryFile(key).getParent(), "not a folder");

    cache.put(key, rowsOfEveryType(), "EUR", Duration.ofHours(1));

    assertThat(cache.get(key)).isPresent();
    assertThat(nextJvm().get(key)).isEmpty();
    try (Stream<Path> files = Files.list(cacheDir.resolve(DiskReportStore.FOLDER))) {
      assertThat(files).containsExactly(entryFile(key).getParent());
    }
  }

  @Test
  void filesAreReadableByTheirUserOnly() throws IOException {
    ReportCache.Key key = key(LocalDate.of(2026, 11, 1));
    cache(Long.MAX_VALUE).put(key, rowsOfEveryType(), "EUR", Duration.ofHours(1));

    assertThat(Files.getPosixFilePermissions(entryFile(key)))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(entryFile(key).getParent()))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(Files.getPosixFilePermissions(cacheDir.resolve(DiskReportStore.FOLDER)))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
  }

  /**
   * The test cannot make a folder of another user unless it runs as root, so it tells the store
   * that the process is another user than the one who owns the folder.
   */
  @Test
  void aFolderOfAnotherUserIsRefused() throws IOException {
    UserPrincipal someoneElse = otherPrincipal(Files.getOwner(cacheDir));

    assertThatThrownBy(() -> DiskReportStore.open(cacheDir, Long.MAX_VALUE, clock, someoneElse))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("belongs to " + Files.getOwner(cacheDir).getName());
  }

  private static UserPrincipal otherPrincipal(UserPrincipal owner) throws IOException {
    for (String name : List.of("nobody", "daemon", "root")) {
      try {
        UserPrincipal candidate = FileSystems.getDefault().getUserPrincipalLookupService()
            .lookupPrincipalByName(name);
        if (!candidate.equals(owner)) {
          return candidate;
        }
      } catch (IOException notOnThisSystem) {
        continue;
      }
    }
    throw new IOException("no other user on this system");
  }

  @Test
  void anUnusableFolderFallsBackToMemoryWithOneWarning() throws IOException {
    Path notAFolder = Files.writeString(cacheDir.resolve("a-file"), "x");
    List<String> warnings = new ArrayList<>();

    ReportCache first = ReportCache.onDisk(notAFolder, Long.MAX_VALUE, warnings::add);
    ReportCache second = ReportCache.onDisk(notAFolder, Long.MAX_VALUE, warnings::add);

    assertThat(first.diskFolder()).isEmpty();
    assertThat(second).isSameAs(first);
    assertThat(warnings).singleElement().asString()
        .contains("cacheDir " + notAFolder, "cached in memory only");
  }

  @Test
  void aCoveringLookupFindsTheCompleteStatisticsReportsOnDisk() throws IOException {
    ReportCache.Key complete = key(LocalDate.of(2026, 11, 1));
    ReportCache writer = cache(Long.MAX_VALUE);
    writer.put(complete, rowsOfEveryType(), "EUR", Duration.ofHours(1));
    writer.putPrefix(key(LocalDate.of(2026, 11, 2)), rowsOfEveryType(), "EUR", Duration.ofHours(1));

    List<ReportCache.CachedReport> reports = nextJvm().completeReports(APPLICATION);

    assertThat(reports).singleElement().satisfies(report -> {
      assertThat(report.request()).isEqualTo(request(LocalDate.of(2026, 11, 1)));
      assertThat(report.entry().rows()).hasSize(rowsOfEveryType().size());
    });
    assertThat(nextJvm().completeReports("other@https://api.example API preview")).isEmpty();
  }

  @Test
  void aStatisticsKeyReadBackFromItsTextIsTheSameKey() {
    ReportCache.Key key = key(LocalDate.of(2026, 11, 1));

    Optional<ReportCache.Key> parsed = ReportKeyText.statisticsKey(key.text().orElseThrow());

    assertThat(parsed).hasValueSatisfying(back -> {
      assertThat(back).isEqualTo(key);
      assertThat(back.text()).isEqualTo(key.text());
    });
  }
}
