package io.github.criteojdbc.driver;

import java.lang.reflect.Method;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;

/**
 * The {@code java.time} values the embedded driver binds and reads, which Avatica's client does
 * not: a {@link LocalDate}, {@link LocalTime} or {@link LocalDateTime} travels as the
 * {@code java.sql} value of the same wall-clock reading.
 */
final class ThinValues {
  private ThinValues() {
  }

  /** The arguments of {@code method}, with a {@code java.time} value bound by {@code setObject} made sendable. */
  static Object[] bindable(Method method, Object[] args) {
    if (!method.getName().equals("setObject") || args == null || args.length < 2) {
      return args;
    }
    Object value = args[1];
    Object sendable = value instanceof LocalDate ? Date.valueOf((LocalDate) value)
        : value instanceof LocalDateTime ? Timestamp.valueOf((LocalDateTime) value)
        : value instanceof LocalTime ? Time.valueOf((LocalTime) value)
        : value;
    if (sendable == value) {
      return args;
    }
    Object[] copy = args.clone();
    copy[1] = sendable;
    return copy;
  }

  /** What {@code getObject(column, type)} returns for a {@code java.time} type, or empty for another call. */
  static Optional<Optional<Object>> read(ResultSet rows, Method method, Object[] args) throws SQLException {
    if (!method.getName().equals("getObject") || args == null || args.length != 2 || !(args[1] instanceof Class)) {
      return Optional.empty();
    }
    Object column = args[0];
    if (args[1] == LocalDate.class) {
      Date date = column instanceof Integer ? rows.getDate((Integer) column) : rows.getDate((String) column);
      return Optional.of(Optional.ofNullable(date).map(Date::toLocalDate));
    }
    if (args[1] == LocalDateTime.class) {
      Timestamp timestamp = column instanceof Integer ? rows.getTimestamp((Integer) column)
          : rows.getTimestamp((String) column);
      return Optional.of(Optional.ofNullable(timestamp).map(Timestamp::toLocalDateTime));
    }
    if (args[1] == LocalTime.class) {
      Time time = column instanceof Integer ? rows.getTime((Integer) column) : rows.getTime((String) column);
      return Optional.of(Optional.ofNullable(time).map(Time::toLocalTime));
    }
    return Optional.empty();
  }
}
