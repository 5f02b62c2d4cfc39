package io.github.criteojdbc.driver;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.JDBCType;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.Calendar;

/**
 * A prepared statement over Calcite's. Date/time parameters bind the report zone's local value
 * whatever the JVM's zone: a {@code java.sql.Date}, {@code Timestamp} or local {@code java.time}
 * value is taken as the local value it spells (in the given calendar's zone when one is given),
 * and an instant ({@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime}) as the report
 * zone's wall clock at that instant. Avatica would shift a bound {@code Date} or {@code Timestamp}
 * by the connection calendar's offset from the JVM's zone, so values are handed to it with a UTC
 * calendar, which it passes through unchanged. A value is converted to the parameter's own type
 * (a timestamp bound to {@code day = ?} binds its date), as Calcite does not cast parameters.
 */
final class CriteoPreparedStatement extends CriteoStatement implements PreparedStatement {
  private final PreparedStatement prepared;
  private final ZoneId reportZone;
  private final Calendar utc = ReportTime.utcCalendar();
  private int[] parameterTypes;

  CriteoPreparedStatement(CriteoConnection connection, PreparedStatement calcite) throws SQLException {
    super(connection, calcite);
    this.prepared = calcite;
    this.reportZone = connection.reportZone();
  }

  @Override public ResultSet executeQuery() throws SQLException {
    return execution(null, () -> opened(prepared.executeQuery()));
  }

  @Override public boolean execute() throws SQLException {
    return execution(null, () -> opened(prepared.execute() ? prepared.getResultSet() : null) != null);
  }

  @Override public int executeUpdate() throws SQLException {
    return (int) executeLargeUpdate();
  }

  @Override public long executeLargeUpdate() throws SQLException {
    requireOpen();
    throw new SQLException("The driver is read-only: executeUpdate is for statements that change data; run"
        + " queries with executeQuery or execute", SqlErrors.READ_ONLY);
  }

  @Override public void addBatch() throws SQLException {
    requireOpen();
    throw new SQLException("The driver is read-only: batches are for statements that change data",
        SqlErrors.READ_ONLY);
  }

