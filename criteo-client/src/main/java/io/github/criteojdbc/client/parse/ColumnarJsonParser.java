package io.github.criteojdbc.client.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.github.criteojdbc.client.OutputColumn;
import io.github.criteojdbc.client.ReportFormatException;
import io.github.criteojdbc.client.RowShape;
import java.io.IOException;
import java.util.List;

/**
 * Common walk of the JSON outputs that hold column metadata next to a positional rows array.
 *
 * <p>When the metadata comes first (the documented order) the rows are streamed straight from the
 * body. When the rows come first they are spooled to a temporary file until the metadata is read,
 * then streamed from there. After the last row the rest of the document is read to its end, so a
 * body cut short after the rows array is still an error, and the row count is checked against the
 * declared one.
 */
abstract class ColumnarJsonParser implements RowParser {
  /** Doubles and big numbers read by Jackson's own exact fast parsers, the JDK's being the slowest part of a row. */
  static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
      .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
      .build();

  protected final JsonParser source;
  protected final String reportId;
  private final RowShape shape;
  protected List<OutputColumn> columns;
  protected Integer declaredRows;
  private JsonSpool spool;
  private JsonParser spooledRows;
  private RowArrayReader rows;
  private boolean streaming;
  private boolean finished;

  ColumnarJsonParser(JsonParser source, RowShape shape, String reportId) {
    this.source = source;
    this.shape = shape;
    this.reportId = reportId;
  }

  /**
   * Reads the document's fields onward from where it stopped. Subclasses call
   * {@link #rowsArrayReached()} on the rows' {@code START_ARRAY} and return its result when true.
   *
   * @return true when positioned to stream rows; false when the root object closed
   */
  protected abstract boolean advance() throws IOException;

  /** What the output is, for error messages ("MPO JSON export"). */
  protected abstract String description();

  /** Reads up to the first row (or through the whole document when rows must be spooled). */
  final void start() throws IOException {
    try {
      JsonToken first = source.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw malformed("it does not start with a JSON object but " + first);
      }
      if (advance()) {
        return;
      }
      requireEndOfDocument();
      if (columns == null) {
        throw malformed("it has no column metadata");
      }
      ColumnBinding binding = ColumnBinding.bind(columns, shape, reportId);
      if (spool != null) {
        spooledRows = spool.reopen();
        rows = new RowArrayReader(spooledRows, binding, reportId);
      }
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
  }

  /** Call on the rows' {@code START_ARRAY}: true when the rows can be streamed now. */
  protected final boolean rowsArrayReached() throws IOException {
    if (rows != null || spool != null) {
      throw malformed("it holds two rows arrays");
    }
    if (columns != null) {
      rows = new RowArrayReader(source, ColumnBinding.bind(columns, shape, reportId), reportId);
      streaming = true;
      return true;
    }
    spool = JsonSpool.copyArray(source, FACTORY);
    return false;
  }

  @Override
  public final List<OutputColumn> outputColumns() {
    return columns;
  }

  @Override
  public final Object[] next() throws IOException {
    if (finished) {
      return null;
    }
    Object[] row = rows == null ? null : rows.next();
    if (row == null) {
      finished = true;
      finish();
    }
    return row;
  }

  private void finish() throws IOException {
    try {
      if (streaming && advance()) {
        throw malformed("it holds two rows arrays");
      }
      if (streaming) {
        requireEndOfDocument();
      }
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
    if (declaredRows != null && declaredRows != rowsRead()) {
      throw new ReportFormatException("Report " + reportId + " " + description() + " declares " + declaredRows
          + " rows but holds " + rowsRead() + "; run the query again");
    }
  }

  @Override
  public final long rowsRead() {
    return rows == null ? 0 : rows.rowsRead();
  }

  /** Moves to the next field name of the current object; false when the object closes. */
  protected final boolean nextField() throws IOException {
    JsonToken token = source.nextToken();
    if (token == JsonToken.FIELD_NAME) {
      return true;
    }
    if (token == JsonToken.END_OBJECT) {
      return false;
    }
    throw malformed(token == null ? "it ends early" : "unexpected " + token);
  }

  private void requireEndOfDocument() throws IOException {
    JsonToken after = source.nextToken();
    if (after != null) {
      throw malformed("it continues after the root object with " + after);
    }
  }

  protected final ReportFormatException malformed(String why) {
    return new ReportFormatException("Report " + reportId + " " + description() + " is malformed: " + why
        + ". Run the query again; if it persists the API sent a broken file");
  }

  private ReportFormatException malformed(JsonProcessingException e) {
    return new ReportFormatException("Report " + reportId + " " + description() + " is malformed or cut short: "
        + e.getOriginalMessage() + ". Run the query again; if it persists the API sent a broken file", e);
  }

  @Override
  public void close() throws IOException {
    try {
      source.close();
      if (spooledRows != null) {
        spooledRows.close();
      }
    } finally {
      if (spool != null) {
        spool.close();
      }
    }
  }
}
