package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.adapter.plan.ScanSpec;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a scan resolved when its statement ran: the rows to open and how each output column reads
 * them. Planning waits for the first enumerator, so that parameters and {@code CURRENT_DATE} take
 * their values at execution, and an empty plan (a range that holds nothing) makes no call.
 */
interface ReportPlan {
  List<ColumnSource> columns();

  RawRows open(DataContext root);

  static Enumerable<Object[]> enumerable(DataContext root, ScanSpec spec,
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
        return new ReportEnumerator(() -> plan.get().open(root), plan.get().columns(), spec.fetch());
      }
    };
  }
}
