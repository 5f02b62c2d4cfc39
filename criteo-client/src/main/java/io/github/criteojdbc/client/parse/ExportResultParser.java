package io.github.criteojdbc.client.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.criteojdbc.client.OutputColumn;
import io.github.criteojdbc.client.RowShape;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams the {@code ExportResult} JSON of the statistics and audience reports:
 * {@code {"data":{"metadata":{"columns":[...],"rows":n},"data":[[...],...]}}}. The metadata key is
 * matched case-insensitively because the guide spells it {@code metaData} and the spec
 * {@code metadata}.
 */
public final class ExportResultParser extends ColumnarJsonParser {
  private final Consumer<String> warnings;
  private boolean insideData;

  private ExportResultParser(JsonParser source, RowShape shape, String reportId, Consumer<String> warnings) {
    super(source, shape, reportId);
    this.warnings = warnings;
  }

  /** Reads the head of the body up to the first row; the body stays open for {@link #next()}. */
  public static RowParser open(InputStream body, RowShape shape, String reportId, Consumer<String> warnings)
      throws IOException {
    ExportResultParser parser = new ExportResultParser(FACTORY.createParser(body), shape, reportId, warnings);
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
    return "output";
  }

  @Override
  protected boolean advance() throws IOException {
    while (true) {
      if (!insideData) {
        if (!nextField()) {
          return false;
        }
        String name = source.currentName();
        JsonToken value = source.nextToken();
        if (name.equalsIgnoreCase("data") && value == JsonToken.START_OBJECT) {
          insideData = true;
        } else if (name.equalsIgnoreCase("warnings") && value == JsonToken.START_ARRAY) {
          ProblemTexts.read(source).forEach(warnings);
        } else {
          source.skipChildren();
        }
      } else if (!nextField()) {
        insideData = false;
      } else {
        String name = source.currentName();
        JsonToken value = source.nextToken();
        if (name.equalsIgnoreCase("metadata") && value == JsonToken.START_OBJECT) {
          readMetadata();
        } else if (name.equalsIgnoreCase("data") && value == JsonToken.START_ARRAY) {
          if (rowsArrayReached()) {
            return true;
          }
        } else {
          source.skipChildren();
        }
      }
    }
  }

  private void readMetadata() throws IOException {
    while (nextField()) {
      String name = source.currentName();
      JsonToken value = source.nextToken();
      if (name.equalsIgnoreCase("columns") && value == JsonToken.START_ARRAY) {
        columns = readColumns();
      } else if (name.equalsIgnoreCase("rows") && value == JsonToken.VALUE_NUMBER_INT) {
        declaredRows = source.getIntValue();
      } else {
        source.skipChildren();
      }
    }
    if (columns == null) {
      throw malformed("its metadata has no columns");
    }
  }

  private List<OutputColumn> readColumns() throws IOException {
    List<OutputColumn> result = new ArrayList<>();
    JsonToken token;
    while ((token = source.nextToken()) == JsonToken.START_OBJECT) {
      String name = null;
      String type = null;
      String role = null;
      String relatedTo = null;
      String currency = null;
      String timezone = null;
      while (nextField()) {
        String field = source.currentName();
        JsonToken value = source.nextToken();
        String text = value.isScalarValue() && value != JsonToken.VALUE_NULL ? source.getText() : null;
        source.skipChildren();
        switch (field.toLowerCase(java.util.Locale.ROOT)) {
          case "name" -> name = text;
          case "type" -> type = text;
          case "role" -> role = text;
          case "relatedto" -> relatedTo = text;
          case "currency" -> currency = text;
          case "timezone" -> timezone = text;
          default -> { }
        }
      }
      if (name == null) {
        throw malformed("column " + (result.size() + 1) + " of its metadata has no name");
      }
      result.add(new OutputColumn(name, type, role, relatedTo, currency, timezone));
    }
    if (token != JsonToken.END_ARRAY) {
      throw malformed("its metadata columns are not objects");
    }
    return List.copyOf(result);
  }
}
