package io.github.criteojdbc.adapter.exec;

/** Rows of one report in the order of its request's row shape, read one at a time. */
interface RawRows extends AutoCloseable {
  /** The next row, or null at the end. */
  Object[] next();

  /** Currency of the report's money columns, known once the output has been opened. */
  String currency();

  @Override void close();
}
