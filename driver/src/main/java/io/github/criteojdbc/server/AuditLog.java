package io.github.criteojdbc.server;

import io.github.criteojdbc.adapter.exec.ReportJournal;
import io.github.criteojdbc.driver.ConnectionReports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Who ran which SQL and what it cost: one line per statement execution, written when its rows
 * end (read to the last, closed, or replaced by another execution) or when it fails:
 * {@code 2026-03-02T10:15:30.123Z user=alice connection=ID outcome=ok rows=12 reports_created=1
 * reports_from_cache=2 api_calls=3 sql="SELECT ..."}, the outcome being {@code ok} (every row
 * read), {@code stopped} (closed before the last row) or {@code failed(SQLSTATE)}. Lines go to {@code audit.file} (appended),
 * else to the logger {@value #LOGGER} at INFO. The SQL is the client's text; the server's
 * credentials are never part of a line.
 */
final class AuditLog implements AutoCloseable {
  static final String LOGGER = "io.github.criteojdbc.server.audit";

  private static final Logger LOG = Logger.getLogger(LOGGER);

  private final Consumer<String> sink;
  private final Optional<Writer> file;
  private final Clock clock;

  private AuditLog(Consumer<String> sink, Optional<Writer> file, Clock clock) {
    this.sink = sink;
    this.file = file;
    this.clock = clock;
  }

  static AuditLog toLogger(Clock clock) {
    return new AuditLog(LOG::info, Optional.empty(), clock);
  }

  static AuditLog toFile(Path path, Clock clock) throws SQLException {
    try {
      Writer writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      return new AuditLog(line -> append(writer, line), Optional.of(writer), clock);
    } catch (IOException e) {
      throw ConfigFiles.invalid("Cannot open the audit log audit.file=" + path + ": " + e.getMessage());
    }
  }

  private static void append(Writer writer, String line) {
    synchronized (writer) {
      try {
        writer.write(line);
        writer.write('\n');
        writer.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the audit log", e);
      }
    }
  }

  /** An execution of {@code sql} starting now on {@code connection}, whose reports it counts. */
  Execution start(String user, String connectionId, ConnectionReports connection, String sql) {
    return new Execution(user, connectionId, connection, sql, clock.instant());
  }

  @Override public void close() {
    file.ifPresent(writer -> ServerConnections.closeQuietly(writer, "the audit log"));
  }

  /** One statement execution, written once. */
  final class Execution {
    private final String user;
    private final String connectionId;
    private final ConnectionReports connection;
    private final String sql;
    private final Instant startedAt;
    private final AtomicBoolean written = new AtomicBoolean();

    private Execution(String user, String connectionId, ConnectionReports connection, String sql,
        Instant startedAt) {
      this.user = user;
      this.connectionId = connectionId;
      this.connection = connection;
      this.sql = sql;
      this.startedAt = startedAt;
    }

    /** @param complete whether every row was read, else the client stopped reading first */
    void ended(boolean complete, long rows) {
      write(complete ? "ok" : "stopped", rows);
    }

    void failed(Exception e, long rows) {
      String state = e instanceof SQLException ? ((SQLException) e).getSQLState() : null;
      write("failed(" + (state == null ? e.getClass().getSimpleName() : state) + ")", rows);
    }

    private void write(String outcome, long rows) {
      if (!written.compareAndSet(false, true)) {
        return;
      }
      List<ReportJournal.Record> reports = connection.reportsSince(startedAt);
      long fromCache = reports.stream().filter(ReportJournal.Record::fromCache).count();
      int calls = reports.stream().mapToInt(ReportJournal.Record::calls).sum();
      String line = startedAt + " user=" + user + " connection=" + connectionId + " outcome=" + outcome
          + " rows=" + rows + " reports_created=" + (reports.size() - fromCache) + " reports_from_cache=" + fromCache
          + " api_calls=" + calls + " sql=\"" + oneLine(sql) + "\"";
      try {
        sink.accept(line);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "the audit line of a statement of " + user + " was not written", e);
      }
    }
  }

  private static String oneLine(String sql) {
    return sql.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", " ").replace("\n", " ");
  }
}
