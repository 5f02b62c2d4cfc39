package io.github.criteojdbc.adapter.plan;

import io.github.criteojdbc.adapter.CriteoTable;
import io.github.criteojdbc.adapter.catalog.ColumnDef;
import io.github.criteojdbc.adapter.catalog.ColumnRole;

import com.google.common.collect.ImmutableList;

import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlExplainLevel;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scan of a Criteo report table that absorbs the filters, projections and limits the API can
 * answer. {@code EXPLAIN} prints the report request it sends.
 */
public final class CriteoTableScan extends TableScan implements EnumerableRel {
  /** Row estimate of a scan with nothing pushed: large, so that pushed plans always win. */
  public static final double UNFILTERED_ROWS = 1_000_000d;

  private static final Method SCAN_METHOD =
      Types.lookupMethod(CriteoTable.class, "scan", DataContext.class, ScanSpec.class);
  private static final Method SINGLE_VALUES_METHOD =
      Types.lookupMethod(CriteoTableScan.class, "singleValues", Enumerable.class);

  private final CriteoTable criteoTable;
  private final ScanSpec spec;

  public CriteoTableScan(RelOptCluster cluster, RelTraitSet traitSet, RelOptTable table,
      CriteoTable criteoTable, ScanSpec spec) {
    super(cluster, traitSet, ImmutableList.of(), table);
    this.criteoTable = criteoTable;
    this.spec = spec;
  }

  public CriteoTable criteoTable() {
    return criteoTable;
  }

  public ScanSpec spec() {
    return spec;
  }

  /**
   * Pins the grain to the dimension and time columns among {@code named}, the columns the query
   * block reading this table names (matched ignoring case, as identifiers are); {@code starOnly}
   * are those it names only through {@code SELECT *}.
   */
  public CriteoTableScan withGrainColumns(Collection<String> named, Collection<String> starOnly) {
    return withSpec(spec.withGrainColumns(grainAmong(named), grainAmong(starOnly)));
  }

  private Set<String> grainAmong(Collection<String> names) {
    Set<String> grain = new LinkedHashSet<>();
    for (ColumnDef column : criteoTable.catalog().columns()) {
      if ((column.role() == ColumnRole.DIMENSION || column.role() == ColumnRole.TIME)
          && names.stream().anyMatch(column.name()::equalsIgnoreCase)) {
        grain.add(column.name());
      }
    }
    return grain;
  }

  public CriteoTableScan withSpec(ScanSpec newSpec) {
    return new CriteoTableScan(getCluster(), getTraitSet(), getTable(), criteoTable, newSpec);
  }

  @Override public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new CriteoTableScan(getCluster(), traitSet, getTable(), criteoTable, spec);
  }

  @Override public RelDataType deriveRowType() {
    return criteoTable.rowType(getCluster().getTypeFactory(), spec.columns());
  }

  @Override public RelWriter explainTerms(RelWriter pw) {
    // Every part of the spec is in the digest, so the planner never merges two different scans.
    // The cache's answer is not: it changes as reports come and go, and only EXPLAIN shows it.
    RelWriter terms = super.explainTerms(pw)
        .item("columns", spec.columns())
        .itemIf("grain", spec.grainColumns(), !spec.columns().containsAll(spec.grainColumns()))
        .item("request", criteoTable.describeRequest(spec))
        .itemIf("fetch", spec.fetch().orElse(0), spec.fetch().isPresent());
    if (pw.getDetailLevel() == SqlExplainLevel.DIGEST_ATTRIBUTES) {
      return terms;
    }
    Optional<String> cacheAnswer = criteoTable.describeCacheAnswer(spec);
    return terms.itemIf("answeredFrom", cacheAnswer.orElse(""), cacheAnswer.isPresent());
  }

  @Override public void register(RelOptPlanner planner) {
    for (RelOptRule rule : CriteoRules.RULES) {
      planner.addRule(rule);
    }
  }

  @Override public double estimateRowCount(RelMetadataQuery mq) {
    if (spec.isEmpty()) {
      return 1d;
    }
    double rows = UNFILTERED_ROWS * Math.pow(0.1, spec.equalities().size());
    if (!spec.timeBounds().isEmpty()) {
      rows *= 0.2;
    }
    return spec.fetch().isPresent() ? Math.min(rows, spec.fetch().getAsLong()) : rows;
  }

  @Override public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    // Volcano compares row counts only, so narrower requests must show up as fewer "rows";
    // a dimension also multiplies the report's rows, so it weighs more than a metric.
    double columnFactor = (weight(spec.columns()) + 2d)
        / (weight(criteoTable.catalog().columns().stream().map(ColumnDef::name)
            .collect(Collectors.toList())) + 2d);
    double rows = estimateRowCount(mq);
    return planner.getCostFactory().makeCost(rows * columnFactor, rows, 0);
  }

  private double weight(List<String> columns) {
    double weight = 0;
    for (String name : columns) {
      ColumnRole role = criteoTable.catalog().column(name).orElseThrow().role();
      weight += role == ColumnRole.DIMENSION || role == ColumnRole.TIME ? 2 : 1;
    }
    return weight;
  }

  /**
   * Rows are arrays, except that Calcite's code generation expects a row of one column as the
   * bare value (the scalar row format), so such a scan hands out its only value.
   */
  @Override public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    boolean singleColumn = getRowType().getFieldCount() == 1;
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        singleColumn ? JavaRowFormat.SCALAR : JavaRowFormat.ARRAY, false);
    Expression table = implementor.stash(criteoTable, CriteoTable.class);
    Expression stashedSpec = implementor.stash(spec, ScanSpec.class);
    Expression rows = Expressions.call(table, SCAN_METHOD, implementor.getRootExpression(), stashedSpec);
    if (singleColumn) {
      rows = Expressions.call(SINGLE_VALUES_METHOD, rows);
    }
    return implementor.result(physType, Blocks.toBlock(rows));
  }

  /** The only value of each one-column row. Called from generated code. */
  public static Enumerable<Object> singleValues(Enumerable<Object[]> rows) {
    return rows.select(row -> row[0]);
  }
}
