package io.github.criteojdbc.sandbox.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a raw (still percent-encoded) request path into decoded segments. Splitting happens before decoding,
 * so an encoded {@code %2F} stays inside its segment while a raw {@code /} starts a new one; {@code +} is a
 * literal plus in a path, never a space.
 */
public final class PathSegments {
  private PathSegments() {}

  /** The decoded segments, or empty when the path holds a malformed percent escape. */
  public static Optional<List<String>> decode(String rawPath) {
    List<String> segments = new ArrayList<>();
    for (String raw : rawPath.split("/", -1)) {
      if (raw.isEmpty()) {
        continue;
      }
      Optional<String> decoded = percentDecode(raw);
      if (decoded.isEmpty()) {
        return Optional.empty();
      }
      segments.add(decoded.get());
    }
    return Optional.of(List.copyOf(segments));
  }

  public static Optional<String> percentDecode(String raw) {
    if (raw.indexOf('%') < 0) {
      return Optional.of(raw);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '%') {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      if (i + 2 >= raw.length()) {
        return Optional.empty();
      }
      int high = Character.digit(raw.charAt(i + 1), 16);
      int low = Character.digit(raw.charAt(i + 2), 16);
      if (high < 0 || low < 0) {
        return Optional.empty();
      }
      bytes.write(high * 16 + low);
      i += 2;
    }
    return Optional.of(bytes.toString(StandardCharsets.UTF_8));
  }
}
