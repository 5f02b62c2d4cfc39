package io.github.criteojdbc.adapter.plan;

import io.github.criteojdbc.adapter.QueryRejectedException;
import io.github.criteojdbc.adapter.catalog.ColumnDef;
import io.github.criteojdbc.adapter.catalog.ColumnRole;
import io.github.criteojdbc.adapter.catalog.TableCatalog;

import com.google.common.collect.BoundType;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Range;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.Sarg;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Splits a filter condition on a report scan into the part the report request answers (equality
 * lists and a date range) and the residual Calcite keeps. Every conjunct that is not answered
 * exactly stays in the residual, so results are right for any SQL.
 */
public final class FilterTranslator {
  private final TableCatalog catalog;
  private final List<String> scanColumns;
  private final PushdownPolicy policy;
  private final RexBuilder rexBuilder;

  public FilterTranslator(TableCatalog catalog, List<String> scanColumns, PushdownPolicy policy,
      RexBuilder rexBuilder) {
    this.catalog = catalog;
    this.scanColumns = scanColumns;
    this.policy = policy;
    this.rexBuilder = rexBuilder;
  }

  public FilterTranslation translate(RexNode condition) {
    Map<String, ImmutableList<ValueRef>> equalities = new LinkedHashMap<>();
    List<TimeBound> bounds = new ArrayList<>();
    ImmutableList.Builder<RexNode> residual = ImmutableList.builder();
    boolean empty = false;
    for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
      if (conjunct.isAlwaysFalse()) {
        empty = true;
        continue;
      }
      if (conjunct.isAlwaysTrue()) {
        continue;
      }
      Optional<Pushed<ImmutableList<ValueRef>>> equality = equality(conjunct);
      if (equality.isPresent() && !equalities.containsKey(equality.get().column)) {
        equalities.put(equality.get().column, equality.get().value);
        if (!equality.get().exact) {
          residual.add(conjunct);
        }
        continue;
      }
      Optional<Pushed<List<TimeBound>>> time = timeBounds(conjunct);
      if (time.isPresent()) {
        bounds.addAll(time.get().value);
        if (!time.get().exact) {
          residual.add(conjunct);
        }
        continue;
      }
      residual.add(conjunct);
    }
    ImmutableList<RexNode> residualConjuncts = residual.build();
    residualConjuncts.forEach(this::rejectIfOnlyTheRequestCanAnswer);
    return new FilterTranslation(ImmutableMap.copyOf(equalities), ImmutableList.copyOf(bounds),
        residualConjuncts, empty);
  }

  private void rejectIfOnlyTheRequestCanAnswer(RexNode conjunct) {
    for (int field : RelOptUtil.InputFinder.bits(conjunct)) {
      Optional<String> rejection = column(field).flatMap(policy::residualRejection);
      if (rejection.isPresent()) {
        throw new QueryRejectedException(rejection.get());
      }
    }
  }

  /** A pushed piece of a conjunct, and whether the request answers the conjunct exactly. */
  private static final class Pushed<T> {
    final String column;
    final T value;
    final boolean exact;

    Pushed(String column, T value, boolean exact) {
      this.column = column;
      this.value = value;
      this.exact = exact;
    }
  }

  private Optional<Pushed<ImmutableList<ValueRef>>> equality(RexNode node) {
    switch (node.getKind()) {
    case EQUALS:
      return equalityOperands((RexCall) node);
    case SEARCH:
      return searchPoints((RexCall) node);
    case OR:
      return disjunctionOfEqualities(node);
    default:
      return Optional.empty();
    }
  }

  private Optional<Pushed<ImmutableList<ValueRef>>> equalityOperands(RexCall call) {
    for (int side = 0; side < 2; side++) {
      RexNode ref = call.operands.get(side);
      RexNode value = call.operands.get(1 - side);
      boolean cast = ref.getKind() == SqlKind.CAST;
      Optional<ColumnDef> column = equalityColumn(cast ? ((RexCall) ref).operands.get(0) : ref);
      if (column.isEmpty() || !RuntimeValues.canEvaluate(value)) {
        continue;
      }
      ValueRef pushed = value instanceof RexLiteral
          ? ValueRef.constant(String.valueOf(Literals.toJava((RexLiteral) value)))
          : ValueRef.expression(value, rexBuilder);
      // A cast column ('010' = 10 is true) matches more than the API's exact string filter.
      return Optional.of(new Pushed<>(column.get().name(), ImmutableList.of(pushed), !cast));
    }
    return Optional.empty();
  }

  private Optional<Pushed<ImmutableList<ValueRef>>> searchPoints(RexCall call) {
    Optional<ColumnDef> column = equalityColumn(call.operands.get(0));
    if (column.isEmpty() || !(call.operands.get(1) instanceof RexLiteral)) {
      return Optional.empty();
    }
    Sarg<?> sarg = ((RexLiteral) call.operands.get(1)).getValueAs(Sarg.class);
    if (sarg == null || !sarg.isPoints() || sarg.nullAs == RexUnknownAs.TRUE) {
      return Optional.empty();
    }
    ImmutableList.Builder<ValueRef> values = ImmutableList.builder();
    for (Range<?> range : sarg.rangeSet.asRanges()) {
      values.add(ValueRef.constant(String.valueOf(Literals.fromComparable(range.lowerEndpoint()))));
    }
    return Optional.of(new Pushed<>(column.get().name(), values.build(), true));
  }

  private Optional<Pushed<ImmutableList<ValueRef>>> disjunctionOfEqualities(RexNode node) {
    String column = null;
    boolean exact = true;
    ImmutableList.Builder<ValueRef> values = ImmutableList.builder();
    for (RexNode disjunct : RelOptUtil.disjunctions(node)) {
      Optional<Pushed<ImmutableList<ValueRef>>> equality = equality(disjunct);
      if (equality.isEmpty() || column != null && !column.equals(equality.get().column)) {
        return Optional.empty();
      }
      column = equality.get().column;
      exact &= equality.get().exact;
      values.addAll(equality.get().value);
    }
    return column == null ? Optional.empty() : Optional.of(new Pushed<>(column, values.build(), exact));
  }

  private Optional<ColumnDef> equalityColumn(RexNode node) {
    return column(node).filter(policy::pushesEquality);
  }

  /**
   * A time bucket, or a report parameter with a granularity (a report's first or last day). A
   * {@code DATE} column compared with a {@code TIMESTAMP} ({@code day >= FLOOR(CURRENT_TIMESTAMP
   * TO DAY)}) is cast to one by Calcite; the bound is still a day bound, rounded when resolved.
   */
  private Optional<ColumnDef> timeColumn(RexNode node) {
    boolean dateAsTimestamp = node.getKind() == SqlKind.CAST
        && node.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP
        && ((RexCall) node).operands.get(0).getType().getSqlTypeName() == SqlTypeName.DATE;
    RexNode ref = dateAsTimestamp ? ((RexCall) node).operands.get(0) : node;
    return column(ref).filter(c -> (c.role() == ColumnRole.TIME
        || c.role() == ColumnRole.PARAMETER && c.granularity().isPresent())
        && policy.pushesTimeRange(c));
  }

  private Optional<ColumnDef> column(RexNode node) {
    if (!(node instanceof RexInputRef)) {
      return Optional.empty();
    }
    return column(((RexInputRef) node).getIndex());
  }

  private Optional<ColumnDef> column(int field) {
    return catalog.column(scanColumns.get(field));
  }

  private Optional<Pushed<List<TimeBound>>> timeBounds(RexNode node) {
    switch (node.getKind()) {
    case GREATER_THAN_OR_EQUAL:
    case GREATER_THAN:
    case LESS_THAN_OR_EQUAL:
    case LESS_THAN:
    case EQUALS:
      return comparison((RexCall) node);
    case SEARCH:
      return searchRange((RexCall) node);
    default:
      return Optional.empty();
    }
  }

  private Optional<Pushed<List<TimeBound>>> comparison(RexCall call) {
    TimeBound.Op op = op(call.getKind());
    for (int side = 0; side < 2; side++) {
      Optional<ColumnDef> column = timeColumn(call.operands.get(side));
      RexNode value = call.operands.get(1 - side);
      if (column.isEmpty() || !RuntimeValues.canEvaluate(value)) {
        continue;
      }
      ValueRef ref = value instanceof RexLiteral
          ? ValueRef.constant(Literals.toJava((RexLiteral) value))
          : ValueRef.expression(value, rexBuilder);
      TimeBound bound = new TimeBound(column.get().name(), column.get().granularity().orElseThrow(),
          side == 0 ? op : op.flip(), ref);
      return Optional.of(new Pushed<>(bound.column(), List.of(bound), policy.isExact(bound)));
    }
    return Optional.empty();
  }

  private Optional<Pushed<List<TimeBound>>> searchRange(RexCall call) {
    Optional<ColumnDef> column = timeColumn(call.operands.get(0));
    if (column.isEmpty() || !(call.operands.get(1) instanceof RexLiteral)) {
      return Optional.empty();
    }
    Sarg<?> sarg = ((RexLiteral) call.operands.get(1)).getValueAs(Sarg.class);
    if (sarg == null || sarg.rangeSet.isEmpty()) {
      return Optional.empty();
    }
    Range<?> hull = sarg.rangeSet.span();
    ColumnDef def = column.get();
    List<TimeBound> bounds = new ArrayList<>();
    if (hull.hasLowerBound()) {
      bounds.add(bound(def, hull.lowerBoundType() == BoundType.CLOSED ? TimeBound.Op.GE
          : TimeBound.Op.GT, hull.lowerEndpoint()));
    }
    if (hull.hasUpperBound()) {
      bounds.add(bound(def, hull.upperBoundType() == BoundType.CLOSED ? TimeBound.Op.LE
          : TimeBound.Op.LT, hull.upperEndpoint()));
    }
    if (bounds.isEmpty()) {
      return Optional.empty();
    }
    boolean exact = sarg.nullAs != RexUnknownAs.TRUE
        && (sarg.rangeSet.asRanges().size() == 1 || isContiguousDays(sarg))
        && bounds.stream().allMatch(policy::isExact);
    return Optional.of(new Pushed<>(def.name(), bounds, exact));
  }

  /** {@code day IN (d1, d2, d3)} over consecutive days is the same as a range. */
  private static boolean isContiguousDays(Sarg<?> sarg) {
    LocalDate previous = null;
    for (Range<?> range : sarg.rangeSet.asRanges()) {
      Object point = Literals.fromComparable(range.lowerEndpoint());
      if (!sarg.isPoints() || !(point instanceof LocalDate)
          || previous != null && !previous.plusDays(1).equals(point)) {
        return false;
      }
      previous = (LocalDate) point;
    }
    return true;
  }

  private static TimeBound bound(ColumnDef column, TimeBound.Op op, Comparable<?> endpoint) {
    return new TimeBound(column.name(), column.granularity().orElseThrow(), op,
        ValueRef.constant(Literals.fromComparable(endpoint)));
  }

  private static TimeBound.Op op(SqlKind kind) {
    switch (kind) {
    case GREATER_THAN_OR_EQUAL:
      return TimeBound.Op.GE;
    case GREATER_THAN:
      return TimeBound.Op.GT;
    case LESS_THAN_OR_EQUAL:
      return TimeBound.Op.LE;
    case LESS_THAN:
      return TimeBound.Op.LT;
    default:
      return TimeBound.Op.EQ;
    }
  }
}