  @Override public ResultSetMetaData getMetaData() throws SQLException {
    try {
      requireOpen();
      ResultSetMetaData metaData = prepared.getMetaData();
      return metaData == null ? null : new CriteoResultSetMetaData(metaData);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setDate(int parameterIndex, Date x) throws SQLException {
    try {
      if (x == null) {
        prepared.setNull(parameterIndex, Types.DATE);
      } else {
        bind(parameterIndex, x.toLocalDate(), Types.DATE);
      }
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
    try {
      if (x == null || cal == null) {
        setDate(parameterIndex, x);
      } else {
        bind(parameterIndex, java.time.Instant.ofEpochMilli(x.getTime()).atZone(ReportTime.zoneOf(cal)).toLocalDate(),
            Types.DATE);
      }
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setTime(int parameterIndex, Time x) throws SQLException {
    try {
      if (x == null) {
        prepared.setNull(parameterIndex, Types.TIME);
      } else {
        bind(parameterIndex, x.toLocalTime(), Types.TIME);
      }
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
    try {
      if (x == null || cal == null) {
        setTime(parameterIndex, x);
      } else {
        bind(parameterIndex, LocalTime.ofInstant(java.time.Instant.ofEpochMilli(x.getTime()), ReportTime.zoneOf(cal)),
            Types.TIME);
      }
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
    try {
      if (x == null) {
        prepared.setNull(parameterIndex, Types.TIMESTAMP);
      } else {
        bind(parameterIndex, x.toLocalDateTime(), Types.TIMESTAMP);
      }
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
    try {
      if (x == null || cal == null) {
        setTimestamp(parameterIndex, x);
      } else {
        bind(parameterIndex, LocalDateTime.ofInstant(x.toInstant(), ReportTime.zoneOf(cal)), Types.TIMESTAMP);
      }
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  /** A string bound to a DATE, TIMESTAMP or TIME parameter binds the value it spells. */
  @Override public void setString(int parameterIndex, String x) throws SQLException {
    try {
      if (x != null && isTemporal(parameterType(parameterIndex))) {
        bind(parameterIndex, ReportTime.parse(x, reportZone), Types.OTHER);
      } else {
        prepared.setString(parameterIndex, x);
      }
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setObject(int parameterIndex, Object x) throws SQLException {
    try {
      Temporal local = ReportTime.localValue(x, reportZone);
      if (local != null) {
        bind(parameterIndex, local, Types.OTHER);
      } else if (x instanceof String) {
        setString(parameterIndex, (String) x);
      } else {
        prepared.setObject(parameterIndex, x);
      }
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
    try {
      Temporal local = ReportTime.localValue(x, reportZone);
      if (local == null && x instanceof String && isTemporal(targetSqlType)) {
        local = ReportTime.parse((String) x, reportZone);
      }
      if (local != null) {
        bind(parameterIndex, local, targetSqlType);
      } else if (x == null) {
        prepared.setNull(parameterIndex, targetSqlType == Types.TIMESTAMP_WITH_TIMEZONE ? Types.TIMESTAMP
            : targetSqlType == Types.TIME_WITH_TIMEZONE ? Types.TIME : targetSqlType);
      } else if (x instanceof String && targetSqlType == Types.VARCHAR) {
        setString(parameterIndex, (String) x);
      } else {
        prepared.setObject(parameterIndex, x, targetSqlType);
      }
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength)
      throws SQLException {
    if (ReportTime.localValue(x, reportZone) != null || x == null || x instanceof String) {
      setObject(parameterIndex, x, targetSqlType);
      return;
    }
    try {
      prepared.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
    setObject(parameterIndex, x, typeNumber(targetSqlType));
  }

  @Override public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength)
      throws SQLException {
    setObject(parameterIndex, x, typeNumber(targetSqlType), scaleOrLength);
  }

  private static int typeNumber(SQLType type) throws SQLException {
    if (type instanceof JDBCType) {
      return type.getVendorTypeNumber();
    }
    throw SqlErrors.notSupported("The SQL type " + (type == null ? "null" : type.getName()));
  }

  /**
   * Binds a local date/time value: converted to {@code targetSqlType} when that is a date/time
   * type (a timestamp sent as a DATE is its date), then bound as the parameter's own type when it
   * is a date/time or character type, else as the target type, else as the value's own type.
   */
  private void bind(int parameterIndex, Temporal value, int targetSqlType) throws SQLException {
    Temporal local;
    switch (targetSqlType) {
      case Types.DATE:
        local = ReportTime.toDate(value);
        break;
      case Types.TIME:
      case Types.TIME_WITH_TIMEZONE:
        local = ReportTime.toTime(value);
        break;
      case Types.TIMESTAMP:
      case Types.TIMESTAMP_WITH_TIMEZONE:
        local = ReportTime.toDateTime(value);
        break;
      default:
        local = value;
        break;
    }
    int parameterType = parameterType(parameterIndex);
    int type = isTemporal(parameterType) || isCharacter(parameterType) ? parameterType
        : isTemporal(targetSqlType) || isCharacter(targetSqlType) ? targetSqlType
        : local instanceof LocalDate ? Types.DATE : local instanceof LocalTime ? Types.TIME : Types.TIMESTAMP;
    switch (type) {
      case Types.DATE:
        prepared.setDate(parameterIndex, new Date(ReportTime.toDate(local).toEpochDay() * ReportTime.MILLIS_PER_DAY),
            utc);
        break;
      case Types.TIME:
      case Types.TIME_WITH_TIMEZONE:
        prepared.setTime(parameterIndex, new Time(ReportTime.toTime(local).toNanoOfDay() / 1_000_000L), utc);
        break;
      case Types.TIMESTAMP:
      case Types.TIMESTAMP_WITH_TIMEZONE: {
        LocalDateTime dateTime = ReportTime.toDateTime(local);
        Timestamp timestamp = new Timestamp(ReportTime.localMillis(dateTime));
        timestamp.setNanos(dateTime.getNano());
        prepared.setTimestamp(parameterIndex, timestamp, utc);
        break;
      }
      default:
        prepared.setString(parameterIndex, ReportTime.text(local));
        break;
    }
  }

  /** The parameter's type as Calcite inferred it, or {@link Types#OTHER} when unknown. */
  private int parameterType(int parameterIndex) throws SQLException {
    if (parameterTypes == null) {
      ParameterMetaData metaData = prepared.getParameterMetaData();
      int[] types = new int[metaData.getParameterCount()];
      for (int i = 0; i < types.length; i++) {
        types[i] = metaData.getParameterType(i + 1);
      }
      parameterTypes = types;
    }
    return parameterIndex >= 1 && parameterIndex <= parameterTypes.length ? parameterTypes[parameterIndex - 1]
        : Types.OTHER;
  }

  private static boolean isTemporal(int type) {
    return type == Types.DATE || type == Types.TIMESTAMP || type == Types.TIME
        || type == Types.TIMESTAMP_WITH_TIMEZONE || type == Types.TIME_WITH_TIMEZONE;
  }

  private static boolean isCharacter(int type) {
    return type == Types.VARCHAR || type == Types.CHAR || type == Types.NVARCHAR || type == Types.NCHAR
        || type == Types.LONGVARCHAR || type == Types.LONGNVARCHAR;
  }

  @Override public void setNull(int parameterIndex, int sqlType) throws SQLException {
    try {
      prepared.setNull(parameterIndex, sqlType);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setBoolean(int parameterIndex, boolean x) throws SQLException {
    try {
      prepared.setBoolean(parameterIndex, x);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setByte(int parameterIndex, byte x) throws SQLException {
    try {
      prepared.setByte(parameterIndex, x);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setShort(int parameterIndex, short x) throws SQLException {
    try {
      prepared.setShort(parameterIndex, x);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setInt(int parameterIndex, int x) throws SQLException {
    try {
      prepared.setInt(parameterIndex, x);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setLong(int parameterIndex, long x) throws SQLException {
    try {
      prepared.setLong(parameterIndex, x);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setFloat(int parameterIndex, float x) throws SQLException {
    try {
      prepared.setFloat(parameterIndex, x);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setDouble(int parameterIndex, double x) throws SQLException {
    try {
      prepared.setDouble(parameterIndex, x);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
    try {
      prepared.setBigDecimal(parameterIndex, x);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setBytes(int parameterIndex, byte[] x) throws SQLException {
    try {
      prepared.setBytes(parameterIndex, x);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
    try {
      prepared.setAsciiStream(parameterIndex, x, length);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Deprecated
  @SuppressWarnings("deprecation")
  @Override public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
    try {
      prepared.setUnicodeStream(parameterIndex, x, length);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
    try {
      prepared.setBinaryStream(parameterIndex, x, length);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void clearParameters() throws SQLException {
    try {
      prepared.clearParameters();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
    try {
      prepared.setCharacterStream(parameterIndex, reader, length);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setRef(int parameterIndex, Ref x) throws SQLException {
    try {
      prepared.setRef(parameterIndex, x);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setBlob(int parameterIndex, Blob x) throws SQLException {
    try {
      prepared.setBlob(parameterIndex, x);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setClob(int parameterIndex, Clob x) throws SQLException {
    try {
      prepared.setClob(parameterIndex, x);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setArray(int parameterIndex, Array x) throws SQLException {
    try {
      prepared.setArray(parameterIndex, x);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
    try {
      prepared.setNull(parameterIndex, sqlType, typeName);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setURL(int parameterIndex, java.net.URL x) throws SQLException {
    try {
      prepared.setURL(parameterIndex, x);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public ParameterMetaData getParameterMetaData() throws SQLException {
    try {
      return prepared.getParameterMetaData();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setRowId(int parameterIndex, RowId x) throws SQLException {
    try {
      prepared.setRowId(parameterIndex, x);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setNString(int parameterIndex, String value) throws SQLException {
    try {
      prepared.setNString(parameterIndex, value);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
    try {
      prepared.setNCharacterStream(parameterIndex, value, length);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setNClob(int parameterIndex, NClob value) throws SQLException {
    try {
      prepared.setNClob(parameterIndex, value);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
    try {
      prepared.setClob(parameterIndex, reader, length);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
    try {
      prepared.setBlob(parameterIndex, inputStream, length);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
    try {
      prepared.setNClob(parameterIndex, reader, length);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
    try {
      prepared.setSQLXML(parameterIndex, xmlObject);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
    try {
      prepared.setAsciiStream(parameterIndex, x, length);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
    try {
      prepared.setBinaryStream(parameterIndex, x, length);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
    try {
      prepared.setCharacterStream(parameterIndex, reader, length);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
    try {
      prepared.setAsciiStream(parameterIndex, x);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
    try {
      prepared.setBinaryStream(parameterIndex, x);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
    try {
      prepared.setCharacterStream(parameterIndex, reader);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
    try {
      prepared.setNCharacterStream(parameterIndex, value);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setClob(int parameterIndex, Reader reader) throws SQLException {
    try {
      prepared.setClob(parameterIndex, reader);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
    try {
      prepared.setBlob(parameterIndex, inputStream);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setNClob(int parameterIndex, Reader reader) throws SQLException {
    try {
      prepared.setNClob(parameterIndex, reader);
    } catch (Throwable t) {
      throw failure(t);
    }
  }
}
