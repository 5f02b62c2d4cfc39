package io.github.criteojdbc.adapter.plan;

import org.apache.calcite.DataContext;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.Date;

/**
 * Evaluates the values of pushed filters when the statement runs: {@code ?} parameters and
 * expressions over {@code CURRENT_DATE}, {@code CURRENT_TIMESTAMP} and {@code LOCALTIMESTAMP}
 * plus or minus an interval literal directly, any other constant expression through Calcite's
 * code generation ({@link CompiledConstants}).
 */
public final class RuntimeValues {
  private RuntimeValues() {
  }

  /** Whether {@link #evaluate} supports this expression: any constant, non-null value. */
  public static boolean canEvaluate(RexNode node) {
    if (node instanceof RexLiteral) {
      return Literals.toJava((RexLiteral) node) != null;
    }
    return RexUtil.isConstant(node) && RexUtil.SubQueryFinder.find(node) == null;
  }

  /** The forms evaluated without compiling code. */
  private static boolean isDirect(RexNode node) {
    if (node instanceof RexLiteral) {
      return Literals.toJava((RexLiteral) node) != null;
    }
    if (node instanceof RexDynamicParam) {
      return true;
    }
    if (!(node instanceof RexCall)) {
      return false;
    }
    RexCall call = (RexCall) node;
    switch (call.getKind()) {
    case CAST:
      return isDirect(call.operands.get(0));
    case PLUS:
    case MINUS:
      return call.operands.size() == 2 && isDirect(call.operands.get(0))
          && isIntervalLiteral(call.operands.get(1));
    default:
      return isCurrentTime(call);
    }
  }

  /**
   * Returns the value as {@code String}, {@code LocalDate}, {@code LocalDateTime}, {@code Long}
   * or {@code BigDecimal}.
   */
  public static Object evaluate(ValueRef ref, DataContext root) {
    if (ref.isConstant()) {
      return ref.constant();
    }
    return isDirect(ref.expression()) ? evaluate(ref.expression(), root)
        : CompiledConstants.evaluate(ref.expression(), ref.rexBuilder(), root);
  }

  private static Object evaluate(RexNode node, DataContext root) {
    if (node instanceof RexLiteral) {
      return Literals.toJava((RexLiteral) node);
    }
    if (node instanceof RexDynamicParam) {
      RexDynamicParam param = (RexDynamicParam) node;
      Object value = root.get("?" + param.getIndex());
      if (value == null) {
        throw new IllegalArgumentException("parameter " + (param.getIndex() + 1) + " is not set");
      }
      return fromParameter(value, param.getType().getSqlTypeName());
    }
    RexCall call = (RexCall) node;
    switch (call.getKind()) {
    case CAST:
      return castTo(evaluate(call.operands.get(0), root), call.getType().getSqlTypeName());
    case PLUS:
      return shift(evaluate(call.operands.get(0), root), (RexLiteral) call.operands.get(1), 1);
    case MINUS:
      return shift(evaluate(call.operands.get(0), root), (RexLiteral) call.operands.get(1), -1);
    default:
      LocalDateTime now = localNow(root);
      return call.getType().getSqlTypeName() == SqlTypeName.DATE ? now.toLocalDate() : now;
    }
  }

  private static boolean isCurrentTime(RexCall call) {
    String name = call.getOperator().getName();
    return call.operands.isEmpty()
        && (name.equals("CURRENT_DATE") || name.equals("CURRENT_TIMESTAMP")
            || name.equals("LOCALTIMESTAMP"));
  }

  private static boolean isIntervalLiteral(RexNode node) {
    return node instanceof RexLiteral
        && node.getType().getSqlTypeName().getFamily() != null
        && SqlTypeName.INTERVAL_TYPES.contains(node.getType().getSqlTypeName());
  }

  /** The statement's "now" as wall-clock time in the connection's time zone. */
  private static LocalDateTime localNow(DataContext root) {
    Long millis = DataContext.Variable.CURRENT_TIMESTAMP.get(root);
    return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
  }

  private static Object shift(Object value, RexLiteral interval, int sign) {
    BigDecimal amount = interval.getValueAs(BigDecimal.class).multiply(BigDecimal.valueOf(sign));
    TimeUnit unit = interval.getType().getSqlTypeName().getEndUnit();
    boolean months = unit == TimeUnit.MONTH || unit == TimeUnit.YEAR || unit == TimeUnit.QUARTER;
    if (value instanceof LocalDate) {
      LocalDate date = (LocalDate) value;
      return months ? date.plusMonths(amount.longValueExact())
          : date.plusDays(amount.longValueExact() / 86_400_000L);
    }
    if (value instanceof LocalDateTime) {
      LocalDateTime time = (LocalDateTime) value;
      return months ? time.plusMonths(amount.longValueExact())
          : time.plusNanos(amount.longValueExact() * 1_000_000L);
    }
    throw new IllegalArgumentException("cannot add an interval to " + value);
  }

  private static Object castTo(Object value, SqlTypeName type) {
    switch (type) {
    case DATE:
      return value instanceof LocalDateTime ? ((LocalDateTime) value).toLocalDate()
          : value instanceof String ? LocalDate.parse((String) value) : value;
    case TIMESTAMP:
      return value instanceof LocalDate ? ((LocalDate) value).atStartOfDay()
          : value instanceof String ? LocalDateTime.parse(((String) value).replace(' ', 'T'))
          : value;
    case CHAR:
    case VARCHAR:
      return String.valueOf(value);
    default:
      return value;
    }
  }

  /** Parameters arrive as JDBC objects or as Calcite's internal values, depending on the path. */
  static Object fromParameter(Object value, SqlTypeName type) {
    switch (type) {
    case DATE:
      if (value instanceof Integer) {
        return LocalDate.ofEpochDay((Integer) value);
      }
      if (value instanceof java.sql.Date) {
        return ((java.sql.Date) value).toLocalDate();
      }
      if (value instanceof Date) {
        return LocalDate.ofEpochDay(Math.floorDiv(((Date) value).getTime(), 86_400_000L));
      }
      if (value instanceof Calendar) {
        return fromParameter(((Calendar) value).getTime(), type);
      }
      return castTo(value, type);
    case TIMESTAMP:
      if (value instanceof Long) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli((Long) value), ZoneOffset.UTC);
      }
      if (value instanceof java.sql.Timestamp) {
        return ((java.sql.Timestamp) value).toLocalDateTime();
      }
      if (value instanceof Date) {
        return LocalDateTime.ofInstant(((Date) value).toInstant(), ZoneOffset.UTC);
      }
      return castTo(value, type);
    case INTEGER:
    case BIGINT:
    case SMALLINT:
    case TINYINT:
      return ((Number) value).longValue();
    case CHAR:
    case VARCHAR:
      return value instanceof Number || value instanceof String ? String.valueOf(value) : value;
    default:
      return value;
    }
  }
}
