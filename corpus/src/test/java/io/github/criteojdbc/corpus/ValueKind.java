package io.github.criteojdbc.corpus;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** The families of SQL types the canonical form distinguishes, with the Java class a client asks for each. */
enum ValueKind {
  DATE(LocalDate.class),
  TIMESTAMP(LocalDateTime.class),
  INTEGER(Integer.class),
  BIGINT(Long.class),
  DECIMAL(BigDecimal.class),
  APPROXIMATE(Double.class),
  BOOLEAN(Boolean.class),
  TEXT(String.class);

  private final Class<?> naturalClass;

  ValueKind(Class<?> naturalClass) {
    this.naturalClass = naturalClass;
  }

  /** What {@code getObject(i, Class)} is asked for, as Metabase asks for LocalDate and LocalDateTime. */
  Class<?> naturalClass() {
    return naturalClass;
  }

  boolean isNumeric() {
    return this == INTEGER || this == BIGINT || this == DECIMAL || this == APPROXIMATE;
  }

  static ValueKind of(int sqlType) {
    return switch (sqlType) {
      case Types.DATE -> DATE;
      case Types.TIMESTAMP -> TIMESTAMP;
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> INTEGER;
      case Types.BIGINT -> BIGINT;
      case Types.DECIMAL, Types.NUMERIC -> DECIMAL;
      case Types.DOUBLE, Types.FLOAT, Types.REAL -> APPROXIMATE;
      case Types.BOOLEAN, Types.BIT -> BOOLEAN;
      default -> TEXT;
    };
  }
}
