package io.github.criteojdbc.client.parse;

import io.github.criteojdbc.client.ColumnRequest;
import io.github.criteojdbc.client.RowShape;
import io.github.criteojdbc.client.ValueType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Helpers for parser tests: bodies from text, shapes from "Name:TYPE" pairs, rows drained to a list. */
final class Rows {
  private Rows() {}

  static InputStream body(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code shape("CampaignId:STRING", "Clicks:LONG?")}: a trailing '?' marks an optional column. */
  static RowShape shape(String... columns) {
    return new RowShape(Arrays.stream(columns).map(c -> {
      boolean optional = c.endsWith("?");
      String[] parts = (optional ? c.substring(0, c.length() - 1) : c).split(":");
      return new ColumnRequest(parts[0], ValueType.valueOf(parts[1]), !optional);
    }).toList());
  }

  static List<List<Object>> drain(RowParser parser) throws IOException {
    List<List<Object>> rows = new ArrayList<>();
    for (Object[] row = parser.next(); row != null; row = parser.next()) {
      rows.add(Arrays.asList(row));
    }
    parser.close();
    return rows;
  }
}
