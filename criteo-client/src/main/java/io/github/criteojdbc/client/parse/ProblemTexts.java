package io.github.criteojdbc.client.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads a {@code warnings} array of problem objects as one readable line per entry. */
public final class ProblemTexts {
  private ProblemTexts() {}

  /** The parser sits on the array's {@code START_ARRAY}; leaves it on the matching {@code END_ARRAY}. */
  static List<String> read(JsonParser parser) throws IOException {
    List<String> texts = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
      if (token != JsonToken.START_OBJECT) {
        parser.skipChildren();
        continue;
      }
      String code = null;
      String title = null;
      String detail = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        String text = value.isScalarValue() && value != JsonToken.VALUE_NULL ? parser.getText() : null;
        parser.skipChildren();
        switch (field) {
          case "code" -> code = text;
          case "title" -> title = text;
          case "detail" -> detail = text;
          default -> { }
        }
      }
      texts.add(format(code, title, detail));
    }
    return texts;
  }

  public static String format(String code, String title, String detail) {
    StringBuilder text = new StringBuilder("Criteo API warning");
    if (code != null) {
      text.append(' ').append(code);
    }
    String explanation = detail != null ? detail : title;
    if (explanation != null) {
      text.append(": ").append(explanation);
    }
    return text.toString();
  }
}
