package io.github.criteojdbc.adapter.plan;

import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimestampString;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Converts Calcite literal values into the plain Java values pushed into report requests. */
final class Literals {
  private Literals() {
  }

  /** Returns the Java value of a literal, or null when it is not a kind that can be pushed. */
  static Object toJava(RexLiteral literal) {
    if (literal.isNull()) {
      return null;
    }
    switch (literal.getType().getSqlTypeName()) {
    case CHAR:
    case VARCHAR:
      return literal.getValueAs(String.class);
    case DATE:
      return fromComparable(literal.getValueAs(DateString.class));
    case TIMESTAMP:
      return fromComparable(literal.getValueAs(TimestampString.class));
    case TINYINT:
    case SMALLINT:
    case INTEGER:
    case BIGINT:
    case DECIMAL:
      return fromComparable(literal.getValueAs(BigDecimal.class));
    default:
      return null;
    }
  }

  /** Converts a Sarg endpoint (NlsString, DateString, TimestampString, BigDecimal). */
  static Object fromComparable(Object value) {
    if (value instanceof NlsString) {
      return ((NlsString) value).getValue();
    }
    if (value instanceof DateString) {
      return LocalDate.ofEpochDay(((DateString) value).getDaysSinceEpoch());
    }
    if (value instanceof TimestampString) {
      return LocalDateTime.parse(value.toString().replace(' ', 'T'));
    }
    if (value instanceof BigDecimal) {
      BigDecimal number = (BigDecimal) value;
      return number.stripTrailingZeros().scale() <= 0 ? (Object) number.longValueExact() : number;
    }
    return value;
  }
}
