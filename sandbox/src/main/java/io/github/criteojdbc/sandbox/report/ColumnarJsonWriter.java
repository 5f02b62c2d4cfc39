package io.github.criteojdbc.sandbox.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.criteojdbc.sandbox.http.ConnectionAbort;
import io.github.criteojdbc.sandbox.http.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;

/** Streams an MPO JSON export file: {@code {"columns":[names],"data":[[..]],"rows":n}} (seed 001). */
public final class ColumnarJsonWriter {
  private ColumnarJsonWriter() {}

  public static void write(ExportTable table, DownloadFaults faults, OutputStream out) throws IOException {
    ColumnSelection columns = ColumnSelection.of(table.columns(), faults);
    JsonGenerator json = Json.generator(out);
    json.writeStartObject();
    json.writeArrayFieldStart("columns");
    for (int column : columns.headerColumns()) {
      json.writeString(table.columns().get(column).name());
    }
    json.writeEndArray();
    json.writeArrayFieldStart("data");
    long faultRow = DownloadFaults.faultRow(table.rowCount());
    RowPacer pacer = new RowPacer(faults.delayPerThousandRows());
    Iterator<Object[]> rows = table.rows();
    for (long written = 0; ; written++) {
      if (written == faultRow) {
        if (faults.truncate()) {
          json.flush();
          throw new ConnectionAbort("truncated download");
        }
        if (faults.malformed()) {
          json.writeRaw(",{\"broken\":");
        }
      }
      if (!rows.hasNext()) {
        break;
      }
      JsonRowWriter.write(json, rows.next(), columns.rowColumns());
      pacer.rowWritten(json);
    }
    json.writeEndArray();
    json.writeNumberField("rows", table.rowCount());
    json.writeEndObject();
    json.flush();
  }
}
