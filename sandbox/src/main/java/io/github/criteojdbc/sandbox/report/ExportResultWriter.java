package io.github.criteojdbc.sandbox.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.criteojdbc.sandbox.http.ConnectionAbort;
import io.github.criteojdbc.sandbox.http.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;

/**
 * Streams a Marketing Solutions report output: {@code {"data":{"metadata":{"columns":[..],"rows":N},"data":[[..]]}}}
 * (the key spelled {@code metaData} as in the docs sample when asked), row by row straight onto the response, so
 * the size of a report never matters.
 */
public final class ExportResultWriter {
  private ExportResultWriter() {}

  public static void write(ExportTable table, String metadataKey, DownloadFaults faults, OutputStream out)
      throws IOException {
    ColumnSelection columns = ColumnSelection.of(table.columns(), faults);
    JsonGenerator json = Json.generator(out);
    json.writeStartObject();
    json.writeObjectFieldStart("data");
    json.writeObjectFieldStart(metadataKey);
    json.writeArrayFieldStart("columns");
    for (int column : columns.headerColumns()) {
      json.writeObject(table.columns().get(column).toJson());
    }
    json.writeEndArray();
    json.writeNumberField("rows", table.rowCount());
    json.writeEndObject();
    json.writeArrayFieldStart("data");
    writeRows(table, faults, columns, json);
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
    json.flush();
  }

  private static void writeRows(ExportTable table, DownloadFaults faults, ColumnSelection columns, JsonGenerator json)
      throws IOException {
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
        return;
      }
      JsonRowWriter.write(json, rows.next(), columns.rowColumns());
      pacer.rowWritten(json);
    }
  }
}
