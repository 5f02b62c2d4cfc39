package io.github.criteojdbc.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The baselines that bypass the driver: the fastest hand-written Jackson streaming read of a
 * statistics output ({@code {"data":{"metadata":{"columns":[..]},"data":[[..]]}}}) into the
 * driver's value types, and what an SDK user would do instead (the whole body as a tree, then
 * iterated; money as exact {@code BigDecimal}, as a careful user would ask for).
 */
final class PlainJacksonReader {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper TREE_MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

  private PlainJacksonReader() {
  }

  static long streaming(byte[] body) throws IOException {
    try (JsonParser parser = FACTORY.createParser(body)) {
      return streaming(parser);
    }
  }

  static long streaming(InputStream body) throws IOException {
    try (JsonParser parser = FACTORY.createParser(body)) {
      return streaming(parser);
    }
  }

  private static long streaming(JsonParser parser) throws IOException {
    expect(parser.nextToken(), JsonToken.START_OBJECT);
    expectField(parser, "data");
    expect(parser.nextToken(), JsonToken.START_OBJECT);
    expectField(parser, "metadata");
    expect(parser.nextToken(), JsonToken.START_OBJECT);
    List<String> names = new ArrayList<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      if ("columns".equals(parser.currentName())) {
        expect(parser.nextToken(), JsonToken.START_ARRAY);
        while (parser.nextToken() == JsonToken.START_OBJECT) {
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if ("name".equals(field)) {
              names.add(parser.getText());
            }
          }
        }
      } else {
        parser.nextToken();
        parser.skipChildren();
      }
    }
    StreamedColumns.Kind[] kinds = StreamedColumns.kinds(names);
    expectField(parser, "data");
    expect(parser.nextToken(), JsonToken.START_ARRAY);
    long sum = 0;
    while (parser.nextToken() == JsonToken.START_ARRAY) {
      int column = 0;
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        sum += StreamedColumns.fromToken(parser, token, kinds[column++]);
      }
    }
    return sum;
  }

  static long tree(byte[] body) throws IOException {
    JsonNode root = TREE_MAPPER.readTree(body).get("data");
    List<String> names = new ArrayList<>();
    root.get("metadata").get("columns").forEach(column -> names.add(column.get("name").asText()));
    StreamedColumns.Kind[] kinds = StreamedColumns.kinds(names);
    long sum = 0;
    for (JsonNode row : root.get("data")) {
      for (int column = 0; column < kinds.length; column++) {
        sum += StreamedColumns.fromNode(row.get(column), kinds[column]);
      }
    }
    return sum;
  }

  private static void expectField(JsonParser parser, String name) throws IOException {
    expect(parser.nextToken(), JsonToken.FIELD_NAME);
    if (!name.equals(parser.currentName())) {
      throw new IOException("expected field " + name + " but found " + parser.currentName());
    }
  }

  private static void expect(JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new IOException("expected " + expected + " but found " + actual);
    }
  }
}
