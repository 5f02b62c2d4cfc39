package io.github.criteojdbc.corpus;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the current cell of a column through every getter a client uses for its type: {@code getObject} first
 * (the reference the others must agree with), then {@code getString}, {@code getObject(i, naturalClass)} and the
 * typed getters. A getter that throws gives a reading saying so, so disagreement is data, not a crash.
 */
final class CellReadings {
  private CellReadings() {
  }

  interface Getter {
    String read() throws SQLException;
  }

  static List<CellReading> read(ResultSet rs, int column, ValueKind kind) {
    List<CellReading> readings = new ArrayList<>();
    readings.add(reading("getObject", false, () -> CanonicalValue.of(kind, rs.getObject(column))));
    readings.add(reading("getString", false, () -> CanonicalValue.ofText(kind, rs.getString(column))));
    readings.add(reading("getObject(" + kind.naturalClass().getSimpleName() + ")", false,
        () -> CanonicalValue.of(kind, rs.getObject(column, kind.naturalClass()))));
    switch (kind) {
      case DATE -> readings.add(reading("getDate", false,
          () -> nullable(rs, rs.getDate(column), d -> d.toLocalDate().toString())));
      case TIMESTAMP -> readings.add(reading("getTimestamp", false,
          () -> nullable(rs, rs.getTimestamp(column), t -> CanonicalValue.of(kind, t))));
      case INTEGER, BIGINT, DECIMAL, APPROXIMATE -> {
        if (kind == ValueKind.INTEGER) {
          readings.add(reading("getInt", false, () -> primitive(rs, rs.getInt(column))));
        }
        if (kind != ValueKind.DECIMAL && kind != ValueKind.APPROXIMATE) {
          readings.add(reading("getLong", false, () -> primitive(rs, rs.getLong(column))));
        }
        if (kind != ValueKind.APPROXIMATE) {
          readings.add(reading("getBigDecimal", false,
              () -> nullable(rs, rs.getBigDecimal(column), b -> CanonicalValue.of(kind, b))));
        }
        readings.add(reading("getDouble", kind != ValueKind.APPROXIMATE, () -> {
          double value = rs.getDouble(column);
          return rs.wasNull() ? CanonicalValue.NULL : CanonicalValue.of(ValueKind.APPROXIMATE, value);
        }));
      }
      case BOOLEAN -> readings.add(reading("getBoolean", false, () -> {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? CanonicalValue.NULL : Boolean.toString(value);
      }));
      case TEXT -> { }
    }
    return readings;
  }

  private static CellReading reading(String getter, boolean approximate, Getter read) {
    try {
      return new CellReading(getter, read.read(), approximate);
    } catch (Exception | LinkageError e) {
      return CellReading.threw(getter, e, approximate);
    }
  }

  private static String primitive(ResultSet rs, long value) throws SQLException {
    return rs.wasNull() ? CanonicalValue.NULL : Long.toString(value);
  }

  private static <T> String nullable(ResultSet rs, T value, java.util.function.Function<T, String> render)
      throws SQLException {
    return value == null || rs.wasNull() ? CanonicalValue.NULL : render.apply(value);
  }
}
