package io.github.criteojdbc.server;

import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.SqlType;

import java.sql.ParameterMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;

/**
 * One client statement: the embedded statement behind it (none for the rows of a metadata call)
 * and the rows it is reading, sent to the client a frame at a time.
 *
 * <p>Values travel in Avatica's wire forms: dates as days since 1970, times as milliseconds of the
 * day, timestamps as milliseconds since 1970, each the report's local wall-clock value read in UTC,
 * which the Avatica client turns back into the same local value.
 */
final class ServerStatement implements AutoCloseable {
  /** Rows in a frame when the client leaves it to the server, as Avatica's own default fetch size. */
  static final int DEFAULT_FRAME_ROWS = 100;
  /** The most rows one frame carries, whatever the client asks: a frame is one HTTP response in memory. */
  static final int MAX_FRAME_ROWS = 10_000;

  private static final long MILLIS_PER_DAY = 86_400_000L;

  private final int id;
  private final Optional<Statement> jdbc;
  private final Calendar utc = Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC), Locale.ROOT);
  private Meta.Signature prepared;
  private ResultSet rows;
  private int[] columnTypes = new int[0];
  private long offset;
  private boolean allRead;
  private Optional<AuditLog.Execution> execution = Optional.empty();

  ServerStatement(int id, Statement jdbc) {
    this.id = id;
    this.jdbc = Optional.ofNullable(jdbc);
  }

  int id() {
    return id;
  }

  Optional<Statement> jdbc() {
    return jdbc;
  }

  synchronized void prepared(Meta.Signature signature) {
    this.prepared = signature;
  }

  synchronized Optional<Meta.Signature> preparedSignature() {
    return Optional.ofNullable(prepared);
  }

  /**
   * Starts reading {@code resultSet}: its signature and first frame, for the client; {@code
   * execution}, when the rows are a statement's, is audited when they end.
   */
  synchronized Meta.MetaResultSet read(String connectionId, ResultSet resultSet, String sql, int firstFrameRows,
      Optional<AuditLog.Execution> execution) throws SQLException {
    closeRows();
    rows = resultSet;
    this.execution = execution;
    allRead = false;
    offset = 0;
    ResultSetMetaData metaData = resultSet.getMetaData();
    columnTypes = new int[metaData.getColumnCount()];
    for (int i = 0; i < columnTypes.length; i++) {
      columnTypes[i] = metaData.getColumnType(i + 1);
    }
    Meta.Signature signature = Meta.Signature.create(columns(metaData), sql,
        prepared == null ? List.of() : prepared.parameters, Meta.CursorFactory.LIST, Meta.StatementType.SELECT);
    return Meta.MetaResultSet.create(connectionId, id, false, signature, frame(0, firstFrameRows));
  }

  /** The next rows from {@code from}, which must be where the last frame ended. */
  synchronized Meta.Frame frame(long from, int maxRows) throws SQLException {
    if (rows == null) {
      return Meta.Frame.EMPTY;
    }
    if (from != offset) {
      throw new SQLException("Rows are read forward only: the next frame starts at row " + offset + ", not " + from,
          "HY109");
    }
    int limit = maxRows <= 0 ? DEFAULT_FRAME_ROWS : Math.min(maxRows, MAX_FRAME_ROWS);
    List<Object> frameRows = new ArrayList<>();
    boolean done = false;
    try {
      while (frameRows.size() < limit) {
        if (!rows.next()) {
          done = true;
          break;
        }
        Object[] row = new Object[columnTypes.length];
        for (int i = 0; i < row.length; i++) {
          row[i] = wireValue(i + 1, columnTypes[i]);
        }
        frameRows.add(row);
      }
    } catch (SQLException | RuntimeException e) {
      long read = from + frameRows.size();
      execution.ifPresent(audited -> audited.failed(e, read));
      closeRows();
      throw e;
    }
    Meta.Frame frame = new Meta.Frame(from, done, frameRows);
    offset = from + frameRows.size();
    if (done) {
      allRead = true;
      closeRows();
    }
    return frame;
  }

  private Object wireValue(int column, int type) throws SQLException {
    switch (type) {
    case Types.DATE:
      java.sql.Date date = rows.getDate(column, utc);
      return date == null ? null : (int) Math.floorDiv(date.getTime(), MILLIS_PER_DAY);
    case Types.TIME:
      java.sql.Time time = rows.getTime(column, utc);
      return time == null ? null : (int) Math.floorMod(time.getTime(), MILLIS_PER_DAY);
    case Types.TIMESTAMP:
      java.sql.Timestamp timestamp = rows.getTimestamp(column, utc);
      return timestamp == null ? null : timestamp.getTime();
    default:
      return rows.getObject(column);
    }
  }

  static List<ColumnMetaData> columns(ResultSetMetaData metaData) throws SQLException {
    List<ColumnMetaData> columns = new ArrayList<>();
    for (int i = 1; i <= metaData.getColumnCount(); i++) {
      int type = metaData.getColumnType(i);
      ColumnMetaData.AvaticaType avaticaType = ColumnMetaData.scalar(type, metaData.getColumnTypeName(i),
          wireRep(type));
      columns.add(new ColumnMetaData(i - 1, metaData.isAutoIncrement(i), metaData.isCaseSensitive(i),
          metaData.isSearchable(i), metaData.isCurrency(i), metaData.isNullable(i), metaData.isSigned(i),
          metaData.getColumnDisplaySize(i), metaData.getColumnLabel(i), metaData.getColumnName(i),
          metaData.getSchemaName(i), metaData.getPrecision(i), metaData.getScale(i), metaData.getTableName(i),
          metaData.getCatalogName(i), avaticaType, true, false, false, metaData.getColumnClassName(i)));
    }
    return columns;
  }

  /** How {@link #wireValue} sends a column: numbers for dates and times, so nulls stay nulls. */
  private static ColumnMetaData.Rep wireRep(int type) {
    switch (type) {
    case Types.DATE:
    case Types.TIME:
      return ColumnMetaData.Rep.INTEGER;
    case Types.TIMESTAMP:
      return ColumnMetaData.Rep.LONG;
    default:
      return ColumnMetaData.Rep.nonPrimitiveRepOf(SqlType.valueOf(type));
    }
  }

  static List<AvaticaParameter> parameters(ParameterMetaData metaData) throws SQLException {
    List<AvaticaParameter> parameters = new ArrayList<>();
    for (int i = 1; i <= metaData.getParameterCount(); i++) {
      parameters.add(new AvaticaParameter(metaData.isSigned(i) , metaData.getPrecision(i), metaData.getScale(i),
          metaData.getParameterType(i), metaData.getParameterTypeName(i), metaData.getParameterClassName(i),
          "?" + i));
    }
    return parameters;
  }

  private void closeRows() {
    if (rows != null) {
      ServerConnections.closeQuietly(rows, "a result set");
      rows = null;
      execution.ifPresent(audited -> audited.ended(allRead, offset));
      execution = Optional.empty();
    }
  }

  /** Stops the execution in flight, and with it the polling of its reports; nothing when none runs. */
  void cancel() throws SQLException {
    if (jdbc.isPresent()) {
      jdbc.get().cancel();
    }
  }

  /** Bounds each later execution to {@code seconds}, as the embedded statement does; 0 for none. */
  void queryTimeout(int seconds) throws SQLException {
    if (jdbc.isPresent()) {
      jdbc.get().setQueryTimeout(seconds);
    }
  }

  /** The warnings of the statement's last execution, as the embedded statement keeps them; null for none. */
  SQLWarning warnings() throws SQLException {
    return jdbc.isPresent() ? jdbc.get().getWarnings() : null;
  }

  void clearWarnings() throws SQLException {
    if (jdbc.isPresent()) {
      jdbc.get().clearWarnings();
    }
  }

  /** Cancels first, outside the lock a frame holds, so a query still waiting on its reports stops polling. */
  @Override public void close() {
    jdbc.ifPresent(statement -> ServerConnections.closeQuietly(statement::cancel, "a statement's execution"));
    closeOpen();
  }

  private synchronized void closeOpen() {
    closeRows();
    jdbc.ifPresent(statement -> ServerConnections.closeQuietly(statement, "a statement"));
  }
}
