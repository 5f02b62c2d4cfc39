package io.github.criteojdbc.driver;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Map;
import java.util.TimeZone;

/**
 * A result set over Calcite's. Reports are created and awaited when the first row is read, so
 * {@code next()} runs with the statement's warnings in place, and its failures are translated like
 * those of {@code execute}. The getters convert values the way JDBC 4.2's tables B-5 and B-6 allow
 * (including {@code getObject(i, Class)} and numbers read from character columns), and read DATE
 * and TIMESTAMP values as the report's local calendar values whatever the JVM's zone: Calcite
 * holds a DATE as its epoch day and a TIMESTAMP as its wall clock in milliseconds read as UTC,
 * which {@code getLong} hands over without any conversion, so no getter goes through the
 * connection's calendar. The getters allocate nothing beyond the value they return.
 */
final class CriteoResultSet extends DelegatingWrapper implements ResultSet {
  private static final byte OTHER = 0;
  private static final byte STRING = 1;
  private static final byte EXACT = 2;
  private static final byte APPROXIMATE = 3;
  private static final byte DECIMAL = 4;
  private static final byte BOOLEAN = 5;
  private static final byte DATE = 6;
  private static final byte TIME = 7;
  private static final byte TIMESTAMP = 8;

  private final ResultSet delegate;
  private final CriteoStatement statement;
  private final StatementScope scope;
  private final WarningRouter router;
  private final ZoneId reportZone;
  private final ResultSetMetaData calciteMetaData;
  private final byte[] kinds;
  private CriteoResultSetMetaData metaData;
  private long lastEpochDay;
  private TimeZone lastZone;
  private long lastMidnightMillis;
  private volatile boolean closed;
  private volatile boolean exhausted;

  /** @param statement the statement that ran the query, or null for a metadata result set */
  CriteoResultSet(ResultSet calcite, CriteoStatement statement, StatementScope scope, WarningRouter router,
      ZoneId reportZone) throws SQLException {
    super(calcite);
    this.delegate = calcite;
    this.statement = statement;
    this.scope = scope;
    this.router = router;
    this.reportZone = reportZone;
    this.calciteMetaData = calcite.getMetaData();
    this.kinds = new byte[calciteMetaData.getColumnCount()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = kindOf(calciteMetaData.getColumnType(i + 1));
    }
  }

  private static byte kindOf(int type) {
    switch (type) {
      case Types.CHAR:
      case Types.VARCHAR:
      case Types.NCHAR:
      case Types.NVARCHAR:
      case Types.LONGVARCHAR:
      case Types.LONGNVARCHAR:
        return STRING;
      case Types.TINYINT:
      case Types.SMALLINT:
      case Types.INTEGER:
      case Types.BIGINT:
        return EXACT;
      case Types.REAL:
      case Types.FLOAT:
      case Types.DOUBLE:
        return APPROXIMATE;
      case Types.DECIMAL:
      case Types.NUMERIC:
        return DECIMAL;
      case Types.BOOLEAN:
      case Types.BIT:
        return BOOLEAN;
      case Types.DATE:
        return DATE;
      case Types.TIME:
        return TIME;
      case Types.TIMESTAMP:
        return TIMESTAMP;
      default:
        return OTHER;
    }
  }

  /** Whether the execution is still in flight: rows may remain to be read. */
  boolean isReading() {
    return !closed && !exhausted;
  }

  private boolean isClosedQuietly() {
    try {
      return closed || delegate.isClosed() || statement != null && statement.isClosed();
    } catch (SQLException | RuntimeException e) {
      return true;
    }
  }

  private SQLException failure(Throwable thrown) {
    if (thrown instanceof SQLException && ((SQLException) thrown).getSQLState() == null && isClosedQuietly()) {
      SQLException closedNow = SqlErrors.closedResultSet();
      closedNow.initCause(thrown);
      return closedNow;
    }
    return SqlErrors.translate(thrown);
  }

  /** The failure of a getter: also says when the column index is not one of the result's. */
  private SQLException failure(int columnIndex, Throwable thrown) {
    if ((columnIndex < 1 || columnIndex > kinds.length) && !isClosedQuietly()) {
      return new SQLException("Invalid column index " + columnIndex + ": the result has " + kinds.length
          + " column(s), numbered from 1", SqlErrors.INVALID_COLUMN_INDEX, thrown);
    }
    return failure(thrown);
  }

  private String describe(int columnIndex) {
    try {
      return "column " + columnIndex + " '" + calciteMetaData.getColumnLabel(columnIndex) + "' ("
          + CatalogMetaColumns.bareTypeName(calciteMetaData.getColumnType(columnIndex),
              calciteMetaData.getColumnTypeName(columnIndex)) + ")";
    } catch (SQLException | RuntimeException e) {
      return "column " + columnIndex;
    }
  }

  private SQLException cannotConvert(int columnIndex, String target) {
    return new SQLDataException("Cannot read " + describe(columnIndex) + " as " + target, SqlErrors.INVALID_CAST);
  }

  private SQLException cannotConvert(int columnIndex, String target, String value, Throwable cause) {
    return new SQLDataException("Cannot read the value '" + SqlErrors.cap(value) + "' of " + describe(columnIndex)
        + " as " + target, SqlErrors.INVALID_CAST, cause);
  }

  private SQLException outOfRange(int columnIndex, String target, Object value) {
    return new SQLDataException("The value " + value + " of " + describe(columnIndex) + " is out of the range of "
        + target, SqlErrors.OUT_OF_RANGE);
  }

