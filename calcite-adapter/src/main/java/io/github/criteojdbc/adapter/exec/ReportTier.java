package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.adapter.exec.ReportFileFormat.StoredReport;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A store of reports behind the memory of the {@link ReportCache}, which other processes may share:
 * a folder ({@link DiskReportStore}) or a store of the servers of a team ({@link SharedReportTier}).
 * Entries are named by their full key's {@link ReportFileNames#entryFile file name}; a failure to
 * read or write costs the entry this tier only, never the query.
 */
interface ReportTier {
  /** The intact, unexpired entry of {@code key}. */
  Optional<StoredReport> read(String application, String key);

  /** The intact, unexpired entries of one application that are {@code wanted}, but those named in {@code skipped}. */
  List<StoredReport> readAll(String application, Set<String> skipped, Predicate<StoredReport> wanted);

  /** Keeps the entry, replacing another copy of it. */
  void write(String application, StoredReport report);
}
