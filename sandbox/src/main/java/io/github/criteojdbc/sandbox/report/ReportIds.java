package io.github.criteojdbc.sandbox.report;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ids of one sandbox's reports, each with a serial number (1, 2, ...) that picks its {@link ReportVariant}.
 * The UUID in an id is random in its first half, so ids never repeat between sandboxes, and holds the serial in
 * its last 12 hex digits, where it can be read when a test needs to know why a report answered as it did.
 *
 * <p>Marketing Solutions report ids are standard base64 of {@code <uuid>|<currency>|<timezone>|} like the
 * documented sample, plus fixed bytes that make every id contain {@code +} and {@code /} and end with {@code =},
 * so a client that forgets to percent-encode the id in a path finds out at once. MPO export ids are the UUID.
 */
public final class ReportIds {
  /** Encodes to {@code ++//}: placed on a 3-byte boundary so it survives any prefix length. */
  private static final byte[] PLUS_AND_SLASH = {(byte) 0xFB, (byte) 0xEF, (byte) 0xFF};
  /** Two trailing bytes encode to {@code //8=}: the id always ends with padding. */
  private static final byte[] PADDED_TAIL = {(byte) 0xFF, (byte) 0xFF};
  private static final byte FILLER = '|';
  private static final long SERIAL_BITS = 0xFFFF_FFFF_FFFFL;
  private static final int UUID_LENGTH = 36;

  private final AtomicLong serials = new AtomicLong();

  /** A new id of a statistics or audience report. */
  public SerialId nextStatisticsId(String currency, String timezone) {
    long serial = serials.incrementAndGet();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes((uuid(serial) + "|" + currency + "|" + timezone + "|").getBytes(StandardCharsets.UTF_8));
    while (bytes.size() % 3 != 0) {
      bytes.write(FILLER);
    }
    bytes.writeBytes(PLUS_AND_SLASH);
    bytes.writeBytes(PADDED_TAIL);
    return new SerialId(Base64.getEncoder().encodeToString(bytes.toByteArray()), serial);
  }

  /** A new MPO export id. */
  public SerialId nextExportId() {
    long serial = serials.incrementAndGet();
    return new SerialId(uuid(serial).toString(), serial);
  }

  /** The serial number of a report or export id made here. */
  public static long serialOf(String id) {
    String uuid = id.length() == UUID_LENGTH ? id
        : new String(Base64.getDecoder().decode(id), StandardCharsets.UTF_8).substring(0, UUID_LENGTH);
    return UUID.fromString(uuid).getLeastSignificantBits() & SERIAL_BITS;
  }

  private static UUID uuid(long serial) {
    return new UUID(ThreadLocalRandom.current().nextLong(), serial & SERIAL_BITS);
  }

  /** A report id and the serial number it was made from. */
  public record SerialId(String id, long serial) {}
}
