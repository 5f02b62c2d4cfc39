package io.github.criteojdbc.adapter.plan;

import io.github.criteojdbc.adapter.catalog.TimeGranularity;

import java.util.Locale;
import java.util.Objects;

/** One bound on a time column pushed into the report's date range, such as {@code day >= ?}. */
public final class TimeBound {
  /** The comparison, read as {@code column <op> value}. */
  public enum Op {
    GE(">="), GT(">"), LE("<="), LT("<"), EQ("=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    /** The same comparison with its operands swapped ({@code 5 < x} is {@code x > 5}). */
    public Op flip() {
      switch (this) {
      case GE:
        return LE;
      case GT:
        return LT;
      case LE:
        return GE;
      case LT:
        return GT;
      default:
        return EQ;
      }
    }
  }

  private final String column;
  private final TimeGranularity granularity;
  private final Op op;
  private final ValueRef value;

  public TimeBound(String column, TimeGranularity granularity, Op op, ValueRef value) {
    this.column = Objects.requireNonNull(column, "column");
    this.granularity = Objects.requireNonNull(granularity, "granularity");
    this.op = Objects.requireNonNull(op, "op");
    this.value = Objects.requireNonNull(value, "value");
  }

  public String column() {
    return column;
  }

  public TimeGranularity granularity() {
    return granularity;
  }

  public Op op() {
    return op;
  }

  public ValueRef value() {
    return value;
  }

  @Override public boolean equals(Object o) {
    if (!(o instanceof TimeBound)) {
      return false;
    }
    TimeBound that = (TimeBound) o;
    return column.equals(that.column) && op == that.op && value.equals(that.value);
  }

  @Override public int hashCode() {
    return Objects.hash(column, op, value);
  }

  @Override public String toString() {
    return String.format(Locale.ROOT, "%s %s %s", column, op.symbol, value);
  }
}
