package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.adapter.plan.PushdownPolicy;
import io.github.criteojdbc.adapter.plan.ScanSpec;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;

import java.util.Optional;

/**
 * What one report endpoint contributes to a table: which filters its request takes, how a
 * {@link ScanSpec} becomes its request(s) for {@code EXPLAIN}, and the scan that sends them and
 * streams the rows. Everything else about a table (its columns, types, planning) comes from its
 * catalog file.
 */
public interface ReportScan {
  PushdownPolicy pushdown();

  /** The request as far as it is known before the statement runs, for {@code EXPLAIN}. */
  String describe(ScanSpec spec);

  /**
   * For {@code EXPLAIN}: which cached report would answer the scan if it ran now, and how; empty
   * when it would send its request.
   */
  default Optional<String> describeCacheAnswer(ScanSpec spec) {
    return Optional.empty();
  }

  /** Creates the report(s) when the statement runs, waits, and streams the rows. */
  Enumerable<Object[]> enumerable(DataContext root, ScanSpec spec);
}
