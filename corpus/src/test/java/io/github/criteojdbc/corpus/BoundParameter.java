package io.github.criteojdbc.corpus;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One bound value, in the Java class a client binds it as: {@code LocalDate} (Metabase, through
 * {@code setObject}), {@code java.sql.Date} (Spark, DBeaver), {@code LocalDateTime} or a {@code String}.
 */
public record BoundParameter(Kind type, String value) {

  /** The Java class the value is bound as. */
  public enum Kind { LocalDate, SqlDate, LocalDateTime, String }

  void bindTo(PreparedStatement statement, int index) throws SQLException {
    switch (type) {
      case LocalDate -> statement.setObject(index, java.time.LocalDate.parse(value));
      case SqlDate -> statement.setDate(index, java.sql.Date.valueOf(java.time.LocalDate.parse(value)));
      case LocalDateTime -> statement.setObject(index, java.time.LocalDateTime.parse(value.replace(' ', 'T')));
      case String -> statement.setString(index, value);
    }
  }

  BoundParameter resolved(CorpusDates dates) {
    return new BoundParameter(type, dates.resolve(value));
  }
}
