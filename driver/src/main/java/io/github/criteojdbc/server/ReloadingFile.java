package io.github.criteojdbc.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * A configuration file the server reads again when it changes on disk (its time, size or inode),
 * checked at most every {@link #CHECK_INTERVAL}, so an administrator can add a user or revoke a
 * token without a restart. A file that becomes unreadable or invalid keeps its last good contents,
 * with one warning naming the setting and what is wrong (the readers' messages name lines, never
 * their contents).
 */
final class ReloadingFile<T> implements Supplier<T> {
  static final Duration CHECK_INTERVAL = Duration.ofSeconds(2);

  private static final Logger LOG = Logger.getLogger(ReloadingFile.class.getName());

  private final Path file;
  private final String setting;
  private final Parser<T> parser;
  private final Clock clock;
  private final Duration checkInterval;
  private volatile T current;
  private volatile Instant nextCheck;
  private Optional<Stamp> lastSeen;

  /** Reads {@code file} now, failing as {@code parser} does: a server does not start on a bad file. */
  ReloadingFile(Path file, String setting, Parser<T> parser, Clock clock, Duration checkInterval)
      throws SQLException {
    this.file = file;
    this.setting = setting;
    this.parser = parser;
    this.clock = clock;
    this.checkInterval = checkInterval;
    this.lastSeen = stamp();
    this.current = parser.read(file);
    this.nextCheck = clock.instant().plus(checkInterval);
  }

  /** {@code file}'s contents, kept up to date; {@code absent} when the setting is not set. */
  static <T> Supplier<T> of(Optional<Path> file, String setting, Parser<T> parser, T absent) throws SQLException {
    if (file.isEmpty()) {
      return () -> absent;
    }
    return new ReloadingFile<>(file.get(), setting, parser, Clock.systemUTC(), CHECK_INTERVAL);
  }

  @Override public T get() {
    Instant now = clock.instant();
    if (!now.isBefore(nextCheck)) {
      synchronized (this) {
        if (!now.isBefore(nextCheck)) {
          nextCheck = now.plus(checkInterval);
          reloadIfChanged();
        }
      }
    }
    return current;
  }

  private void reloadIfChanged() {
    Optional<Stamp> stamp = stamp();
    if (stamp.equals(lastSeen)) {
      return;
    }
    lastSeen = stamp;
    if (stamp.isEmpty()) {
      LOG.warning(() -> "Cannot read " + file + " (" + setting + ") any more; keeping its last good contents");
      return;
    }
    try {
      current = parser.read(file);
      LOG.info(() -> "Read " + file + " (" + setting + ") again, as it changed");
    } catch (SQLException e) {
      LOG.warning(() -> "Keeping the last good contents of " + setting + ", as the file changed and is not valid: "
          + e.getMessage());
    }
  }

  private Optional<Stamp> stamp() {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return Optional.of(new Stamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** What tells one version of the file from the next; an editor that renames a new file changes the key. */
  private record Stamp(FileTime modified, long size, Object key) {
  }

  /** Reads one of the server's files, failing with SQLState HY024 and what is wrong. */
  interface Parser<T> {
    T read(Path file) throws SQLException;
  }
}
