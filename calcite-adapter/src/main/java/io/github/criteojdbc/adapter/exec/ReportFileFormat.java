package io.github.criteojdbc.adapter.exec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.google.common.collect.ImmutableList;
import com.google.common.io.CountingOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * The bytes of one cached report on disk: a magic and format version, a CBOR document (header
 * with the full key, row count, column types, currency, expiry and completeness, then the rows),
 * and a trailer with the document's length and a CRC32C of everything before it. Anything that
 * does not check out (truncated, corrupt, another key, a value of another type than its column
 * declares) reads as no entry, never as rows.
 */
final class ReportFileFormat {
  static final int VERSION = 1;
  private static final byte[] MAGIC = "CRJDBCRC".getBytes(StandardCharsets.US_ASCII);
  private static final int PREAMBLE = MAGIC.length + Integer.BYTES;
  private static final int TRAILER = Long.BYTES + Integer.BYTES;
  private static final CBORFactory CBOR = new CBORFactory();

  private ReportFileFormat() {
  }

  /** A report as the disk tier keeps it. */
  record StoredReport(String key, ImmutableList<Object[]> rows, boolean complete, String currency,
      Instant fetchedAt, Instant expiresAt) {
  }

  /** The Java class each column's values have, as the rows of the adapter hold them. */
  enum ColumnType {
    STRING(String.class), INTEGER(Integer.class), LONG(Long.class), DOUBLE(Double.class),
    DECIMAL(BigDecimal.class), BOOLEAN(Boolean.class), NULL(Void.class);

    private final Class<?> javaClass;

    ColumnType(Class<?> javaClass) {
      this.javaClass = javaClass;
    }

    static Optional<ColumnType> of(Class<?> javaClass) {
      return Arrays.stream(values()).filter(type -> type.javaClass == javaClass).findFirst();
    }
  }

  /**
   * Writes the report, or returns false having written nothing useful when its rows do not have
   * one known type per column (such a report is then kept in memory only).
   */
  static boolean write(StoredReport report, OutputStream out) throws IOException {
    Optional<List<ColumnType>> types = columnTypes(report.rows());
    if (types.isEmpty()) {
      return false;
    }
    CRC32C crc = new CRC32C();
    CheckedOutputStream checked = new CheckedOutputStream(out, crc);
    checked.write(ByteBuffer.allocate(PREAMBLE).put(MAGIC).putInt(VERSION).array());
    CountingOutputStream document = new CountingOutputStream(checked);
    try (JsonGenerator cbor = CBOR.createGenerator(document)) {
      cbor.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      cbor.writeStartObject();
      cbor.writeNumberField("version", VERSION);
      cbor.writeStringField("keyDigest", ReportFileNames.digest(report.key()));
      cbor.writeStringField("key", report.key());
      cbor.writeNumberField("rowCount", report.rows().size());
      cbor.writeArrayFieldStart("columnTypes");
      for (ColumnType type : types.get()) {
        cbor.writeString(type.name());
      }
      cbor.writeEndArray();
      if (report.currency() != null) {
        cbor.writeStringField("currency", report.currency());
      }
      cbor.writeNumberField("fetchedAtMillis", report.fetchedAt().toEpochMilli());
      cbor.writeNumberField("expiresAtMillis", report.expiresAt().toEpochMilli());
      cbor.writeBooleanField("complete", report.complete());
      cbor.writeArrayFieldStart("rows");
      for (Object[] row : report.rows()) {
        cbor.writeStartArray();
        for (int i = 0; i < row.length; i++) {
          writeValue(cbor, types.get().get(i), row[i]);
        }
        cbor.writeEndArray();
      }
      cbor.writeEndArray();
      cbor.writeEndObject();
    }
    out.write(ByteBuffer.allocate(TRAILER).putLong(document.getCount()).putInt((int) crc.getValue()).array());
    return true;
  }

