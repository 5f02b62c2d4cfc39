package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.adapter.exec.ReportFileFormat.StoredReport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The report tier of a {@link SharedEntryStore}: entries in the disk tier's format, checked when
 * read in the same way, so that a damaged or foreign entry reads as none.
 */
final class SharedReportTier implements ReportTier {
  private final SharedEntryStore store;
  private final Clock clock;
  /**
   * Entries found unwanted, with their expiry then: the same question is asked before every query that no cached
   * report matches, and an entry is asked again only once written again.
   */
  private final Map<String, Instant> unwanted = new ConcurrentHashMap<>();

  SharedReportTier(SharedEntryStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override public Optional<StoredReport> read(String application, String key) {
    return store.get(ReportFileNames.applicationFolder(application), ReportFileNames.entryFile(key))
        .flatMap(this::unexpired)
        .filter(stored -> stored.key().equals(key));
  }

  @Override public List<StoredReport> readAll(String application, Set<String> skipped,
      Predicate<StoredReport> wanted) {
    String folder = ReportFileNames.applicationFolder(application);
    Map<String, Instant> index = store.index(folder);
    List<String> asked = index.entrySet().stream()
        .filter(entry -> !skipped.contains(entry.getKey()) && !entry.getValue().equals(unwanted.get(entry.getKey())))
        .map(Map.Entry::getKey)
        .toList();
    List<StoredReport> reports = new ArrayList<>();
    for (Map.Entry<String, byte[]> entry : store.getAll(folder, asked).entrySet()) {
      Optional<StoredReport> report = unexpired(entry.getValue());
      if (report.isPresent() && wanted.test(report.get())) {
        reports.add(report.get());
      } else if (report.isPresent()) {
        unwanted.put(entry.getKey(), index.get(entry.getKey()));
      }
    }
    unwanted.values().removeIf(expiry -> !expiry.isAfter(clock.instant()));
    return reports;
  }

  private Optional<StoredReport> unexpired(byte[] bytes) {
    return ReportFileFormat.read(bytes).filter(stored -> stored.expiresAt().isAfter(clock.instant()));
  }

  /** See {@link SharedEntryStore#claim}: whether this server is to fetch the report of {@code key}. */
  boolean claim(String application, String key, Duration ttl) {
    return store.claim(ReportFileNames.applicationFolder(application), ReportFileNames.entryFile(key), ttl);
  }

  void release(String application, String key) {
    store.release(ReportFileNames.applicationFolder(application), ReportFileNames.entryFile(key));
  }

  @Override public void write(String application, StoredReport report) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      if (!ReportFileFormat.write(report, bytes)) {
        return;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = ReportFileNames.entryFile(report.key());
    store.put(ReportFileNames.applicationFolder(application), name, bytes.toByteArray(), report.expiresAt());
  }
}
