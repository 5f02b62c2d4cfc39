package io.github.criteojdbc.client.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.criteojdbc.client.OutputColumn;
import io.github.criteojdbc.client.RowShape;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Streams an MPO real-time JSON export: {@code {"columns":["advertiserId",...],"data":[[...]],"rows":n}}. */
public final class MpoJsonParser extends ColumnarJsonParser {

  private MpoJsonParser(JsonParser source, RowShape shape, String reportId) {
    super(source, shape, reportId);
  }

  /** Reads the head of the body up to the first row; the body stays open for {@link #next()}. */
  public static RowParser open(InputStream body, RowShape shape, String reportId) throws IOException {
    MpoJsonParser parser = new MpoJsonParser(FACTORY.createParser(body), shape, reportId);
    try {
      parser.start();
      return parser;
    } catch (IOException | RuntimeException e) {
      parser.close();
      throw e;
    }
  }

  @Override
  protected String description() {
    return "MPO JSON export";
  }

  @Override
  protected boolean advance() throws IOException {
    while (nextField()) {
      String name = source.currentName();
      JsonToken value = source.nextToken();
      if (name.equalsIgnoreCase("columns") && value == JsonToken.START_ARRAY) {
        columns = readColumnNames();
      } else if (name.equalsIgnoreCase("data") && value == JsonToken.START_ARRAY) {
        if (rowsArrayReached()) {
          return true;
        }
      } else if (name.equalsIgnoreCase("rows") && value == JsonToken.VALUE_NUMBER_INT) {
        declaredRows = source.getIntValue();
      } else {
        source.skipChildren();
      }
    }
    return false;
  }

  private List<OutputColumn> readColumnNames() throws IOException {
    List<OutputColumn> names = new ArrayList<>();
    JsonToken token;
    while ((token = source.nextToken()) == JsonToken.VALUE_STRING) {
      names.add(OutputColumn.named(source.getText()));
    }
    if (token != JsonToken.END_ARRAY) {
      throw malformed("its columns are not a list of names");
    }
    return List.copyOf(names);
  }
}
