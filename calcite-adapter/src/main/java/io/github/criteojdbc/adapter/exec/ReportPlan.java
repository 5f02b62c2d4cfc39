package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.adapter.AdapterSettings;
import io.github.criteojdbc.adapter.plan.ScanSpec;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * What a scan resolved when its statement ran: the rows to open and how each output column reads
 * them. Planning waits for the first enumerator, so that parameters and {@code CURRENT_DATE} take
 * their values at execution, and an empty plan (a range that holds nothing) makes no call. A scan
 * reads at most its pushed {@code LIMIT} and, when its rows are the statement's, the statement's
 * {@code setMaxRows}; such a scan opens its reports on demand.
 */
interface ReportPlan {
  List<ColumnSource> columns();

  /** @param onDemand whether only the first rows are read, so reports open one at a time */
  RawRows open(DataContext root, boolean onDemand);

  static Enumerable<Object[]> enumerable(DataContext root, ScanSpec spec, AdapterSettings settings,
      Supplier<Optional<? extends ReportPlan>> planner) {
    if (spec.isEmpty()) {
      return Linq4j.emptyEnumerable();
    }
    return new AbstractEnumerable<Object[]>() {
      @Override public Enumerator<Object[]> enumerator() {
        Optional<? extends ReportPlan> plan = planner.get();
        if (plan.isEmpty()) {
          return Linq4j.emptyEnumerator();
        }
        OptionalLong fetch = rowsRead(spec, settings.statementMaxRows());
        return new ReportEnumerator(() -> plan.get().open(root, fetch.isPresent()),
            plan.get().columns(), fetch);
      }
    };
  }

  private static OptionalLong rowsRead(ScanSpec spec, OptionalLong statementMaxRows) {
    if (!spec.feedsResult() || statementMaxRows.isEmpty()) {
      return spec.fetch();
    }
    long maxRows = statementMaxRows.getAsLong();
    return OptionalLong.of(spec.fetch().isPresent() ? Math.min(spec.fetch().getAsLong(), maxRows)
        : maxRows);
  }
}