  /** The report these bytes hold when they are intact and of this format, whatever its key. */
  static Optional<StoredReport> read(byte[] bytes) {
    if (bytes.length < PREAMBLE + TRAILER
        || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
        || ByteBuffer.wrap(bytes, MAGIC.length, Integer.BYTES).getInt() != VERSION) {
      return Optional.empty();
    }
    ByteBuffer trailer = ByteBuffer.wrap(bytes, bytes.length - TRAILER, TRAILER);
    long bodyLength = trailer.getLong();
    int checksum = trailer.getInt();
    if (bodyLength != bytes.length - PREAMBLE - TRAILER) {
      return Optional.empty();
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - TRAILER);
    if ((int) crc.getValue() != checksum) {
      return Optional.empty();
    }
    try (JsonParser cbor = CBOR.createParser(bytes, PREAMBLE, (int) bodyLength)) {
      return Optional.of(parse(cbor));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static StoredReport parse(JsonParser cbor) throws IOException {
    expect(cbor.nextToken() == JsonToken.START_OBJECT);
    expect(field(cbor, "version").getIntValue() == VERSION);
    String keyDigest = field(cbor, "keyDigest").getText();
    String key = field(cbor, "key").getText();
    expect(ReportFileNames.digest(key).equals(keyDigest));
    long rowCount = field(cbor, "rowCount").getLongValue();
    field(cbor, "columnTypes");
    expect(cbor.currentToken() == JsonToken.START_ARRAY);
    List<ColumnType> types = new ArrayList<>();
    while (cbor.nextToken() == JsonToken.VALUE_STRING) {
      types.add(ColumnType.valueOf(cbor.getText()));
    }
    expect(cbor.currentToken() == JsonToken.END_ARRAY);
    String name = nextField(cbor);
    String currency = null;
    if (name.equals("currency")) {
      expect(cbor.nextToken() == JsonToken.VALUE_STRING);
      currency = cbor.getText();
      name = nextField(cbor);
    }
    expect(name.equals("fetchedAtMillis") && cbor.nextToken() == JsonToken.VALUE_NUMBER_INT);
    Instant fetchedAt = Instant.ofEpochMilli(cbor.getLongValue());
    expect(field(cbor, "expiresAtMillis").currentToken() == JsonToken.VALUE_NUMBER_INT);
    Instant expiresAt = Instant.ofEpochMilli(cbor.getLongValue());
    boolean complete = field(cbor, "complete").getBooleanValue();
    field(cbor, "rows");
    expect(cbor.currentToken() == JsonToken.START_ARRAY);
    ImmutableList.Builder<Object[]> rows = ImmutableList.builder();
    long count = 0;
    while (cbor.nextToken() == JsonToken.START_ARRAY) {
      Object[] row = new Object[types.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = readValue(cbor, types.get(i));
      }
      expect(cbor.nextToken() == JsonToken.END_ARRAY);
      rows.add(row);
      count++;
    }
    expect(cbor.currentToken() == JsonToken.END_ARRAY && count == rowCount);
    expect(cbor.nextToken() == JsonToken.END_OBJECT && cbor.nextToken() == null);
    return new StoredReport(key, rows.build(), complete, currency, fetchedAt, expiresAt);
  }

  private static Optional<List<ColumnType>> columnTypes(List<Object[]> rows) {
    if (rows.isEmpty()) {
      return Optional.of(List.of());
    }
    int width = rows.get(0).length;
    ColumnType[] types = new ColumnType[width];
    Arrays.fill(types, ColumnType.NULL);
    for (Object[] row : rows) {
      if (row.length != width) {
        return Optional.empty();
      }
      for (int i = 0; i < width; i++) {
        if (row[i] == null) {
          continue;
        }
        Optional<ColumnType> type = ColumnType.of(row[i].getClass());
        if (type.isEmpty() || types[i] != ColumnType.NULL && types[i] != type.get()) {
          return Optional.empty();
        }
        types[i] = type.get();
      }
    }
    return Optional.of(List.of(types));
  }

  private static void writeValue(JsonGenerator cbor, ColumnType type, Object value) throws IOException {
    if (value == null) {
      cbor.writeNull();
      return;
    }
    switch (type) {
    case STRING -> cbor.writeString((String) value);
    case INTEGER -> cbor.writeNumber((Integer) value);
    case LONG -> cbor.writeNumber((Long) value);
    case DOUBLE -> cbor.writeNumber((Double) value);
    case DECIMAL -> cbor.writeString(((BigDecimal) value).toString());
    case BOOLEAN -> cbor.writeBoolean((Boolean) value);
    case NULL -> throw new IllegalStateException("a column of nulls holds " + value);
    }
  }

  private static Object readValue(JsonParser cbor, ColumnType type) throws IOException {
    JsonToken token = cbor.nextToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    switch (type) {
    case STRING:
      expect(token == JsonToken.VALUE_STRING);
      return cbor.getText();
    case INTEGER:
      expect(token == JsonToken.VALUE_NUMBER_INT && cbor.getNumberType() == JsonParser.NumberType.INT);
      return cbor.getIntValue();
    case LONG:
      expect(token == JsonToken.VALUE_NUMBER_INT && cbor.getNumberType() != JsonParser.NumberType.BIG_INTEGER);
      return cbor.getLongValue();
    case DOUBLE:
      expect(token == JsonToken.VALUE_NUMBER_FLOAT);
      return cbor.getDoubleValue();
    case DECIMAL:
      expect(token == JsonToken.VALUE_STRING);
      return new BigDecimal(cbor.getText());
    case BOOLEAN:
      expect(token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE);
      return token == JsonToken.VALUE_TRUE;
    default:
      throw new MalformedEntry();
    }
  }

  private static JsonParser field(JsonParser cbor, String name) throws IOException {
    expect(name.equals(nextField(cbor)));
    expect(cbor.nextToken() != null);
    return cbor;
  }

  private static String nextField(JsonParser cbor) throws IOException {
    expect(cbor.nextToken() == JsonToken.FIELD_NAME);
    return cbor.currentName();
  }

  private static void expect(boolean condition) {
    if (!condition) {
      throw new MalformedEntry();
    }
  }

  /** A document whose CRC matched but whose content is not what this format writes. */
  private static final class MalformedEntry extends RuntimeException {
    MalformedEntry() {
      super(null, null, false, false);
    }
  }
}
