package io.github.criteojdbc.client.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.criteojdbc.client.OutputColumn;
import io.github.criteojdbc.client.ReportFormatException;
import io.github.criteojdbc.client.RowShape;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams an MPO real-time CSV export: a header row of (possibly quoted) column names, then one
 * record per row. Every record must have as many fields as the header; a body cut inside a record
 * or a quoted value is an error.
 */
public final class MpoCsvParser implements RowParser {
  private static final CsvFactory FACTORY = CsvFactory.builder()
      .enable(CsvParser.Feature.WRAP_AS_ARRAY)
      .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
      .build();

  private final CsvParser source;
  private final String reportId;
  private List<OutputColumn> columns;
  private RowArrayReader rows;
  private boolean finished;

  private MpoCsvParser(CsvParser source, String reportId) {
    this.source = source;
    this.reportId = reportId;
  }

  /** Reads the header; the body stays open for {@link #next()}. */
  public static RowParser open(InputStream body, RowShape shape, String reportId) throws IOException {
    CsvParser source = FACTORY.createParser(body);
    source.setSchema(CsvSchema.emptySchema());
    MpoCsvParser parser = new MpoCsvParser(source, reportId);
    try {
      parser.readHeader(shape);
      return parser;
    } catch (JsonProcessingException e) {
      parser.close();
      throw new ReportFormatException("Report " + reportId + " MPO CSV export has a malformed header: "
          + e.getOriginalMessage(), e);
    } catch (IOException | RuntimeException e) {
      parser.close();
      throw e;
    }
  }

  private void readHeader(RowShape shape) throws IOException {
    if (source.nextToken() != JsonToken.START_ARRAY || source.nextToken() != JsonToken.START_ARRAY) {
      throw new ReportFormatException("Report " + reportId + " MPO CSV export is empty: it has no header row."
          + " Run the query again; if it persists the API sent a broken file");
    }
    List<OutputColumn> names = new ArrayList<>();
    while (source.nextToken() == JsonToken.VALUE_STRING) {
      names.add(OutputColumn.named(stripByteOrderMark(source.getText().trim())));
    }
    columns = List.copyOf(names);
    rows = new RowArrayReader(source, ColumnBinding.bind(columns, shape, reportId), reportId);
  }

  private static String stripByteOrderMark(String name) {
    return name.startsWith("\uFEFF") ? name.substring(1) : name;
  }

  @Override
  public List<OutputColumn> outputColumns() {
    return columns;
  }

  @Override
  public Object[] next() throws IOException {
    if (finished) {
      return null;
    }
    Object[] row = rows.next();
    if (row == null) {
      finished = true;
    }
    return row;
  }

  @Override
  public long rowsRead() {
    return rows.rowsRead();
  }

  @Override
  public void close() throws IOException {
    source.close();
  }
}
