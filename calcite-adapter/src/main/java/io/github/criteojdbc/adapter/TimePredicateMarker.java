package io.github.criteojdbc.adapter;

import io.github.criteojdbc.adapter.catalog.ColumnRole;
import io.github.criteojdbc.adapter.plan.CriteoTableScan;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexVisitorImpl;

import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds, in a freshly converted query, every report scan whose time columns some condition
 * compares ({@code WHERE}, {@code HAVING}, a join condition, at any depth and through the
 * expressions of derived tables), and records them in the scan's spec. A scan whose time
 * condition gives no report dates then fails instead of quietly using the default window.
 */
final class TimePredicateMarker {
  private final Map<RelNode, Set<String>> compared = new IdentityHashMap<>();

  private TimePredicateMarker() {
  }

  static RelNode mark(RelNode root) {
    TimePredicateMarker marker = new TimePredicateMarker();
    marker.visit(root);
    if (marker.compared.isEmpty()) {
      return root;
    }
    return root.accept(new RelShuttleImpl() {
      @Override public RelNode visit(TableScan scan) {
        Set<String> columns = marker.compared.get(scan);
        if (columns == null) {
          return scan;
        }
        CriteoTableScan criteoScan = (CriteoTableScan) scan;
        return criteoScan.withSpec(criteoScan.spec().withTimePredicateColumns(columns));
      }
    });
  }

  private void visit(RelNode rel) {
    if (rel instanceof Filter) {
      condition(((Filter) rel).getCondition(), rel.getInput(0));
    } else if (rel instanceof Join) {
      condition(((Join) rel).getCondition(), rel);
    } else if (rel instanceof Project) {
      ((Project) rel).getProjects().forEach(this::visitSubQueries);
    }
    rel.getInputs().forEach(this::visit);
  }

  private void condition(RexNode condition, RelNode input) {
    for (int field : RelOptUtil.InputFinder.bits(condition)) {
      trace(input, field);
    }
    visitSubQueries(condition);
  }

  private void visitSubQueries(RexNode expression) {
    expression.accept(new RexVisitorImpl<Void>(true) {
      @Override public Void visitSubQuery(RexSubQuery subQuery) {
        visit(subQuery.rel);
        return super.visitSubQuery(subQuery);
      }
    });
  }

  /** Follows a field of {@code rel} back to the scan columns it is computed from. */
  private void trace(RelNode rel, int field) {
    if (rel instanceof CriteoTableScan) {
      CriteoTableScan scan = (CriteoTableScan) rel;
      String column = scan.spec().columns().get(field);
      scan.criteoTable().catalog().column(column)
          .filter(c -> c.role() == ColumnRole.TIME)
          .ifPresent(c -> compared.computeIfAbsent(scan, s -> new LinkedHashSet<>()).add(c.name()));
    } else if (rel instanceof Project) {
      for (int used : RelOptUtil.InputFinder.bits(((Project) rel).getProjects().get(field))) {
        trace(rel.getInput(0), used);
      }
    } else if (rel instanceof Aggregate) {
      Aggregate aggregate = (Aggregate) rel;
      if (field < aggregate.getGroupCount()) {
        trace(aggregate.getInput(), aggregate.getGroupSet().nth(field));
      } else {
        AggregateCall call = aggregate.getAggCallList().get(field - aggregate.getGroupCount());
        call.getArgList().forEach(argument -> trace(aggregate.getInput(), argument));
      }
    } else if (rel instanceof Join || rel instanceof Correlate) {
      int leftFields = rel.getInput(0).getRowType().getFieldCount();
      if (field < leftFields) {
        trace(rel.getInput(0), field);
      } else {
        trace(rel.getInput(1), field - leftFields);
      }
    } else if (rel instanceof SetOp) {
      rel.getInputs().forEach(input -> trace(input, field));
    } else if (rel instanceof Filter || rel instanceof Sort) {
      trace(rel.getInput(0), field);
    } else {
      List<RelNode> inputs = rel.getInputs();
      boolean sameFields = inputs.size() == 1
          && inputs.get(0).getRowType().getFieldCount() == rel.getRowType().getFieldCount();
      if (sameFields) {
        trace(inputs.get(0), field);
      }
    }
  }
}
