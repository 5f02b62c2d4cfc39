package io.github.criteojdbc.client.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.github.criteojdbc.client.ReportFormatException;
import java.io.IOException;

/**
 * Reads positional rows ({@code [[v, v, ...], ...]}) one at a time from a token stream, checking
 * each row's width and converting only the requested values. Serves JSON outputs and CSV files
 * (which Jackson exposes as the same array tokens).
 */
final class RowArrayReader {
  private final JsonParser parser;
  private final ColumnBinding binding;
  private final String reportId;
  private long rowsRead;

  /** @param parser positioned on the {@code START_ARRAY} that opens the rows */
  RowArrayReader(JsonParser parser, ColumnBinding binding, String reportId) {
    this.parser = parser;
    this.binding = binding;
    this.reportId = reportId;
  }

  /** The next row, or null when the rows array closes. */
  Object[] next() throws IOException {
    try {
      JsonToken token = parser.nextToken();
      if (token == JsonToken.END_ARRAY) {
        return null;
      }
      if (token != JsonToken.START_ARRAY) {
        throw new ReportFormatException("Report " + reportId + " output is malformed: row " + (rowsRead + 1)
            + " is " + describe(token) + ", not an array of values");
      }
      Object[] row = new Object[binding.rowWidth()];
      int width = binding.outputWidth();
      int column = 0;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (token == null) {
          throw cutShort(null);
        }
        int[] targets = column < width ? binding.targetsOf(column) : new int[0];
        for (int target : targets) {
          row[target] = convert(token, target, column);
        }
        if (token.isStructStart()) {
          parser.skipChildren();
        }
        column++;
      }
      if (column != width) {
        throw new ReportFormatException("Report " + reportId + " output is inconsistent: row " + (rowsRead + 1)
            + " has " + column + " values but the output declares " + width + " columns "
            + binding.outputColumns().stream().map(c -> c.name()).toList());
      }
      rowsRead++;
      return row;
    } catch (JsonProcessingException e) {
      throw cutShort(e);
    }
  }

  long rowsRead() {
    return rowsRead;
  }

  private Object convert(JsonToken token, int target, int column) throws IOException {
    try {
      return ValueConverter.fromToken(parser, token, binding.typeAt(target));
    } catch (IllegalArgumentException e) {
      String value = token.isStructStart() ? token.asString() : parser.getText();
      throw new ReportFormatException("Report " + reportId + ": value '" + value + "' in column "
          + binding.outputName(column) + " (row " + (rowsRead + 1) + ") is not a valid "
          + binding.typeAt(target) + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
    }
  }

  private ReportFormatException cutShort(JsonProcessingException cause) {
    return new ReportFormatException("Report " + reportId + " output is malformed or cut short after " + rowsRead
        + " complete rows" + (cause == null ? "" : ": " + cause.getOriginalMessage())
        + ". Run the query again; if it persists the API sent a broken file", cause);
  }

  private static String describe(JsonToken token) {
    return token == null ? "missing (the body ends early)" : "a " + token.name();
  }
}
