package io.github.criteojdbc.client;

/** The Java representation a caller wants for one output column. */
public enum ValueType {
  /** {@link String}; numbers keep their exact text ({@code 1111} reads as {@code "1111"}). */
  STRING,
  /** {@link Integer}. */
  INTEGER,
  /** {@link Long}. */
  LONG,
  /** {@link Double}. */
  DOUBLE,
  /** {@link java.math.BigDecimal}, from the exact text, never through a double. */
  DECIMAL,
  /** {@link Boolean}. */
  BOOLEAN,
  /** {@link Integer} days since 1970-01-01, from {@code yyyy-MM-dd}, {@code yyyy/M/d}, {@code yyyy-MM} or a date-time's date. */
  DATE,
  /**
   * {@link Long} milliseconds since the epoch of the <em>local</em> date-time: the wall-clock time
   * read as if it were UTC (Calcite's internal TIMESTAMP). An offset in the value is dropped.
   */
  TIMESTAMP
}
