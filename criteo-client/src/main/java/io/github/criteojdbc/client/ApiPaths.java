package io.github.criteojdbc.client;

import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;

/** Builds endpoint URLs under {@code {baseUrl}/{apiVersion}/}, one percent-encoded segment per part. */
final class ApiPaths {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final HttpUrl versionRoot;

  ApiPaths(CriteoClientConfig config) {
    this.versionRoot = HttpUrl.get(config.baseUrl().toString()).newBuilder()
        .addEncodedPathSegment(encodeSegment(config.apiVersion()))
        .build();
  }

  HttpUrl url(String... segments) {
    HttpUrl.Builder url = versionRoot.newBuilder();
    for (String segment : segments) {
      url.addEncodedPathSegment(encodeSegment(segment));
    }
    return url.build();
  }

  /**
   * Encodes everything but RFC 3986 unreserved characters. Report ids are standard base64, so
   * {@code /} must not split the path, and {@code +} and {@code =} are encoded too because some
   * servers decode a literal {@code +} in a path as a space.
   */
  static String encodeSegment(String segment) {
    StringBuilder out = new StringBuilder(segment.length() + 8);
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~';
      if (unreserved) {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
    }
    return out.toString();
  }
}