  @Override public boolean next() throws SQLException {
    StatementScope outer = router.enter(scope);
    try {
      boolean more = delegate.next();
      if (!more) {
        exhausted = true;
      }
      return more;
    } catch (Throwable t) {
      throw failure(t);
    } finally {
      router.exit(outer);
    }
  }

  @Override public void close() throws SQLException {
    closed = true;
    try {
      delegate.close();
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    }
  }

  @Override public boolean isClosed() throws SQLException {
    try {
      return closed || delegate.isClosed() || statement != null && statement.isClosed();
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    }
  }

  @Override public boolean wasNull() throws SQLException {
    try {
      return delegate.wasNull();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public String getString(int columnIndex) throws SQLException {
    try {
      return delegate.getString(columnIndex);
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  @Override public String getNString(int columnIndex) throws SQLException {
    return getString(columnIndex);
  }

  @Override public boolean getBoolean(int columnIndex) throws SQLException {
    try {
      switch (kinds[columnIndex - 1]) {
        case STRING:
          return textToBoolean(columnIndex);
        case DATE:
        case TIME:
        case TIMESTAMP:
          throw cannotConvert(columnIndex, "boolean");
        default:
          return delegate.getBoolean(columnIndex);
      }
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  @Override public byte getByte(int columnIndex) throws SQLException {
    long value = getLong(columnIndex);
    if (value < Byte.MIN_VALUE || value > Byte.MAX_VALUE) {
      throw outOfRange(columnIndex, "byte", value);
    }
    return (byte) value;
  }

  @Override public short getShort(int columnIndex) throws SQLException {
    long value = getLong(columnIndex);
    if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
      throw outOfRange(columnIndex, "short", value);
    }
    return (short) value;
  }

  @Override public int getInt(int columnIndex) throws SQLException {
    try {
      switch (kinds[columnIndex - 1]) {
        case EXACT: {
          long value = delegate.getLong(columnIndex);
          if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw outOfRange(columnIndex, "int", value);
          }
          return (int) value;
        }
        case STRING: {
          long value = textToLong(columnIndex);
          if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw outOfRange(columnIndex, "int", value);
          }
          return (int) value;
        }
        case DATE:
        case TIME:
        case TIMESTAMP:
          throw cannotConvert(columnIndex, "int");
        default:
          return delegate.getInt(columnIndex);
      }
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  @Override public long getLong(int columnIndex) throws SQLException {
    try {
      switch (kinds[columnIndex - 1]) {
        case STRING:
          return textToLong(columnIndex);
        case DATE:
        case TIME:
        case TIMESTAMP:
          throw cannotConvert(columnIndex, "long");
        default:
          return delegate.getLong(columnIndex);
      }
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  @Override public float getFloat(int columnIndex) throws SQLException {
    try {
      switch (kinds[columnIndex - 1]) {
        case STRING: {
          String text = delegate.getString(columnIndex);
          return text == null ? 0f : (float) textToDouble(columnIndex, text);
        }
        case DATE:
        case TIME:
        case TIMESTAMP:
          throw cannotConvert(columnIndex, "float");
        default:
          return delegate.getFloat(columnIndex);
      }
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  @Override public double getDouble(int columnIndex) throws SQLException {
    try {
      switch (kinds[columnIndex - 1]) {
        case STRING: {
          String text = delegate.getString(columnIndex);
          return text == null ? 0d : textToDouble(columnIndex, text);
        }
        case DATE:
        case TIME:
        case TIMESTAMP:
          throw cannotConvert(columnIndex, "double");
        default:
          return delegate.getDouble(columnIndex);
      }
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  @Override public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
    try {
      switch (kinds[columnIndex - 1]) {
        case STRING: {
          String text = delegate.getString(columnIndex);
          return text == null ? null : textToDecimal(columnIndex, text);
        }
        case DATE:
        case TIME:
        case TIMESTAMP:
          throw cannotConvert(columnIndex, "BigDecimal");
        default:
          return delegate.getBigDecimal(columnIndex);
      }
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  @Deprecated
  @Override public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
    BigDecimal value = getBigDecimal(columnIndex);
    return value == null ? null : value.setScale(scale, java.math.RoundingMode.HALF_UP);
  }

  private boolean textToBoolean(int columnIndex) throws SQLException {
    String text = delegate.getString(columnIndex);
    if (text == null) {
      return false;
    }
    String value = text.trim();
    if (value.equals("1") || value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equals("0") || value.equalsIgnoreCase("false")) {
      return false;
    }
    throw cannotConvert(columnIndex, "boolean", text, null);
  }

  private long textToLong(int columnIndex) throws SQLException {
    String text = delegate.getString(columnIndex);
    if (text == null) {
      return 0L;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      try {
        return new BigDecimal(text.trim()).longValueExact();
      } catch (NumberFormatException | ArithmeticException notWhole) {
        throw cannotConvert(columnIndex, "long", text, notWhole);
      }
    }
  }

  private double textToDouble(int columnIndex, String text) throws SQLException {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw cannotConvert(columnIndex, "double", text, e);
    }
  }

  private BigDecimal textToDecimal(int columnIndex, String text) throws SQLException {
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw cannotConvert(columnIndex, "BigDecimal", text, e);
    }
  }

  // Dates and times: local values of the report, never shifted by a zone.

  private LocalDate localDate(int columnIndex) throws SQLException {
    switch (kinds[columnIndex - 1]) {
      case DATE: {
        long epochDay = delegate.getLong(columnIndex);
        return epochDay == 0 && delegate.wasNull() ? null : ReportTime.dateOfEpochDay(epochDay);
      }
      case TIMESTAMP: {
        LocalDateTime value = localDateTime(columnIndex);
        return value == null ? null : value.toLocalDate();
      }
      case STRING: {
        String text = delegate.getString(columnIndex);
        return text == null ? null : ReportTime.toDate(parse(columnIndex, text, "a date"));
      }
      default:
        throw cannotConvert(columnIndex, "a date");
    }
  }

  private LocalDateTime localDateTime(int columnIndex) throws SQLException {
    switch (kinds[columnIndex - 1]) {
      case TIMESTAMP: {
        long millis = delegate.getLong(columnIndex);
        return millis == 0 && delegate.wasNull() ? null : ReportTime.dateTimeOfLocalMillis(millis);
      }
      case DATE: {
        LocalDate value = localDate(columnIndex);
        return value == null ? null : value.atStartOfDay();
      }
      case STRING: {
        String text = delegate.getString(columnIndex);
        return text == null ? null : ReportTime.toDateTime(parse(columnIndex, text, "a timestamp"));
      }
      default:
        throw cannotConvert(columnIndex, "a timestamp");
    }
  }

  private LocalTime localTime(int columnIndex) throws SQLException {
    switch (kinds[columnIndex - 1]) {
      case TIME: {
        long millis = delegate.getLong(columnIndex);
        return millis == 0 && delegate.wasNull() ? null : ReportTime.timeOfMillis(millis);
      }
      case TIMESTAMP: {
        LocalDateTime value = localDateTime(columnIndex);
        return value == null ? null : value.toLocalTime();
      }
      case STRING: {
        String text = delegate.getString(columnIndex);
        return text == null ? null : ReportTime.toTime(parse(columnIndex, text, "a time"));
      }
      default:
        throw cannotConvert(columnIndex, "a time");
    }
  }

  private java.time.temporal.Temporal parse(int columnIndex, String text, String target) throws SQLException {
    try {
      return ReportTime.parse(text, reportZone);
    } catch (SQLException e) {
      throw cannotConvert(columnIndex, target, text, e);
    }
  }

  private ZonedDateTime zoned(int columnIndex) throws SQLException {
    LocalDateTime value = localDateTime(columnIndex);
    return value == null ? null : value.atZone(reportZone);
  }

  @Override public Date getDate(int columnIndex) throws SQLException {
    try {
      if (kinds[columnIndex - 1] == DATE) {
        long epochDay = delegate.getLong(columnIndex);
        return epochDay == 0 && delegate.wasNull() ? null : new Date(localMidnightMillis(epochDay));
      }
      LocalDate value = localDate(columnIndex);
      return value == null ? null : Date.valueOf(value);
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  /**
   * {@code Date.valueOf}'s instant for the day, worked out again only when the day or the JVM's zone
   * differs from the last one asked: a report's rows share few days, and that calendar arithmetic
   * costs more than the rest of the row's getters together.
   */
  private long localMidnightMillis(long epochDay) {
    TimeZone zone = TimeZone.getDefault();
    if (epochDay != lastEpochDay || !zone.equals(lastZone)) {
      lastMidnightMillis = Date.valueOf(ReportTime.dateOfEpochDay(epochDay)).getTime();
      lastEpochDay = epochDay;
      lastZone = zone;
    }
    return lastMidnightMillis;
  }

  /** The report's local date at midnight in {@code cal}'s zone. */
  @Override public Date getDate(int columnIndex, Calendar cal) throws SQLException {
    if (cal == null) {
      return getDate(columnIndex);
    }
    try {
      LocalDate value = localDate(columnIndex);
      return value == null ? null : new Date(value.atStartOfDay(ReportTime.zoneOf(cal)).toInstant().toEpochMilli());
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  @Override public Time getTime(int columnIndex) throws SQLException {
    try {
      LocalTime value = localTime(columnIndex);
      return value == null ? null : Time.valueOf(value);
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  @Override public Time getTime(int columnIndex, Calendar cal) throws SQLException {
    if (cal == null) {
      return getTime(columnIndex);
    }
    try {
      LocalTime value = localTime(columnIndex);
      return value == null ? null
          : new Time(LocalDate.EPOCH.atTime(value).atZone(ReportTime.zoneOf(cal)).toInstant().toEpochMilli());
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  @Override public Timestamp getTimestamp(int columnIndex) throws SQLException {
    try {
      LocalDateTime value = localDateTime(columnIndex);
      return value == null ? null : Timestamp.valueOf(value);
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  /** The report's local timestamp as a wall-clock time in {@code cal}'s zone. */
  @Override public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
    if (cal == null) {
      return getTimestamp(columnIndex);
    }
    try {
      LocalDateTime value = localDateTime(columnIndex);
      return value == null ? null : Timestamp.from(value.atZone(ReportTime.zoneOf(cal)).toInstant());
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  @Override public Object getObject(int columnIndex) throws SQLException {
    try {
      switch (kinds[columnIndex - 1]) {
        case DATE:
          return getDate(columnIndex);
        case TIME:
          return getTime(columnIndex);
        case TIMESTAMP:
          return getTimestamp(columnIndex);
        default:
          return delegate.getObject(columnIndex);
      }
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  @Override public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
    if (map == null || map.isEmpty()) {
      return getObject(columnIndex);
    }
    try {
      return delegate.getObject(columnIndex, map);
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  /**
   * The value as {@code type}, for the classes of JDBC 4.2's table B-6 that fit the column's type.
   * A conversion that cannot be done fails with 22018 naming the column; a class the driver never
   * returns fails with 0A000.
   */
  @Override public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
    if (type == null) {
      throw new SQLException("getObject(" + columnIndex + ", null): the class is missing", SqlErrors.INVALID_ATTRIBUTE);
    }
    try {
      return type.cast(objectAs(columnIndex, type));
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  private Object objectAs(int columnIndex, Class<?> type) throws SQLException {
    byte kind = kinds[columnIndex - 1];
    boolean numeric = kind == EXACT || kind == APPROXIMATE || kind == DECIMAL || kind == BOOLEAN || kind == STRING;
    if (type == String.class) {
      return delegate.getString(columnIndex);
    }
    if (type == Object.class) {
      return getObject(columnIndex);
    }
    if (type == Long.class || type == Integer.class || type == Short.class || type == Byte.class) {
      if (!numeric) {
        throw cannotConvert(columnIndex, type.getName());
      }
      long value = kind == BOOLEAN ? (delegate.getBoolean(columnIndex) ? 1 : 0) : getLong(columnIndex);
      if (value == 0 && delegate.wasNull()) {
        return null;
      }
      if (type == Long.class) {
        return value;
      }
      if (type == Integer.class) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
          throw outOfRange(columnIndex, "java.lang.Integer", value);
        }
        return (int) value;
      }
      if (type == Short.class) {
        if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
          throw outOfRange(columnIndex, "java.lang.Short", value);
        }
        return (short) value;
      }
      if (value < Byte.MIN_VALUE || value > Byte.MAX_VALUE) {
        throw outOfRange(columnIndex, "java.lang.Byte", value);
      }
      return (byte) value;
    }
    if (type == Boolean.class) {
      if (!numeric) {
        throw cannotConvert(columnIndex, type.getName());
      }
      boolean value = getBoolean(columnIndex);
      return !value && delegate.wasNull() ? null : value;
    }
    if (type == Double.class || type == Float.class) {
      if (!numeric) {
        throw cannotConvert(columnIndex, type.getName());
      }
      double value = kind == BOOLEAN ? (delegate.getBoolean(columnIndex) ? 1 : 0) : getDouble(columnIndex);
      if (value == 0 && delegate.wasNull()) {
        return null;
      }
      return type == Double.class ? (Object) value : (Object) (float) value;
    }
    if (type == BigDecimal.class || type == BigInteger.class) {
      if (!numeric) {
        throw cannotConvert(columnIndex, type.getName());
      }
      BigDecimal value = kind == BOOLEAN ? (delegate.getBoolean(columnIndex) ? BigDecimal.ONE : BigDecimal.ZERO)
          : getBigDecimal(columnIndex);
      if (value == null || kind == BOOLEAN && delegate.wasNull()) {
        return null;
      }
      return type == BigDecimal.class ? value : value.toBigInteger();
    }
    if (type == LocalDate.class) {
      return localDate(columnIndex);
    }
    if (type == LocalDateTime.class) {
      return localDateTime(columnIndex);
    }
    if (type == LocalTime.class) {
      return localTime(columnIndex);
    }
    if (type == ZonedDateTime.class) {
      return zoned(columnIndex);
    }
    if (type == OffsetDateTime.class) {
      ZonedDateTime value = zoned(columnIndex);
      return value == null ? null : value.toOffsetDateTime();
    }
    if (type == Instant.class) {
      ZonedDateTime value = zoned(columnIndex);
      return value == null ? null : value.toInstant();
    }
    if (type == Date.class) {
      return getDate(columnIndex);
    }
    if (type == Time.class) {
      return getTime(columnIndex);
    }
    if (type == Timestamp.class) {
      return getTimestamp(columnIndex);
    }
    if (type == java.util.Date.class) {
      return kind == DATE ? getDate(columnIndex) : kind == TIME ? getTime(columnIndex) : getTimestamp(columnIndex);
    }
    if (type == byte[].class && kind == OTHER) {
      return delegate.getBytes(columnIndex);
    }
    throw new java.sql.SQLFeatureNotSupportedException("getObject(" + columnIndex + ", " + type.getName()
        + ".class) is not supported for " + describe(columnIndex) + "; the driver returns String, Boolean, Byte,"
        + " Short, Integer, Long, Float, Double, BigDecimal, BigInteger, LocalDate, LocalDateTime, LocalTime,"
        + " OffsetDateTime, ZonedDateTime, Instant, Date/Time/Timestamp, java.util.Date and Object",
        SqlErrors.NOT_SUPPORTED);
  }

  @Override public SQLWarning getWarnings() throws SQLException {
    if (isClosedQuietly()) {
      throw SqlErrors.closedResultSet();
    }
    return scope.warnings().head();
  }

  @Override public void clearWarnings() throws SQLException {
    if (isClosedQuietly()) {
      throw SqlErrors.closedResultSet();
    }
    scope.warnings().clear();
  }

  @Override public ResultSetMetaData getMetaData() throws SQLException {
    if (isClosedQuietly()) {
      throw SqlErrors.closedResultSet();
    }
    if (metaData == null) {
      metaData = new CriteoResultSetMetaData(calciteMetaData);
    }
    return metaData;
  }

  /** The statement that ran the query; null for a metadata result set. */
  @Override public Statement getStatement() throws SQLException {
    if (isClosedQuietly()) {
      throw SqlErrors.closedResultSet();
    }
    return statement;
  }

  @Override public int findColumn(String columnLabel) throws SQLException {
    try {
      return delegate.findColumn(columnLabel);
    } catch (Throwable t) {
      if (isClosedQuietly()) {
        throw failure(t);
      }
      StringBuilder labels = new StringBuilder();
      for (int i = 1; i <= kinds.length && labels.length() < SqlErrors.MAX_MESSAGE_LENGTH; i++) {
        try {
          labels.append(i > 1 ? ", " : "").append(calciteMetaData.getColumnLabel(i));
        } catch (SQLException e) {
          break;
        }
      }
      throw new SQLException("Column '" + columnLabel + "' is not in the result; its columns are " + labels,
          SqlErrors.COLUMN_NOT_FOUND, t);
    }
  }

  @Override public String getCursorName() throws SQLException {
    throw SqlErrors.notSupported("getCursorName (positioned updates)");
  }

  @Override public boolean rowUpdated() throws SQLException {
    return false;
  }

  @Override public boolean rowInserted() throws SQLException {
    return false;
  }

  @Override public boolean rowDeleted() throws SQLException {
    return false;
  }

  @Override public void insertRow() throws SQLException {
    throw SqlErrors.readOnly("insertRow");
  }

  @Override public void updateRow() throws SQLException {
    throw SqlErrors.readOnly("updateRow");
  }

  @Override public void deleteRow() throws SQLException {
    throw SqlErrors.readOnly("deleteRow");
  }

  @Override public void refreshRow() throws SQLException {
    throw SqlErrors.notSupported("refreshRow");
  }

  @Override public void cancelRowUpdates() throws SQLException {
    throw SqlErrors.readOnly("cancelRowUpdates");
  }

  @Override public void moveToInsertRow() throws SQLException {
    throw SqlErrors.readOnly("moveToInsertRow");
  }

  @Override public void moveToCurrentRow() throws SQLException {
    throw SqlErrors.readOnly("moveToCurrentRow");
  }

  @Override public byte[] getBytes(int columnIndex) throws SQLException {
    try {
      return delegate.getBytes(columnIndex);
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  @Override public InputStream getAsciiStream(int columnIndex) throws SQLException {
    try {
      return delegate.getAsciiStream(columnIndex);
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  @Deprecated
  @SuppressWarnings("deprecation")
  @Override public InputStream getUnicodeStream(int columnIndex) throws SQLException {
    try {
      return delegate.getUnicodeStream(columnIndex);
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  @Override public InputStream getBinaryStream(int columnIndex) throws SQLException {
    try {
      return delegate.getBinaryStream(columnIndex);
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  @Override public String getString(String columnLabel) throws SQLException {
    return getString(findColumn(columnLabel));
  }

  @Override public boolean getBoolean(String columnLabel) throws SQLException {
    return getBoolean(findColumn(columnLabel));
  }

  @Override public byte getByte(String columnLabel) throws SQLException {
    return getByte(findColumn(columnLabel));
  }

  @Override public short getShort(String columnLabel) throws SQLException {
    return getShort(findColumn(columnLabel));
  }

  @Override public int getInt(String columnLabel) throws SQLException {
    return getInt(findColumn(columnLabel));
  }

  @Override public long getLong(String columnLabel) throws SQLException {
    return getLong(findColumn(columnLabel));
  }

  @Override public float getFloat(String columnLabel) throws SQLException {
    return getFloat(findColumn(columnLabel));
  }

  @Override public double getDouble(String columnLabel) throws SQLException {
    return getDouble(findColumn(columnLabel));
  }

  @Deprecated
  @SuppressWarnings("deprecation")
  @Override public BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException {
    return getBigDecimal(findColumn(columnLabel), scale);
  }

  @Override public byte[] getBytes(String columnLabel) throws SQLException {
    return getBytes(findColumn(columnLabel));
  }

  @Override public Date getDate(String columnLabel) throws SQLException {
    return getDate(findColumn(columnLabel));
  }

  @Override public Time getTime(String columnLabel) throws SQLException {
    return getTime(findColumn(columnLabel));
  }

  @Override public Timestamp getTimestamp(String columnLabel) throws SQLException {
    return getTimestamp(findColumn(columnLabel));
  }

  @Override public InputStream getAsciiStream(String columnLabel) throws SQLException {
    return getAsciiStream(findColumn(columnLabel));
  }

  @Deprecated
  @SuppressWarnings("deprecation")
  @Override public InputStream getUnicodeStream(String columnLabel) throws SQLException {
    return getUnicodeStream(findColumn(columnLabel));
  }

  @Override public InputStream getBinaryStream(String columnLabel) throws SQLException {
    return getBinaryStream(findColumn(columnLabel));
  }

  @Override public Object getObject(String columnLabel) throws SQLException {
    return getObject(findColumn(columnLabel));
  }

  @Override public Reader getCharacterStream(int columnIndex) throws SQLException {
    try {
      return delegate.getCharacterStream(columnIndex);
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  @Override public Reader getCharacterStream(String columnLabel) throws SQLException {
    return getCharacterStream(findColumn(columnLabel));
  }

  @Override public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
    return getBigDecimal(findColumn(columnLabel));
  }

  @Override public boolean isBeforeFirst() throws SQLException {
    try {
      return delegate.isBeforeFirst();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean isAfterLast() throws SQLException {
    try {
      return delegate.isAfterLast();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean isFirst() throws SQLException {
    try {
      return delegate.isFirst();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean isLast() throws SQLException {
    try {
      return delegate.isLast();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void beforeFirst() throws SQLException {
    try {
      delegate.beforeFirst();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void afterLast() throws SQLException {
    try {
      delegate.afterLast();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean first() throws SQLException {
    try {
      return delegate.first();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean last() throws SQLException {
    try {
      return delegate.last();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getRow() throws SQLException {
    try {
      return delegate.getRow();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean absolute(int row) throws SQLException {
    try {
      return delegate.absolute(row);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean relative(int rows) throws SQLException {
    try {
      return delegate.relative(rows);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean previous() throws SQLException {
    try {
      return delegate.previous();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setFetchDirection(int direction) throws SQLException {
    try {
      delegate.setFetchDirection(direction);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getFetchDirection() throws SQLException {
    try {
      return delegate.getFetchDirection();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void setFetchSize(int rows) throws SQLException {
    try {
      delegate.setFetchSize(rows);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getFetchSize() throws SQLException {
    try {
      return delegate.getFetchSize();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getType() throws SQLException {
    try {
      return delegate.getType();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getConcurrency() throws SQLException {
    try {
      return delegate.getConcurrency();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void updateNull(int columnIndex) throws SQLException {
    throw SqlErrors.readOnly("updateNull");
  }

  @Override public void updateBoolean(int columnIndex, boolean x) throws SQLException {
    throw SqlErrors.readOnly("updateBoolean");
  }

  @Override public void updateByte(int columnIndex, byte x) throws SQLException {
    throw SqlErrors.readOnly("updateByte");
  }

  @Override public void updateShort(int columnIndex, short x) throws SQLException {
    throw SqlErrors.readOnly("updateShort");
  }

  @Override public void updateInt(int columnIndex, int x) throws SQLException {
    throw SqlErrors.readOnly("updateInt");
  }

  @Override public void updateLong(int columnIndex, long x) throws SQLException {
    throw SqlErrors.readOnly("updateLong");
  }

  @Override public void updateFloat(int columnIndex, float x) throws SQLException {
    throw SqlErrors.readOnly("updateFloat");
  }

  @Override public void updateDouble(int columnIndex, double x) throws SQLException {
    throw SqlErrors.readOnly("updateDouble");
  }

  @Override public void updateBigDecimal(int columnIndex, BigDecimal x) throws SQLException {
    throw SqlErrors.readOnly("updateBigDecimal");
  }

  @Override public void updateString(int columnIndex, String x) throws SQLException {
    throw SqlErrors.readOnly("updateString");
  }

  @Override public void updateBytes(int columnIndex, byte[] x) throws SQLException {
    throw SqlErrors.readOnly("updateBytes");
  }

  @Override public void updateDate(int columnIndex, Date x) throws SQLException {
    throw SqlErrors.readOnly("updateDate");
  }

  @Override public void updateTime(int columnIndex, Time x) throws SQLException {
    throw SqlErrors.readOnly("updateTime");
  }

  @Override public void updateTimestamp(int columnIndex, Timestamp x) throws SQLException {
    throw SqlErrors.readOnly("updateTimestamp");
  }

  @Override public void updateAsciiStream(int columnIndex, InputStream x, int length) throws SQLException {
    throw SqlErrors.readOnly("updateAsciiStream");
  }

  @Override public void updateBinaryStream(int columnIndex, InputStream x, int length) throws SQLException {
    throw SqlErrors.readOnly("updateBinaryStream");
  }

  @Override public void updateCharacterStream(int columnIndex, Reader x, int length) throws SQLException {
    throw SqlErrors.readOnly("updateCharacterStream");
  }

  @Override public void updateObject(int columnIndex, Object x, int scaleOrLength) throws SQLException {
    throw SqlErrors.readOnly("updateObject");
  }

  @Override public void updateObject(int columnIndex, Object x) throws SQLException {
    throw SqlErrors.readOnly("updateObject");
  }

  @Override public void updateNull(String columnLabel) throws SQLException {
    throw SqlErrors.readOnly("updateNull");
  }

  @Override public void updateBoolean(String columnLabel, boolean x) throws SQLException {
    throw SqlErrors.readOnly("updateBoolean");
  }

  @Override public void updateByte(String columnLabel, byte x) throws SQLException {
    throw SqlErrors.readOnly("updateByte");
  }

  @Override public void updateShort(String columnLabel, short x) throws SQLException {
    throw SqlErrors.readOnly("updateShort");
  }

  @Override public void updateInt(String columnLabel, int x) throws SQLException {
    throw SqlErrors.readOnly("updateInt");
  }

  @Override public void updateLong(String columnLabel, long x) throws SQLException {
    throw SqlErrors.readOnly("updateLong");
  }

  @Override public void updateFloat(String columnLabel, float x) throws SQLException {
    throw SqlErrors.readOnly("updateFloat");
  }

  @Override public void updateDouble(String columnLabel, double x) throws SQLException {
    throw SqlErrors.readOnly("updateDouble");
  }

  @Override public void updateBigDecimal(String columnLabel, BigDecimal x) throws SQLException {
    throw SqlErrors.readOnly("updateBigDecimal");
  }

  @Override public void updateString(String columnLabel, String x) throws SQLException {
    throw SqlErrors.readOnly("updateString");
  }

  @Override public void updateBytes(String columnLabel, byte[] x) throws SQLException {
    throw SqlErrors.readOnly("updateBytes");
  }

  @Override public void updateDate(String columnLabel, Date x) throws SQLException {
    throw SqlErrors.readOnly("updateDate");
  }

  @Override public void updateTime(String columnLabel, Time x) throws SQLException {
    throw SqlErrors.readOnly("updateTime");
  }

  @Override public void updateTimestamp(String columnLabel, Timestamp x) throws SQLException {
    throw SqlErrors.readOnly("updateTimestamp");
  }

  @Override public void updateAsciiStream(String columnLabel, InputStream x, int length) throws SQLException {
    throw SqlErrors.readOnly("updateAsciiStream");
  }

  @Override public void updateBinaryStream(String columnLabel, InputStream x, int length) throws SQLException {
    throw SqlErrors.readOnly("updateBinaryStream");
  }

  @Override public void updateCharacterStream(String columnLabel, Reader reader, int length) throws SQLException {
    throw SqlErrors.readOnly("updateCharacterStream");
  }

  @Override public void updateObject(String columnLabel, Object x, int scaleOrLength) throws SQLException {
    throw SqlErrors.readOnly("updateObject");
  }

  @Override public void updateObject(String columnLabel, Object x) throws SQLException {
    throw SqlErrors.readOnly("updateObject");
  }

  @Override public Ref getRef(int columnIndex) throws SQLException {
    try {
      return delegate.getRef(columnIndex);
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  @Override public Blob getBlob(int columnIndex) throws SQLException {
    try {
      return delegate.getBlob(columnIndex);
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  @Override public Clob getClob(int columnIndex) throws SQLException {
    try {
      return delegate.getClob(columnIndex);
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  @Override public Array getArray(int columnIndex) throws SQLException {
    try {
      return delegate.getArray(columnIndex);
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  @Override public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException {
    return getObject(findColumn(columnLabel), map);
  }

  @Override public Ref getRef(String columnLabel) throws SQLException {
    return getRef(findColumn(columnLabel));
  }

  @Override public Blob getBlob(String columnLabel) throws SQLException {
    return getBlob(findColumn(columnLabel));
  }

  @Override public Clob getClob(String columnLabel) throws SQLException {
    return getClob(findColumn(columnLabel));
  }

  @Override public Array getArray(String columnLabel) throws SQLException {
    return getArray(findColumn(columnLabel));
  }

  @Override public Date getDate(String columnLabel, Calendar cal) throws SQLException {
    return getDate(findColumn(columnLabel), cal);
  }

  @Override public Time getTime(String columnLabel, Calendar cal) throws SQLException {
    return getTime(findColumn(columnLabel), cal);
  }

  @Override public Timestamp getTimestamp(String columnLabel, Calendar cal) throws SQLException {
    return getTimestamp(findColumn(columnLabel), cal);
  }

  @Override public URL getURL(int columnIndex) throws SQLException {
    try {
      return delegate.getURL(columnIndex);
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  @Override public URL getURL(String columnLabel) throws SQLException {
    return getURL(findColumn(columnLabel));
  }

  @Override public void updateRef(int columnIndex, java.sql.Ref x) throws SQLException {
    throw SqlErrors.readOnly("updateRef");
  }

  @Override public void updateRef(String columnLabel, java.sql.Ref x) throws SQLException {
    throw SqlErrors.readOnly("updateRef");
  }

  @Override public void updateBlob(int columnIndex, java.sql.Blob x) throws SQLException {
    throw SqlErrors.readOnly("updateBlob");
  }

  @Override public void updateBlob(String columnLabel, java.sql.Blob x) throws SQLException {
    throw SqlErrors.readOnly("updateBlob");
  }

  @Override public void updateClob(int columnIndex, java.sql.Clob x) throws SQLException {
    throw SqlErrors.readOnly("updateClob");
  }

  @Override public void updateClob(String columnLabel, java.sql.Clob x) throws SQLException {
    throw SqlErrors.readOnly("updateClob");
  }

  @Override public void updateArray(int columnIndex, java.sql.Array x) throws SQLException {
    throw SqlErrors.readOnly("updateArray");
  }

  @Override public void updateArray(String columnLabel, java.sql.Array x) throws SQLException {
    throw SqlErrors.readOnly("updateArray");
  }

  @Override public RowId getRowId(int columnIndex) throws SQLException {
    try {
      return delegate.getRowId(columnIndex);
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  @Override public RowId getRowId(String columnLabel) throws SQLException {
    return getRowId(findColumn(columnLabel));
  }

  @Override public void updateRowId(int columnIndex, RowId x) throws SQLException {
    throw SqlErrors.readOnly("updateRowId");
  }

  @Override public void updateRowId(String columnLabel, RowId x) throws SQLException {
    throw SqlErrors.readOnly("updateRowId");
  }

  @Override public int getHoldability() throws SQLException {
    try {
      return delegate.getHoldability();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public void updateNString(int columnIndex, String nString) throws SQLException {
    throw SqlErrors.readOnly("updateNString");
  }

  @Override public void updateNString(String columnLabel, String nString) throws SQLException {
    throw SqlErrors.readOnly("updateNString");
  }

  @Override public void updateNClob(int columnIndex, NClob nClob) throws SQLException {
    throw SqlErrors.readOnly("updateNClob");
  }

  @Override public void updateNClob(String columnLabel, NClob nClob) throws SQLException {
    throw SqlErrors.readOnly("updateNClob");
  }

  @Override public NClob getNClob(int columnIndex) throws SQLException {
    try {
      return delegate.getNClob(columnIndex);
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  @Override public NClob getNClob(String columnLabel) throws SQLException {
    return getNClob(findColumn(columnLabel));
  }

  @Override public SQLXML getSQLXML(int columnIndex) throws SQLException {
    try {
      return delegate.getSQLXML(columnIndex);
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  @Override public SQLXML getSQLXML(String columnLabel) throws SQLException {
    return getSQLXML(findColumn(columnLabel));
  }

  @Override public void updateSQLXML(int columnIndex, SQLXML xmlObject) throws SQLException {
    throw SqlErrors.readOnly("updateSQLXML");
  }

  @Override public void updateSQLXML(String columnLabel, SQLXML xmlObject) throws SQLException {
    throw SqlErrors.readOnly("updateSQLXML");
  }

  @Override public String getNString(String columnLabel) throws SQLException {
    return getNString(findColumn(columnLabel));
  }

  @Override public Reader getNCharacterStream(int columnIndex) throws SQLException {
    try {
      return delegate.getNCharacterStream(columnIndex);
    } catch (Throwable t) {
      throw failure(columnIndex, t);
    }
  }

  @Override public Reader getNCharacterStream(String columnLabel) throws SQLException {
    return getNCharacterStream(findColumn(columnLabel));
  }

  @Override public void updateNCharacterStream(int columnIndex, Reader x, long length) throws SQLException {
    throw SqlErrors.readOnly("updateNCharacterStream");
  }

  @Override public void updateNCharacterStream(String columnLabel, Reader reader, long length) throws SQLException {
    throw SqlErrors.readOnly("updateNCharacterStream");
  }

  @Override public void updateAsciiStream(int columnIndex, InputStream x, long length) throws SQLException {
    throw SqlErrors.readOnly("updateAsciiStream");
  }

  @Override public void updateBinaryStream(int columnIndex, InputStream x, long length) throws SQLException {
    throw SqlErrors.readOnly("updateBinaryStream");
  }

  @Override public void updateCharacterStream(int columnIndex, Reader x, long length) throws SQLException {
    throw SqlErrors.readOnly("updateCharacterStream");
  }

  @Override public void updateAsciiStream(String columnLabel, InputStream x, long length) throws SQLException {
    throw SqlErrors.readOnly("updateAsciiStream");
  }

  @Override public void updateBinaryStream(String columnLabel, InputStream x, long length) throws SQLException {
    throw SqlErrors.readOnly("updateBinaryStream");
  }

  @Override public void updateCharacterStream(String columnLabel, Reader reader, long length) throws SQLException {
    throw SqlErrors.readOnly("updateCharacterStream");
  }

  @Override public void updateBlob(int columnIndex, InputStream inputStream, long length) throws SQLException {
    throw SqlErrors.readOnly("updateBlob");
  }

  @Override public void updateBlob(String columnLabel, InputStream inputStream, long length) throws SQLException {
    throw SqlErrors.readOnly("updateBlob");
  }

  @Override public void updateClob(int columnIndex, Reader reader, long length) throws SQLException {
    throw SqlErrors.readOnly("updateClob");
  }

  @Override public void updateClob(String columnLabel, Reader reader, long length) throws SQLException {
    throw SqlErrors.readOnly("updateClob");
  }

  @Override public void updateNClob(int columnIndex, Reader reader, long length) throws SQLException {
    throw SqlErrors.readOnly("updateNClob");
  }

  @Override public void updateNClob(String columnLabel, Reader reader, long length) throws SQLException {
    throw SqlErrors.readOnly("updateNClob");
  }

  @Override public void updateNCharacterStream(int columnIndex, Reader x) throws SQLException {
    throw SqlErrors.readOnly("updateNCharacterStream");
  }

  @Override public void updateNCharacterStream(String columnLabel, Reader reader) throws SQLException {
    throw SqlErrors.readOnly("updateNCharacterStream");
  }

  @Override public void updateAsciiStream(int columnIndex, InputStream x) throws SQLException {
    throw SqlErrors.readOnly("updateAsciiStream");
  }

  @Override public void updateBinaryStream(int columnIndex, InputStream x) throws SQLException {
    throw SqlErrors.readOnly("updateBinaryStream");
  }

  @Override public void updateCharacterStream(int columnIndex, Reader x) throws SQLException {
    throw SqlErrors.readOnly("updateCharacterStream");
  }

  @Override public void updateAsciiStream(String columnLabel, InputStream x) throws SQLException {
    throw SqlErrors.readOnly("updateAsciiStream");
  }

  @Override public void updateBinaryStream(String columnLabel, InputStream x) throws SQLException {
    throw SqlErrors.readOnly("updateBinaryStream");
  }

  @Override public void updateCharacterStream(String columnLabel, Reader reader) throws SQLException {
    throw SqlErrors.readOnly("updateCharacterStream");
  }

  @Override public void updateBlob(int columnIndex, InputStream inputStream) throws SQLException {
    throw SqlErrors.readOnly("updateBlob");
  }

  @Override public void updateBlob(String columnLabel, InputStream inputStream) throws SQLException {
    throw SqlErrors.readOnly("updateBlob");
  }

  @Override public void updateClob(int columnIndex, Reader reader) throws SQLException {
    throw SqlErrors.readOnly("updateClob");
  }

  @Override public void updateClob(String columnLabel, Reader reader) throws SQLException {
    throw SqlErrors.readOnly("updateClob");
  }

  @Override public void updateNClob(int columnIndex, Reader reader) throws SQLException {
    throw SqlErrors.readOnly("updateNClob");
  }

  @Override public void updateNClob(String columnLabel, Reader reader) throws SQLException {
    throw SqlErrors.readOnly("updateNClob");
  }

  @Override public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
    return getObject(findColumn(columnLabel), type);
  }

  @Override public void updateObject(int columnIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
    throw SqlErrors.readOnly("updateObject");
  }

  @Override public void updateObject(String columnLabel, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
    throw SqlErrors.readOnly("updateObject");
  }

  @Override public void updateObject(int columnIndex, Object x, SQLType targetSqlType) throws SQLException {
    throw SqlErrors.readOnly("updateObject");
  }

  @Override public void updateObject(String columnLabel, Object x, SQLType targetSqlType) throws SQLException {
    throw SqlErrors.readOnly("updateObject");
  }
}
