package io.github.criteojdbc.driver;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLWarning;
import java.util.Objects;

/**
 * A chain of {@link SQLWarning}s as the team server's side endpoint sends it to the thin driver:
 * one line per warning, in chain order, of its SQLState, vendor code and URL-encoded message,
 * separated by tabs. Encoded, a message has neither tab nor line break, whatever it says.
 */
public final class WireWarnings {
  public static final String CONTENT_TYPE = "text/plain; charset=utf-8";
  private static final String FIELD = "\t";
  private static final String LINE = "\n";

  private WireWarnings() {
  }

  public static byte[] encode(SQLWarning head) {
    StringBuilder text = new StringBuilder();
    for (SQLWarning warning = head; warning != null; warning = warning.getNextWarning()) {
      text.append(Objects.toString(warning.getSQLState(), "")).append(FIELD).append(warning.getErrorCode())
          .append(FIELD).append(URLEncoder.encode(warning.getMessage(), StandardCharsets.UTF_8)).append(LINE);
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The chain {@link #encode} wrote; null when it wrote none, as {@code getWarnings()} answers. */
  static SQLWarning decode(String text) {
    SQLWarning head = null;
    SQLWarning tail = null;
    for (String line : text.split(LINE)) {
      String[] fields = line.split(FIELD, 3);
      if (fields.length < 3) {
        continue;
      }
      SQLWarning warning = new SQLWarning(URLDecoder.decode(fields[2], StandardCharsets.UTF_8),
          fields[0].isEmpty() ? null : fields[0], Integer.parseInt(fields[1]));
      if (head == null) {
        head = warning;
      } else {
        tail.setNextWarning(warning);
      }
      tail = warning;
    }
    return head;
  }
}
