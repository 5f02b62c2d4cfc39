package io.github.criteojdbc.sandbox.report;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Marketing Solutions report ids: standard base64 of {@code <uuid>|<currency>|<timezone>|} like the documented
 * sample, plus fixed bytes that make every id contain {@code +} and {@code /} and end with {@code =}, so a
 * client that forgets to percent-encode the id in a path finds out at once.
 */
public final class ReportIds {
  /** Encodes to {@code ++//}: placed on a 3-byte boundary so it survives any prefix length. */
  private static final byte[] PLUS_AND_SLASH = {(byte) 0xFB, (byte) 0xEF, (byte) 0xFF};
  /** Two trailing bytes encode to {@code //8=}: the id always ends with padding. */
  private static final byte[] PADDED_TAIL = {(byte) 0xFF, (byte) 0xFF};
  private static final byte FILLER = '|';

  private ReportIds() {}

  public static String newStatisticsId(String currency, String timezone) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes((UUID.randomUUID() + "|" + currency + "|" + timezone + "|").getBytes(StandardCharsets.UTF_8));
    while (bytes.size() % 3 != 0) {
      bytes.write(FILLER);
    }
    bytes.writeBytes(PLUS_AND_SLASH);
    bytes.writeBytes(PADDED_TAIL);
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }
}
