package io.github.criteojdbc.client.parse;

import io.github.criteojdbc.client.OutputColumn;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Reads converted rows from one output body. Malformed content throws
 * {@link io.github.criteojdbc.client.ReportFormatException}; transport failures surface as
 * {@link IOException} so the caller can tell a cancelled download from a broken one.
 */
public interface RowParser extends Closeable {
  List<OutputColumn> outputColumns();

  /** The next row per the requested shape, or null after the last row of a complete body. */
  Object[] next() throws IOException;

  /** Rows returned so far. */
  long rowsRead();
}
