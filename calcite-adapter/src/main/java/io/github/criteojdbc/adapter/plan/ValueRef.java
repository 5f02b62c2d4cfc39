package io.github.criteojdbc.adapter.plan;

import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexVisitorImpl;

import java.util.Objects;

/**
 * A value pushed into a report request: either a constant known at plan time, or an expression
 * only known when the statement runs (a {@code ?} parameter, {@code CURRENT_DATE - INTERVAL ...}).
 * Expressions are kept, not dropped, so that a prepared statement never silently loses its date
 * range.
 */
public final class ValueRef {
  private final Object constant;
  private final RexNode expression;
  private final RexBuilder rexBuilder;

  private ValueRef(Object constant, RexNode expression, RexBuilder rexBuilder) {
    this.constant = constant;
    this.expression = expression;
    this.rexBuilder = rexBuilder;
  }

  /** A constant: {@code String}, {@code LocalDate}, {@code LocalDateTime} or {@code Long}. */
  public static ValueRef constant(Object value) {
    return new ValueRef(Objects.requireNonNull(value, "value"), null, null);
  }

  /** An expression evaluated when the statement runs; the builder is its planner's, for compiling. */
  public static ValueRef expression(RexNode expression, RexBuilder rexBuilder) {
    return new ValueRef(null, Objects.requireNonNull(expression, "expression"),
        Objects.requireNonNull(rexBuilder, "rexBuilder"));
  }

  public boolean isConstant() {
    return constant != null;
  }

  public Object constant() {
    return constant;
  }

  /** Whether the value depends on a {@code ?} parameter, so is only known when the statement runs. */
  public boolean needsParameters() {
    if (expression == null) {
      return false;
    }
    boolean[] found = {false};
    expression.accept(new RexVisitorImpl<Void>(true) {
      @Override public Void visitDynamicParam(RexDynamicParam param) {
        found[0] = true;
        return null;
      }
    });
    return found[0];
  }

  public RexNode expression() {
    return expression;
  }

  RexBuilder rexBuilder() {
    return rexBuilder;
  }

  @Override public boolean equals(Object o) {
    return o instanceof ValueRef
        && Objects.equals(constant, ((ValueRef) o).constant)
        && Objects.equals(expression, ((ValueRef) o).expression);
  }

  @Override public int hashCode() {
    return Objects.hash(constant, expression);
  }

  @Override public String toString() {
    return constant != null ? constant.toString() : expression.toString();
  }
}
