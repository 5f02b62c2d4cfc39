package io.github.criteojdbc.corpus;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One bound value, in the Java class a client binds it as: {@code LocalDate} (Metabase, through
 * {@code setObject}), {@code java.sql.Date} (Spark, DBeaver), {@code LocalDateTime}, {@code java.sql.Timestamp} or a
 * {@code String}.
 */
public record BoundParameter(Kind type, String value) {

  /** The Java class the value is bound as. */
  public enum Kind { LocalDate, SqlDate, LocalDateTime, SqlTimestamp, String }

  void bindTo(PreparedStatement statement, int index) throws SQLException {
    switch (type) {
      case LocalDate -> statement.setObject(index, java.time.LocalDate.parse(value));
      case SqlDate -> statement.setDate(index, java.sql.Date.valueOf(java.time.LocalDate.parse(value)));
      case LocalDateTime -> statement.setObject(index, java.time.LocalDateTime.parse(value.replace(' ', 'T')));
      case SqlTimestamp -> statement.setTimestamp(index, java.sql.Timestamp.valueOf(value));
      case String -> statement.setString(index, value);
    }
  }

  boolean isJavaTime() {
    return type == Kind.LocalDate || type == Kind.LocalDateTime;
  }

  /** The same value as the {@code java.sql} class a JDBC 4.1 client binds instead of a {@code java.time} one. */
  BoundParameter asJavaSql() {
    return switch (type) {
      case LocalDate -> new BoundParameter(Kind.SqlDate, value);
      case LocalDateTime -> new BoundParameter(Kind.SqlTimestamp, value);
      case SqlDate, SqlTimestamp, String -> this;
    };
  }

  BoundParameter resolved(CorpusDates dates) {
    return new BoundParameter(type, dates.resolve(value));
  }
}
