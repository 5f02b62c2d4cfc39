package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.adapter.exec.ReportFileFormat.StoredReport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The disk tier of the report cache: one file per report under {@code <cacheDir>/reports-v1/},
 * readable by its user only, written to a temporary file of the same folder and renamed over the
 * entry at once, so that a reader in any JVM sees a whole entry or none (two JVMs writing the same
 * entry: the last rename wins, both are valid). A file is checked when read. The folder is bounded
 * in bytes; the entries read or written longest ago (file modification time, touched on every
 * hit) are deleted first, by whichever JVM finds it too full.
 */
public final class DiskReportStore implements ReportTier {
  private static final Logger LOG = Logger.getLogger(DiskReportStore.class.getName());
  static final String FOLDER = "reports-v" + ReportFileFormat.VERSION;
  /** A temporary file this old was left by a writer that died; its entry never appeared. */
  private static final Duration ABANDONED_WRITE = Duration.ofMinutes(10);
  private static final String TEMPORARY_SUFFIX = ".tmp";

  private final Path root;
  private final long maxBytes;
  private final Clock clock;
  private final boolean posix;
  private final Map<Path, FileVersion> unwanted = new ConcurrentHashMap<>();

  private DiskReportStore(Path root, long maxBytes, Clock clock, boolean posix) {
    this.root = root;
    this.maxBytes = maxBytes;
    this.clock = clock;
    this.posix = posix;
  }

  /**
   * Opens (creating it when absent) the store under {@code cacheDir}, refusing a folder that is not
   * owned by the user this process creates files as, or that it cannot write.
   */
  public static DiskReportStore open(Path cacheDir, long maxBytes, Clock clock) throws IOException {
    return open(cacheDir, maxBytes, clock, null);
  }

