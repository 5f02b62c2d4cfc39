package io.github.criteojdbc.server;

import io.github.criteojdbc.driver.ConnectionReports;

import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.ConnectionPropertiesImpl;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.TypedValue;

import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * The Avatica {@link Meta} of one authenticated user's request: each call runs on that user's
 * connection through the embedded {@code jdbc:criteo:} driver, so a client gets the embedded
 * driver's own rows, metadata and error texts. Made anew for each HTTP request, for the user the
 * request authenticated; connections and statements live in {@link ServerConnections}.
 */
final class UserMeta implements Meta {
  private static final String READ_ONLY_STATE = "25006";

  private final String user;
  private final ServerConnections connections;

  UserMeta(String user, ServerConnections connections) {
    this.user = user;
    this.connections = connections;
  }

  @Override public void openConnection(ConnectionHandle ch, Map<String, String> info) {
    connections.open(user, ch.id, info);
  }

  @Override public void closeConnection(ConnectionHandle ch) {
    connections.close(user, ch.id);
  }

  @Override public ConnectionProperties connectionSync(ConnectionHandle ch, ConnectionProperties wanted) {
    Connection connection = connection(ch);
    try {
      if (wanted != null) {
        apply(connection, wanted);
      }
      return new ConnectionPropertiesImpl(connection.getAutoCommit(), connection.isReadOnly(),
          connection.getTransactionIsolation(), connection.getCatalog(), connection.getSchema());
    } catch (SQLException e) {
      throw MetaErrors.of(e);
    }
  }

  private static void apply(Connection connection, ConnectionProperties wanted) throws SQLException {
    if (wanted.isAutoCommit() != null && wanted.isAutoCommit() != connection.getAutoCommit()) {
      connection.setAutoCommit(wanted.isAutoCommit());
    }
    if (wanted.isReadOnly() != null && wanted.isReadOnly() != connection.isReadOnly()) {
      connection.setReadOnly(wanted.isReadOnly());
    }
    if (wanted.getTransactionIsolation() != null
        && wanted.getTransactionIsolation() != connection.getTransactionIsolation()) {
      connection.setTransactionIsolation(wanted.getTransactionIsolation());
    }
    if (wanted.getCatalog() != null && !wanted.getCatalog().equals(connection.getCatalog())) {
      connection.setCatalog(wanted.getCatalog());
    }
    if (wanted.getSchema() != null && !wanted.getSchema().equals(connection.getSchema())) {
      connection.setSchema(wanted.getSchema());
    }
  }

