package io.github.criteojdbc.sandbox.report;

import io.github.criteojdbc.sandbox.http.ConnectionAbort;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

/**
 * Streams an MPO CSV export file like the guide's sample: a header of quoted column names, numbers unquoted
 * (ids and unrounded cost alike), text quoted, comma-separated, one {@code \n}-terminated line per row.
 */
public final class CsvWriter {
  private static final String BROKEN_LINE = "\"unterminated,field\n";

  private CsvWriter() {}

  public static void write(ExportTable table, DownloadFaults faults, OutputStream out) throws IOException {
    ColumnSelection columns = ColumnSelection.of(table.columns(), faults);
    Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    writeLine(csv, columns.headerColumns().stream().map(column -> (Object) table.columns().get(column).name())
        .toList(), true);
    long faultRow = DownloadFaults.faultRow(table.rowCount());
    RowPacer pacer = new RowPacer(faults.delayPerThousandRows());
    Iterator<Object[]> rows = table.rows();
    for (long written = 0; ; written++) {
      if (written == faultRow) {
        if (faults.truncate()) {
          csv.flush();
          throw new ConnectionAbort("truncated download");
        }
        if (faults.malformed()) {
          csv.write(BROKEN_LINE);
        }
      }
      if (!rows.hasNext()) {
        break;
      }
      Object[] row = rows.next();
      writeLine(csv, columns.rowColumns().stream().map(column -> row[column]).toList(), false);
      pacer.rowWritten(csv);
    }
    csv.flush();
  }

  private static void writeLine(Writer csv, List<Object> values, boolean header) throws IOException {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        csv.write(',');
      }
      Object value = values.get(i);
      if (value == null) {
        continue;
      }
      if (!header && ValueFormats.isNumber(value)) {
        csv.write(ValueFormats.plainNumber(value));
      } else {
        csv.write('"' + ValueFormats.text(value).replace("\"", "\"\"") + '"');
      }
    }
    csv.write('\n');
  }
}
