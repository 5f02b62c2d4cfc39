package io.github.criteojdbc.adapter;

import io.github.criteojdbc.adapter.plan.CriteoTableScan;

import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableLimit;
import org.apache.calcite.adapter.enumerable.EnumerableProject;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.interpreter.BindableConvention;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.util.TryThreadLocal;

import java.lang.reflect.Type;
import java.util.List;

/**
 * Statement preparation for report tables.
 * <ul>
 * <li>Calcite turns an {@code IN} list of 20 or more values into a join with a {@code VALUES}
 * table, which no filter rule can push into a request; keeping {@code IN} lists as filters lets
 * {@code advertiser_id IN (...)} of any length become the request's advertiser list.
 * <li>SQL is converted by {@link GrainPinningSqlToRelConverter}, so that a nested query keeps the
 * grain its own query block asks for.
 * <li>A query's plan is kept in {@link PreparedPlans}, so that repeating it costs no planning. Only
 * queries: an {@code EXPLAIN} is planned anew, and DDL is refused anyway.
 * <li>A report scan whose rows are the statement's rows (only projections and limits above it) is
 * marked as such once the plan is final, so that {@code setMaxRows} caps the reports it creates.
 * </ul>
 */
public class CriteoPrepare extends CalcitePrepareImpl {
  @Override public <T> CalcitePrepare.CalciteSignature<T> prepareSql(CalcitePrepare.Context context,
      CalcitePrepare.Query<T> query, Type elementType, long maxRowCount) {
    String sql = query.sql;
    if (sql == null) {
      return prepareWithInLists(context, query, elementType, maxRowCount);
    }
    CalcitePrepare.CalciteSignature<T> kept = PreparedPlans.shared().find(context, sql, elementType, maxRowCount);
    if (kept != null) {
      return kept;
    }
    SqlKind[] kind = new SqlKind[1];
    CalcitePrepare.CalciteSignature<T> plan;
    try (Hook.Closeable ignored = Hook.PARSE_TREE.addThread(
        (Object[] parsed) -> kind[0] = ((SqlNode) parsed[1]).getKind())) {
      plan = prepareWithInLists(context, query, elementType, maxRowCount);
    }
    if (kind[0] != null && kind[0].belongsTo(SqlKind.QUERY)) {
      PreparedPlans.shared().keep(context, sql, elementType, maxRowCount, plan);
    }
    return plan;
  }

  private <T> CalcitePrepare.CalciteSignature<T> prepareWithInLists(CalcitePrepare.Context context,
      CalcitePrepare.Query<T> query, Type elementType, long maxRowCount) {
    try (TryThreadLocal.Memo ignored = Prepare.THREAD_INSUBQUERY_THRESHOLD.push(Integer.MAX_VALUE)) {
      return super.prepareSql(context, query, elementType, maxRowCount);
    }
  }

  @Override protected CalcitePreparingStmt getPreparingStmt(CalcitePrepare.Context context,
      Type elementType, CalciteCatalogReader catalogReader, RelOptPlanner planner) {
    EnumerableRel.Prefer prefer = elementType == Object[].class
        ? EnumerableRel.Prefer.ARRAY : EnumerableRel.Prefer.CUSTOM;
    Convention resultConvention = enableBindable ? BindableConvention.INSTANCE
        : EnumerableConvention.INSTANCE;
    RelOptCluster cluster = createCluster(planner, new RexBuilder(context.getTypeFactory()));
    return new PreparingStmt(this, context, catalogReader, context.getTypeFactory(),
        context.getRootSchema(), prefer, cluster, resultConvention, createConvertletTable());
  }

  /** Calcite's preparing statement with the grain-pinning SQL-to-rel converter. */
  private static final class PreparingStmt extends CalcitePreparingStmt {
    private final RelOptCluster cluster;

    PreparingStmt(CalcitePrepareImpl prepare, CalcitePrepare.Context context,
        CatalogReader catalogReader, RelDataTypeFactory typeFactory, CalciteSchema schema,
        EnumerableRel.Prefer prefer, RelOptCluster cluster, Convention resultConvention,
        SqlRexConvertletTable convertletTable) {
      super(prepare, context, catalogReader, typeFactory, schema, prefer, cluster, resultConvention,
          convertletTable);
      this.cluster = cluster;
    }

    @Override protected PreparedResult implement(RelRoot root) {
      return super.implement(root.withRel(markScanFeedingResult(root.rel)));
    }

    /** The plan with the scan at the end of its chain of row-preserving operators marked. */
    private static RelNode markScanFeedingResult(RelNode rel) {
      if (rel instanceof CriteoTableScan) {
        CriteoTableScan scan = (CriteoTableScan) rel;
        return scan.withSpec(scan.spec().withFeedsResult());
      }
      boolean keepsRows = rel instanceof EnumerableCalc
          && ((EnumerableCalc) rel).getProgram().getCondition() == null
          || rel instanceof EnumerableProject
          || rel instanceof EnumerableLimit && ((EnumerableLimit) rel).offset == null;
      if (!keepsRows) {
        return rel;
      }
      RelNode input = rel.getInput(0);
      RelNode marked = markScanFeedingResult(input);
      return marked == input ? rel : rel.copy(rel.getTraitSet(), List.of(marked));
    }

    @Override protected SqlToRelConverter getSqlToRelConverter(SqlValidator validator,
        CatalogReader catalogReader, SqlToRelConverter.Config config) {
      SqlToRelConverter.Config withDecorrelation = config.withTopDownGeneralDecorrelationEnabled(
          context.config().topDownGeneralDecorrelationEnabled());
      return new GrainPinningSqlToRelConverter(this, validator, catalogReader, cluster,
          convertletTable, withDecorrelation);
    }
  }
}
