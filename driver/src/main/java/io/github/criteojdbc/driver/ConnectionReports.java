package io.github.criteojdbc.driver;

import io.github.criteojdbc.adapter.exec.ReportJournal;

import java.time.Instant;
import java.util.List;

/**
 * The reports one connection's queries read, for whoever runs statements on the connection and
 * accounts for what each cost (the team server's audit log): {@code connection.unwrap(ConnectionReports.class)}.
 */
public interface ConnectionReports {
  /** The reports this connection's queries opened at or after {@code from}, newest first. */
  List<ReportJournal.Record> reportsSince(Instant from);
}
