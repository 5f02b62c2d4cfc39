package io.github.criteojdbc.adapter.plan;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.function.Function1;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.rex.RexNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Evaluates a constant expression of any form Calcite supports ({@code FLOOR(TIMESTAMPADD(DAY,
 * -30, CURRENT_TIMESTAMP) TO DAY)}, {@code CAST(? AS DATE)}, {@code DATE_TRUNC}…) when the
 * statement runs, with Calcite's own code generation, so that a bound is pushed whatever a BI tool
 * writes. Compiled functions are kept per expression, since tools repeat the same SQL.
 */
final class CompiledConstants {
  private static final Cache<String, Function1<DataContext, Object[]>> COMPILED =
      CacheBuilder.newBuilder().maximumSize(1_000).build();

  private CompiledConstants() {
  }

  /**
   * The expression's value as {@code String}, {@code LocalDate}, {@code LocalDateTime},
   * {@code Long}, {@code BigDecimal} or {@code Boolean}; null for SQL NULL.
   */
  static Object evaluate(RexNode expression, RexBuilder rexBuilder, DataContext root) {
    Function1<DataContext, Object[]> function;
    try {
      function = COMPILED.get(expression.getType().getFullTypeString() + " " + expression,
          () -> RexExecutorImpl.getExecutable(rexBuilder, List.of(expression),
              rexBuilder.getTypeFactory().builder().build()).getFunction());
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot compile " + expression, e.getCause());
    }
    return toJava(function.apply(root)[0], expression);
  }

  /** Calcite's internal value (days, local milliseconds) as the values pushed into requests. */
  private static Object toJava(Object value, RexNode expression) {
    if (value == null) {
      return null;
    }
    switch (expression.getType().getSqlTypeName()) {
    case DATE:
      return LocalDate.ofEpochDay(((Number) value).longValue());
    case TIMESTAMP:
      long millis = ((Number) value).longValue();
      return LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L),
          (int) Math.floorMod(millis, 1000L) * 1_000_000, ZoneOffset.UTC);
    case TINYINT:
    case SMALLINT:
    case INTEGER:
    case BIGINT:
      return ((Number) value).longValue();
    case DECIMAL:
      return Literals.fromComparable(value instanceof BigDecimal ? value : new BigDecimal(value.toString()));
    case CHAR:
    case VARCHAR:
      return value.toString();
    default:
      return value;
    }
  }
}
