package io.github.criteojdbc.sandbox.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

/** Writes one row as a JSON array, numbers as numbers and everything else as strings. */
final class JsonRowWriter {
  private JsonRowWriter() {}

  static void write(JsonGenerator json, Object[] row, List<Integer> columns) throws IOException {
    json.writeStartArray();
    for (int column : columns) {
      Object value = row[column];
      if (value == null) {
        json.writeNull();
      } else if (value instanceof Long number) {
        json.writeNumber(number);
      } else if (value instanceof Integer number) {
        json.writeNumber(number);
      } else if (value instanceof Double number) {
        json.writeNumber(number);
      } else if (value instanceof BigDecimal number) {
        json.writeNumber(number);
      } else {
        json.writeString(ValueFormats.text(value));
      }
    }
    json.writeEndArray();
  }
}