  @Override public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle ch) {
    Map<DatabaseProperty, Object> properties = new EnumMap<>(DatabaseProperty.class);
    try {
      DatabaseMetaData metaData = connection(ch).getMetaData();
      for (DatabaseProperty property : DatabaseProperty.values()) {
        properties.put(property, property.isJdbc ? property.method.invoke(metaData) : property.defaultValue);
      }
      return properties;
    } catch (SQLException | IllegalAccessException e) {
      throw MetaErrors.of(e);
    } catch (InvocationTargetException e) {
      throw MetaErrors.of(e.getCause() instanceof Exception ? (Exception) e.getCause() : e);
    }
  }

  @Override public MetaResultSet getTables(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat tableNamePattern, List<String> typeList) {
    return metadata(ch, md -> md.getTables(catalog, schemaPattern.s, tableNamePattern.s,
        typeList == null ? null : typeList.toArray(new String[0])));
  }

  @Override public MetaResultSet getColumns(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat tableNamePattern, Pat columnNamePattern) {
    return metadata(ch, md -> md.getColumns(catalog, schemaPattern.s, tableNamePattern.s, columnNamePattern.s));
  }

  @Override public MetaResultSet getSchemas(ConnectionHandle ch, String catalog, Pat schemaPattern) {
    return metadata(ch, md -> md.getSchemas(catalog, schemaPattern.s));
  }

  @Override public MetaResultSet getCatalogs(ConnectionHandle ch) {
    return metadata(ch, DatabaseMetaData::getCatalogs);
  }

  @Override public MetaResultSet getTableTypes(ConnectionHandle ch) {
    return metadata(ch, DatabaseMetaData::getTableTypes);
  }

  @Override public MetaResultSet getProcedures(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat procedureNamePattern) {
    return metadata(ch, md -> md.getProcedures(catalog, schemaPattern.s, procedureNamePattern.s));
  }

  @Override public MetaResultSet getProcedureColumns(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat procedureNamePattern, Pat columnNamePattern) {
    return metadata(ch, md -> md.getProcedureColumns(catalog, schemaPattern.s, procedureNamePattern.s,
        columnNamePattern.s));
  }

  @Override public MetaResultSet getColumnPrivileges(ConnectionHandle ch, String catalog, String schema,
      String table, Pat columnNamePattern) {
    return metadata(ch, md -> md.getColumnPrivileges(catalog, schema, table, columnNamePattern.s));
  }

  @Override public MetaResultSet getTablePrivileges(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat tableNamePattern) {
    return metadata(ch, md -> md.getTablePrivileges(catalog, schemaPattern.s, tableNamePattern.s));
  }

  @Override public MetaResultSet getBestRowIdentifier(ConnectionHandle ch, String catalog, String schema,
      String table, int scope, boolean nullable) {
    return metadata(ch, md -> md.getBestRowIdentifier(catalog, schema, table, scope, nullable));
  }

  @Override public MetaResultSet getVersionColumns(ConnectionHandle ch, String catalog, String schema,
      String table) {
    return metadata(ch, md -> md.getVersionColumns(catalog, schema, table));
  }

  @Override public MetaResultSet getPrimaryKeys(ConnectionHandle ch, String catalog, String schema, String table) {
    return metadata(ch, md -> md.getPrimaryKeys(catalog, schema, table));
  }

  @Override public MetaResultSet getImportedKeys(ConnectionHandle ch, String catalog, String schema, String table) {
    return metadata(ch, md -> md.getImportedKeys(catalog, schema, table));
  }

  @Override public MetaResultSet getExportedKeys(ConnectionHandle ch, String catalog, String schema, String table) {
    return metadata(ch, md -> md.getExportedKeys(catalog, schema, table));
  }

  @Override public MetaResultSet getCrossReference(ConnectionHandle ch, String parentCatalog, String parentSchema,
      String parentTable, String foreignCatalog, String foreignSchema, String foreignTable) {
    return metadata(ch, md -> md.getCrossReference(parentCatalog, parentSchema, parentTable, foreignCatalog,
        foreignSchema, foreignTable));
  }

  @Override public MetaResultSet getTypeInfo(ConnectionHandle ch) {
    return metadata(ch, DatabaseMetaData::getTypeInfo);
  }

  @Override public MetaResultSet getIndexInfo(ConnectionHandle ch, String catalog, String schema, String table,
      boolean unique, boolean approximate) {
    return metadata(ch, md -> md.getIndexInfo(catalog, schema, table, unique, approximate));
  }

  @Override public MetaResultSet getUDTs(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat typeNamePattern, int[] types) {
    return metadata(ch, md -> md.getUDTs(catalog, schemaPattern.s, typeNamePattern.s, types));
  }

  @Override public MetaResultSet getSuperTypes(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat typeNamePattern) {
    return metadata(ch, md -> md.getSuperTypes(catalog, schemaPattern.s, typeNamePattern.s));
  }

  @Override public MetaResultSet getSuperTables(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat tableNamePattern) {
    return metadata(ch, md -> md.getSuperTables(catalog, schemaPattern.s, tableNamePattern.s));
  }

  @Override public MetaResultSet getAttributes(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat typeNamePattern, Pat attributeNamePattern) {
    return metadata(ch, md -> md.getAttributes(catalog, schemaPattern.s, typeNamePattern.s,
        attributeNamePattern.s));
  }

  @Override public MetaResultSet getClientInfoProperties(ConnectionHandle ch) {
    return metadata(ch, DatabaseMetaData::getClientInfoProperties);
  }

  @Override public MetaResultSet getFunctions(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat functionNamePattern) {
    return metadata(ch, md -> md.getFunctions(catalog, schemaPattern.s, functionNamePattern.s));
  }

  @Override public MetaResultSet getFunctionColumns(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat functionNamePattern, Pat columnNamePattern) {
    return metadata(ch, md -> md.getFunctionColumns(catalog, schemaPattern.s, functionNamePattern.s,
        columnNamePattern.s));
  }

  @Override public MetaResultSet getPseudoColumns(ConnectionHandle ch, String catalog, Pat schemaPattern,
      Pat tableNamePattern, Pat columnNamePattern) {
    return metadata(ch, md -> md.getPseudoColumns(catalog, schemaPattern.s, tableNamePattern.s,
        columnNamePattern.s));
  }

  /** A metadata call's rows, read through a statement of their own as Avatica expects. */
  private MetaResultSet metadata(ConnectionHandle ch, MetadataCall call) {
    ServerConnection connection = connections.get(user, ch.id);
    ServerStatement statement = connections.register(connection, null);
    try {
      return statement.read(ch.id, call.rows(connection.embedded().getMetaData()), null,
          ServerStatement.MAX_FRAME_ROWS, Optional.empty());
    } catch (SQLException | RuntimeException e) {
      connection.closeStatement(statement.id());
      throw MetaErrors.of(e);
    }
  }

  @Override public Iterable<Object> createIterable(StatementHandle stmt, QueryState state, Signature signature,
      List<TypedValue> parameters, Frame firstFrame) {
    throw new UnsupportedOperationException("the team server sends frames; it never iterates rows itself");
  }

  @Override public StatementHandle createStatement(ConnectionHandle ch) {
    ServerConnection connection = connections.get(user, ch.id);
    try {
      return new StatementHandle(ch.id, connections.register(connection, connection.embedded().createStatement()).id(),
          null);
    } catch (SQLException e) {
      throw MetaErrors.of(e);
    }
  }

  @Override public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    ServerConnection connection = connections.get(user, ch.id);
    try {
      PreparedStatement prepared = connection.embedded().prepareStatement(sql);
      limitRows(prepared, maxRowCount);
      ServerStatement statement = connections.register(connection, prepared);
      List<ColumnMetaData> columns = prepared.getMetaData() == null ? List.of()
          : ServerStatement.columns(prepared.getMetaData());
      Signature signature = Signature.create(columns, sql, ServerStatement.parameters(prepared.getParameterMetaData()),
          CursorFactory.LIST, StatementType.SELECT);
      statement.prepared(signature);
      return new StatementHandle(ch.id, statement.id(), signature);
    } catch (SQLException e) {
      throw MetaErrors.of(e);
    }
  }

  @Override public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount,
      PrepareCallback callback) throws NoSuchStatementException {
    return prepareAndExecute(h, sql, maxRowCount, ServerStatement.DEFAULT_FRAME_ROWS, callback);
  }

  @Override public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount,
      int maxRowsInFirstFrame, PrepareCallback callback) throws NoSuchStatementException {
    try (ServerConnections.Run running = connections.run(user, h.connectionId)) {
      ServerStatement statement = running.connection().existingStatement(h.connectionId, h.id);
      Statement jdbc = statement.jdbc().orElseThrow(() -> new NoSuchStatementException(h));
      AuditLog.Execution execution = audited(h, sql);
      try {
        limitRows(jdbc, maxRowCount);
        if (!jdbc.execute(sql)) {
          execution.ended(true, 0);
          return new ExecuteResult(List.of(MetaResultSet.count(h.connectionId, h.id, jdbc.getLargeUpdateCount())));
        }
        return new ExecuteResult(List.of(statement.read(h.connectionId, jdbc.getResultSet(), sql,
            maxRowsInFirstFrame, Optional.of(execution))));
      } catch (SQLException e) {
        execution.failed(e, 0);
        throw MetaErrors.of(e);
      }
    }
  }

  @Override public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, long maxRowCount)
      throws NoSuchStatementException {
    return execute(h, parameterValues, (int) Math.min(maxRowCount, Integer.MAX_VALUE));
  }

  @Override public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues,
      int maxRowsInFirstFrame) throws NoSuchStatementException {
    try (ServerConnections.Run running = connections.run(user, h.connectionId)) {
      ServerStatement statement = running.connection().existingStatement(h.connectionId, h.id);
      Signature signature = statement.preparedSignature().orElseThrow(() -> new NoSuchStatementException(h));
      PreparedStatement prepared = (PreparedStatement) statement.jdbc().orElseThrow(
          () -> new NoSuchStatementException(h));
      AuditLog.Execution execution = audited(h, signature.sql);
      try {
        prepared.clearParameters();
        for (int i = 0; i < parameterValues.size(); i++) {
          prepared.setObject(i + 1, jdbcValue(parameterValues.get(i)));
        }
        if (!prepared.execute()) {
          execution.ended(true, 0);
          return new ExecuteResult(List.of(MetaResultSet.count(h.connectionId, h.id,
              prepared.getLargeUpdateCount())));
        }
        return new ExecuteResult(List.of(statement.read(h.connectionId, prepared.getResultSet(), signature.sql,
            maxRowsInFirstFrame, Optional.of(execution))));
      } catch (SQLException e) {
        execution.failed(e, 0);
        throw MetaErrors.of(e);
      }
    }
  }

  /**
   * A parameter as the embedded driver binds it: dates and times as the local values the client
   * bound (they travel as UTC wall-clock numbers), anything else as Avatica decodes it.
   */
  private static Object jdbcValue(TypedValue value) {
    if (value.value == null) {
      return null;
    }
    switch (value.type) {
    case JAVA_SQL_DATE:
      return LocalDate.ofEpochDay(((Number) value.value).longValue());
    case JAVA_SQL_TIME:
      return LocalTime.ofNanoOfDay(((Number) value.value).longValue() * 1_000_000L);
    case JAVA_SQL_TIMESTAMP:
    case JAVA_UTIL_DATE:
      return LocalDateTime.ofInstant(Instant.ofEpochMilli(((Number) value.value).longValue()), ZoneOffset.UTC);
    default:
      return value.toJdbc(Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC), Locale.ROOT));
    }
  }

  @Override public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands) {
    throw readOnly();
  }

  @Override public ExecuteBatchResult executeBatch(StatementHandle h, List<List<TypedValue>> parameterValues) {
    throw readOnly();
  }

  private static AvaticaRuntimeException readOnly() {
    return new AvaticaRuntimeException("Batches are updates, and Criteo reports are read-only: run queries one by"
        + " one", -1, READ_ONLY_STATE, AvaticaSeverity.ERROR);
  }

  @Override public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException, MissingResultsException {
    try (ServerConnections.Run running = connections.run(user, h.connectionId)) {
      return running.connection().existingStatement(h.connectionId, h.id).frame(offset, fetchMaxRowCount);
    } catch (SQLException e) {
      throw MetaErrors.of(e);
    }
  }

  @Override public boolean syncResults(StatementHandle sh, QueryState state, long offset) {
    return false;
  }

  @Override public void closeStatement(StatementHandle h) {
    connections.get(user, h.connectionId).closeStatement(h.id);
  }

  @Override public void commit(ConnectionHandle ch) {
    try {
      connection(ch).commit();
    } catch (SQLException e) {
      throw MetaErrors.of(e);
    }
  }

  @Override public void rollback(ConnectionHandle ch) {
    try {
      connection(ch).rollback();
    } catch (SQLException e) {
      throw MetaErrors.of(e);
    }
  }

  private Connection connection(ConnectionHandle ch) {
    return connection(ch.id);
  }

  private Connection connection(String connectionId) {
    return connections.get(user, connectionId).embedded();
  }

  /** The audit of an execution of {@code sql} on the statement's connection, starting now. */
  private AuditLog.Execution audited(StatementHandle h, String sql) {
    try {
      return connections.audit().start(user, h.connectionId,
          connection(h.connectionId).unwrap(ConnectionReports.class), sql);
    } catch (SQLException e) {
      throw MetaErrors.of(e);
    }
  }

  private static void limitRows(Statement statement, long maxRowCount) throws SQLException {
    statement.setLargeMaxRows(Math.max(0, maxRowCount));
  }

  /** A {@link DatabaseMetaData} call. */
  private interface MetadataCall {
    ResultSet rows(DatabaseMetaData metaData) throws SQLException;
  }
}
