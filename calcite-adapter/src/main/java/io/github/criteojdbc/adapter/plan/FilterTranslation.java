package io.github.criteojdbc.adapter.plan;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

import org.apache.calcite.rex.RexNode;

/**
 * A {@code WHERE} condition split into what the report request answers and the residual that
 * Calcite must still apply to the rows.
 */
public final class FilterTranslation {
  private final ImmutableMap<String, ImmutableList<ValueRef>> equalities;
  private final ImmutableList<TimeBound> timeBounds;
  private final ImmutableList<RexNode> residual;
  private final boolean empty;

  FilterTranslation(ImmutableMap<String, ImmutableList<ValueRef>> equalities,
      ImmutableList<TimeBound> timeBounds, ImmutableList<RexNode> residual, boolean empty) {
    this.equalities = equalities;
    this.timeBounds = timeBounds;
    this.residual = residual;
    this.empty = empty;
  }

  public ImmutableMap<String, ImmutableList<ValueRef>> equalities() {
    return equalities;
  }

  public ImmutableList<TimeBound> timeBounds() {
    return timeBounds;
  }

  /** Conjuncts Calcite keeps: those not pushed, and pushed ones the request answers only in part. */
  public ImmutableList<RexNode> residual() {
    return residual;
  }

  public boolean isEmpty() {
    return empty;
  }

  public boolean pushedAnything() {
    return !equalities.isEmpty() || !timeBounds.isEmpty() || empty;
  }
}
