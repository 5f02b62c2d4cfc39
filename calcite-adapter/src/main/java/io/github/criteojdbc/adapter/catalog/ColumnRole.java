package io.github.criteojdbc.adapter.catalog;

/** What a column of a report table is to the API. */
public enum ColumnRole {
  /** A dimension the report can be broken down by (ids, names, devices, countries...). */
  DIMENSION,
  /** A time bucket dimension (hour, day, week, month, year). */
  TIME,
  /** A metric computed by the API at the grain of the requested dimensions. */
  METRIC,
  /** The currency of the money columns, read from the output metadata rather than requested. */
  CURRENCY,
  /** A column that only chooses the report (for example its date range) and is not in the output. */
  PARAMETER
}
