package io.github.criteojdbc.adapter.state;

import io.github.criteojdbc.adapter.exec.ReportAdvertisers;
import io.github.criteojdbc.adapter.exec.ReportCache;
import io.github.criteojdbc.adapter.exec.ReportContext;
import io.github.criteojdbc.adapter.exec.ReportJournal;
import io.github.criteojdbc.client.BudgetUsage;

import com.google.common.collect.ImmutableMap;

import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.sql.type.SqlTypeName;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code criteo_driver} schema: what the driver itself knows of the connection's Criteo
 * application, shared like the cache and the call budget by every connection of the JVM to that
 * application. {@code reports} lists the reports queries read lately, {@code cache_entries} the
 * reports kept for reuse, {@code budget} the report calls of the last minute. Queries on it read
 * memory only and create no report; no secret is part of any value. A connection restricted to
 * some advertisers sees only the reports of those advertisers.
 */
public final class DriverStateSchema extends AbstractSchema {
  public static final String NAME = "criteo_driver";
  /** Boxed values and row arrays as a 64-bit JVM with compressed pointers holds them, roughly. */
  private static final long BYTES_PER_VALUE = 20;
  private static final long BYTES_PER_ROW = 24;

  private final ImmutableMap<String, Table> tables;

  public DriverStateSchema(ReportContext context) {
    this.tables = ImmutableMap.of(
        "reports", reports(context),
        "cache_entries", cacheEntries(context),
        "budget", budget(context));
  }

  @Override protected Map<String, Table> getTableMap() {
    return tables;
  }

  private static StateTable reports(ReportContext context) {
    return new StateTable("The reports that queries of this Criteo application read lately, newest "
        + "first (the last 500 in this JVM), with what each cost. Creates no report.", List.of(
        new StateTable.Column("started_at", SqlTypeName.TIMESTAMP, "When the query opened the report (UTC)."),
        new StateTable.Column("table_name", SqlTypeName.VARCHAR, "The table the query read."),
        new StateTable.Column("request", SqlTypeName.VARCHAR, "The report request: advertisers, dates, "
            + "dimensions, metrics, filters."),
        new StateTable.Column("report_id", SqlTypeName.VARCHAR, "The API's report id; NULL when the cache answered."),
        new StateTable.Column("status", SqlTypeName.VARCHAR, "'from cache', 'creating', the API's status while the "
            + "report is computed ('pending', 'done'), 'reading', then 'read' (every row), 'stopped' (the query "
            + "needed no more rows) or 'failed'."),
        new StateTable.Column("rows_read", SqlTypeName.BIGINT, "Rows the query read from the report."),
        new StateTable.Column("calls", SqlTypeName.INTEGER, "Report calls sent for it: create, status polls, "
            + "output, retries. 0 when the cache answered."),
        new StateTable.Column("budget_wait_seconds", SqlTypeName.DOUBLE, "Time its calls waited for the "
            + "application's call budget (maxCallsPerMinute)."),
        new StateTable.Column("report_wait_seconds", SqlTypeName.DOUBLE, "Time from its creation until its "
            + "rows could be downloaded."),
        new StateTable.Column("from_cache", SqlTypeName.BOOLEAN, "True when the cache gave every row read."),
        new StateTable.Column("error", SqlTypeName.VARCHAR, "Why it failed, when it did."),
        new StateTable.Column("ended_at", SqlTypeName.TIMESTAMP, "When its last row was read, or reading "
            + "stopped or failed (UTC).")),
        () -> {
          List<Object[]> rows = new ArrayList<>();
          for (ReportJournal.Record r : context.journal().recent(context.application())) {
            if (!context.settings().mayRead(r.advertisers())) {
              continue;
            }
            rows.add(new Object[] {millis(r.startedAt()), r.table(), r.request(), r.reportId(), r.status(),
                r.rows(), r.calls(), seconds(r.budgetWait()), seconds(r.reportWait()), r.fromCache(),
                r.error(), millis(r.endedAt())});
          }
          return rows;
        });
  }

  private static StateTable cacheEntries(ReportContext context) {
    return new StateTable("The reports of this Criteo application kept for reuse (cacheTtlSeconds), "
        + "shared by every connection of the JVM. Creates no report.", List.of(
        new StateTable.Column("request", SqlTypeName.VARCHAR, "The report request the rows answer."),
        new StateTable.Column("cached_rows", SqlTypeName.BIGINT, "Rows kept."),
        new StateTable.Column("complete", SqlTypeName.BOOLEAN, "False when only the report's first rows are "
            + "kept (a LIMIT stopped the reading); a query needing more downloads the rest."),
        new StateTable.Column("estimated_bytes", SqlTypeName.BIGINT, "Heap the rows take, estimated from the "
            + "number of values."),
        new StateTable.Column("expires_at", SqlTypeName.TIMESTAMP, "When the entry stops being used (UTC).")),
        () -> {
          List<Object[]> rows = new ArrayList<>();
          for (ReportCache.Listing e : context.cache().entries(context.application())) {
            if (!context.settings().mayRead(ReportAdvertisers.of(e.request()))) {
              continue;
            }
            rows.add(new Object[] {e.request().toString(), (long) e.rows(), e.complete(),
                e.values() * BYTES_PER_VALUE + e.rows() * BYTES_PER_ROW, millis(e.expiresAt())});
          }
          return rows;
        });
  }

  private static StateTable budget(ReportContext context) {
    return new StateTable("The report-call budget of this Criteo application, shared by every "
        + "connection of the JVM: one row. Creates no report.", List.of(
        new StateTable.Column("application", SqlTypeName.VARCHAR, "The application: clientId@baseUrl, or the "
            + "connection's applicationLabel."),
        new StateTable.Column("calls_last_minute", SqlTypeName.INTEGER, "Report calls started in the last 60 s."),
        new StateTable.Column("max_calls_per_minute", SqlTypeName.INTEGER, "The budget (maxCallsPerMinute)."),
        new StateTable.Column("next_call_at", SqlTypeName.TIMESTAMP, "The earliest a report call can start "
            + "(UTC): now when a slot is free."),
        new StateTable.Column("next_call_in_seconds", SqlTypeName.DOUBLE, "How long until then: 0 when a slot "
            + "is free.")),
        () -> {
          Instant now = Instant.now();
          BudgetUsage usage = context.client().budget();
          Duration until = usage.nextCallAt().isAfter(now) ? Duration.between(now, usage.nextCallAt())
              : Duration.ZERO;
          List<Object[]> rows = new ArrayList<>();
          String application = context.settings().applicationLabel().orElse(context.application());
          rows.add(new Object[] {application, usage.callsLastMinute(), usage.maxCallsPerMinute(),
              millis(usage.nextCallAt()), seconds(until)});
          return rows;
        });
  }

  private static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000d;
  }
}
