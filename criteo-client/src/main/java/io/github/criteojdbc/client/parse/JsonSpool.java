package io.github.criteojdbc.client.parse;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.criteojdbc.client.ReportFormatException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A rows array parked in a temporary file. Used when an output sends its rows before the column
 * metadata: the rows cannot be converted yet, and holding them in memory would not scale.
 */
final class JsonSpool implements Closeable {
  private final JsonFactory factory;
  private final Path file;

  private JsonSpool(JsonFactory factory, Path file) {
    this.factory = factory;
    this.file = file;
  }

  /** Copies the array the parser is on (through its closing bracket) to a temporary file. */
  static JsonSpool copyArray(JsonParser source, JsonFactory factory) throws IOException {
    Path file = Files.createTempFile("criteo-report-rows-", ".json");
    try (JsonGenerator out = factory.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      copyStructure(source, out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    return new JsonSpool(factory, file);
  }

  /** Numbers are copied as their text so that decimals stay exact. */
  private static void copyStructure(JsonParser source, JsonGenerator out) throws IOException {
    int depth = 0;
    JsonToken token = source.currentToken();
    do {
      switch (token) {
        case START_ARRAY -> {
          out.writeStartArray();
          depth++;
        }
        case END_ARRAY -> {
          out.writeEndArray();
          depth--;
        }
        case START_OBJECT -> {
          out.writeStartObject();
          depth++;
        }
        case END_OBJECT -> {
          out.writeEndObject();
          depth--;
        }
        case FIELD_NAME -> out.writeFieldName(source.currentName());
        case VALUE_STRING -> out.writeString(source.getText());
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> out.writeNumber(source.getText());
        case VALUE_TRUE, VALUE_FALSE -> out.writeBoolean(token == JsonToken.VALUE_TRUE);
        case VALUE_NULL -> out.writeNull();
        default -> throw new ReportFormatException("unexpected " + token + " in the rows array");
      }
      if (depth == 0) {
        return;
      }
      token = source.nextToken();
    } while (token != null);
    throw new ReportFormatException("output ends inside the rows array");
  }

  /** A parser over the parked rows, positioned on their opening bracket. */
  JsonParser reopen() throws IOException {
    JsonParser parser = factory.createParser(file.toFile());
    parser.nextToken();
    return parser;
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(file);
  }
}