  /** {@code processUser} overrides the owner expected of the folders (tests). */
  static DiskReportStore open(Path cacheDir, long maxBytes, Clock clock, UserPrincipal processUser)
      throws IOException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    Path root = cacheDir.toAbsolutePath().normalize().resolve(FOLDER);
    createPrivateDirectories(root, posix);
    UserPrincipal user = processUser != null ? processUser : fileCreator(root, posix);
    for (Path folder : List.of(root.getParent(), root)) {
      UserPrincipal owner = Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS);
      if (!owner.equals(user)) {
        throw new IOException(folder + " belongs to " + owner.getName() + ", not to "
            + user.getName() + "; cached reports are kept only in a folder of their user");
      }
    }
    if (posix) {
      Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
    }
    return new DiskReportStore(root, maxBytes, clock, posix);
  }

  private static void createPrivateDirectories(Path folder, boolean posix) throws IOException {
    if (Files.isDirectory(folder)) {
      return;
    }
    if (posix) {
      Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(folder);
    }
  }

  /** Whom this process's files belong to: the owner of a file it has just created. */
  private static UserPrincipal fileCreator(Path folder, boolean posix) throws IOException {
    Path probe = Files.createTempFile(folder, ".owner-", TEMPORARY_SUFFIX, privateFile(posix));
    try {
      return Files.getOwner(probe);
    } finally {
      Files.deleteIfExists(probe);
    }
  }

  private static FileAttribute<?>[] privateFile(boolean posix) {
    return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rw-------"))} : new FileAttribute<?>[0];
  }

  /** The folder the entries are in. */
  public Path folder() {
    return root;
  }

  /** The unexpired entry of {@code key}, if its file is there and intact; a hit renews its age. */
  @Override public Optional<StoredReport> read(String application, String key) {
    Path file = root.resolve(ReportFileNames.applicationFolder(application))
        .resolve(ReportFileNames.entryFile(key));
    Optional<StoredReport> report = readFile(file).filter(stored -> stored.key().equals(key));
    report.ifPresent(hit -> touch(file));
    return report;
  }

  /**
   * The intact, unexpired entries of one application that are {@code wanted}, but those of
   * {@code skippedFiles}. A file found unwanted is not read again while its size and time stay the
   * same, as the same question is asked before every query that no cached report matches exactly.
   */
  @Override public List<StoredReport> readAll(String application, Set<String> skippedFiles,
      Predicate<StoredReport> wanted) {
    Path folder = root.resolve(ReportFileNames.applicationFolder(application));
    List<StoredReport> reports = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + ReportFileNames.SUFFIX)) {
      for (Path file : files) {
        BasicFileAttributes attributes = attributes(file);
        if (attributes == null || skippedFiles.contains(file.getFileName().toString())) {
          continue;
        }
        FileVersion version = new FileVersion(attributes.size(), attributes.lastModifiedTime());
        if (version.equals(unwanted.get(file))) {
          continue;
        }
        Optional<StoredReport> report = readFile(file);
        if (report.isPresent() && wanted.test(report.get())) {
          reports.add(report.get());
        } else if (report.isPresent()) {
          unwanted.put(file, version);
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      LOG.log(Level.FINE, "cannot list " + folder, e);
    }
    return reports;
  }

  /** The file's entry if intact and unexpired; a damaged or expired file is deleted. */
  private Optional<StoredReport> readFile(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      LOG.log(Level.FINE, "cannot read the cached report " + file, e);
      return Optional.empty();
    }
    Optional<StoredReport> report = ReportFileFormat.read(bytes);
    if (report.isEmpty()) {
      LOG.fine(() -> "deleting the damaged cached report " + file);
      deleteQuietly(file);
    } else if (!report.get().expiresAt().isAfter(clock.instant())) {
      deleteQuietly(file);
      return Optional.empty();
    }
    return report;
  }

  /**
   * Writes the entry, replacing any other copy at once; a failure (a full disk, a folder made
   * read-only) leaves the previous state and only costs the entry its second tier.
   */
  @Override public void write(String application, StoredReport report) {
    Path folder = root.resolve(ReportFileNames.applicationFolder(application));
    Path temporary = null;
    try {
      createPrivateDirectories(folder, posix);
      temporary = Files.createTempFile(folder, ".", TEMPORARY_SUFFIX, privateFile(posix));
      boolean written;
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
          OutputStream out = Channels.newOutputStream(channel)) {
        written = ReportFileFormat.write(report, out);
        out.flush();
        channel.force(true);
      }
      if (!written || Files.size(temporary) > maxBytes) {
        Files.delete(temporary);
        return;
      }
      moveIntoPlace(temporary, folder.resolve(ReportFileNames.entryFile(report.key())));
      temporary = null;
      evictBeyondBound();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "the report stays in memory only: cannot write it to " + folder, e);
    } finally {
      if (temporary != null) {
        deleteQuietly(temporary);
      }
    }
  }

  private static void moveIntoPlace(Path temporary, Path entry) throws IOException {
    try {
      Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes the least recently used entries until the folder holds at most the bound. */
  void evictBeyondBound() {
    List<StoredFile> entries = new ArrayList<>();
    long total = 0;
    try (DirectoryStream<Path> applications = Files.newDirectoryStream(root, Files::isDirectory)) {
      for (Path application : applications) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(application)) {
          for (Path file : files) {
            BasicFileAttributes attributes = attributes(file);
            if (attributes == null) {
              continue;
            }
            if (file.getFileName().toString().endsWith(TEMPORARY_SUFFIX)) {
              if (attributes.lastModifiedTime().toInstant()
                  .isBefore(clock.instant().minus(ABANDONED_WRITE))) {
                deleteQuietly(file);
              }
              continue;
            }
            entries.add(new StoredFile(file, attributes.size(), attributes.lastModifiedTime()));
            total += attributes.size();
          }
        }
      }
    } catch (IOException e) {
      LOG.log(Level.FINE, "cannot list " + root, e);
      return;
    }
    entries.sort(Comparator.comparing(StoredFile::lastUsed));
    for (StoredFile entry : entries) {
      if (total <= maxBytes) {
        break;
      }
      deleteQuietly(entry.path);
      total -= entry.size;
    }
  }

  private record FileVersion(long size, FileTime modified) {
  }

  private record StoredFile(Path path, long size, FileTime lastUsed) {
  }

  private static BasicFileAttributes attributes(Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return null;
    }
  }

  private void touch(Path file) {
    try {
      Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
    } catch (IOException e) {
      LOG.log(Level.FINE, "cannot renew the age of " + file, e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(Level.FINE, "cannot delete " + file, e);
    }
  }
}
