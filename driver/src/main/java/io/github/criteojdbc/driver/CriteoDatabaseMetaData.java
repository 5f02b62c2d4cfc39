package io.github.criteojdbc.driver;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;

/**
 * Metadata over Calcite's, which answers from the schema without any API call. Adds what Calcite
 * cannot know: the API version as the product version, and that the connection is read-only and
 * has no transactions. Its result sets convert values like a query's and belong to no statement.
 */
final class CriteoDatabaseMetaData implements DatabaseMetaData {
  private final CriteoConnection connection;
  private DatabaseMetaData calcite;

  CriteoDatabaseMetaData(CriteoConnection connection) {
    this.connection = connection;
  }

  private DatabaseMetaData calcite() throws SQLException {
    connection.requireOpen();
    return calciteUnchecked();
  }

  private synchronized DatabaseMetaData calciteUnchecked() throws SQLException {
    if (calcite == null) {
      calcite = connection.calcite().getMetaData();
    }
    return calcite;
  }

  private SQLException failure(Throwable thrown) {
    return connection.failure(thrown);
  }

  private ResultSet rows(ResultSet calciteRows) throws SQLException {
    return calciteRows == null ? null : new CriteoResultSet(calciteRows, null, new StatementScope(new WarningChain()),
        connection.session().warnings(), connection.reportZone());
  }

  @Override public Connection getConnection() throws SQLException {
    connection.requireOpen();
    return connection;
  }

  @Override public String getDatabaseProductVersion() throws SQLException {
    connection.requireOpen();
    return "Marketing Solutions API " + connection.session().settings().apiVersion();
  }

  @Override public boolean isReadOnly() throws SQLException {
    connection.requireOpen();
    return true;
  }

  @Override public boolean supportsTransactions() throws SQLException {
    connection.requireOpen();
    return false;
  }

  @Override public int getDefaultTransactionIsolation() throws SQLException {
    connection.requireOpen();
    return Connection.TRANSACTION_NONE;
  }

  @Override public boolean supportsTransactionIsolationLevel(int level) throws SQLException {
    connection.requireOpen();
    return level == Connection.TRANSACTION_NONE;
  }

  @Override public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    try {
      return calcite().unwrap(iface);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean isWrapperFor(Class<?> iface) throws SQLException {
    try {
      return iface.isInstance(this) || calcite().isWrapperFor(iface);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean allProceduresAreCallable() throws SQLException {
    try {
      return calcite().allProceduresAreCallable();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean allTablesAreSelectable() throws SQLException {
    try {
      return calcite().allTablesAreSelectable();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public String getURL() throws SQLException {
    try {
      return calcite().getURL();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public String getUserName() throws SQLException {
    try {
      return calcite().getUserName();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean nullsAreSortedHigh() throws SQLException {
    try {
      return calcite().nullsAreSortedHigh();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean nullsAreSortedLow() throws SQLException {
    try {
      return calcite().nullsAreSortedLow();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean nullsAreSortedAtStart() throws SQLException {
    try {
      return calcite().nullsAreSortedAtStart();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean nullsAreSortedAtEnd() throws SQLException {
    try {
      return calcite().nullsAreSortedAtEnd();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public String getDatabaseProductName() throws SQLException {
    try {
      return calcite().getDatabaseProductName();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public String getDriverName() throws SQLException {
    try {
      return calcite().getDriverName();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public String getDriverVersion() throws SQLException {
    try {
      return calcite().getDriverVersion();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getDriverMajorVersion() {
    try {
      return calciteUnchecked().getDriverMajorVersion();
    } catch (SQLException | RuntimeException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override public int getDriverMinorVersion() {
    try {
      return calciteUnchecked().getDriverMinorVersion();
    } catch (SQLException | RuntimeException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override public boolean usesLocalFiles() throws SQLException {
    try {
      return calcite().usesLocalFiles();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean usesLocalFilePerTable() throws SQLException {
    try {
      return calcite().usesLocalFilePerTable();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsMixedCaseIdentifiers() throws SQLException {
    try {
      return calcite().supportsMixedCaseIdentifiers();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean storesUpperCaseIdentifiers() throws SQLException {
    try {
      return calcite().storesUpperCaseIdentifiers();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean storesLowerCaseIdentifiers() throws SQLException {
    try {
      return calcite().storesLowerCaseIdentifiers();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean storesMixedCaseIdentifiers() throws SQLException {
    try {
      return calcite().storesMixedCaseIdentifiers();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsMixedCaseQuotedIdentifiers() throws SQLException {
    try {
      return calcite().supportsMixedCaseQuotedIdentifiers();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean storesUpperCaseQuotedIdentifiers() throws SQLException {
    try {
      return calcite().storesUpperCaseQuotedIdentifiers();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean storesLowerCaseQuotedIdentifiers() throws SQLException {
    try {
      return calcite().storesLowerCaseQuotedIdentifiers();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean storesMixedCaseQuotedIdentifiers() throws SQLException {
    try {
      return calcite().storesMixedCaseQuotedIdentifiers();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public String getIdentifierQuoteString() throws SQLException {
    try {
      return calcite().getIdentifierQuoteString();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public String getSQLKeywords() throws SQLException {
    try {
      return calcite().getSQLKeywords();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public String getNumericFunctions() throws SQLException {
    try {
      return calcite().getNumericFunctions();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public String getStringFunctions() throws SQLException {
    try {
      return calcite().getStringFunctions();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public String getSystemFunctions() throws SQLException {
    try {
      return calcite().getSystemFunctions();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public String getTimeDateFunctions() throws SQLException {
    try {
      return calcite().getTimeDateFunctions();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public String getSearchStringEscape() throws SQLException {
    try {
      return calcite().getSearchStringEscape();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public String getExtraNameCharacters() throws SQLException {
    try {
      return calcite().getExtraNameCharacters();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsAlterTableWithAddColumn() throws SQLException {
    try {
      return calcite().supportsAlterTableWithAddColumn();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsAlterTableWithDropColumn() throws SQLException {
    try {
      return calcite().supportsAlterTableWithDropColumn();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsColumnAliasing() throws SQLException {
    try {
      return calcite().supportsColumnAliasing();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean nullPlusNonNullIsNull() throws SQLException {
    try {
      return calcite().nullPlusNonNullIsNull();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsConvert() throws SQLException {
    try {
      return calcite().supportsConvert();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsConvert(int fromType, int toType) throws SQLException {
    try {
      return calcite().supportsConvert(fromType, toType);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsTableCorrelationNames() throws SQLException {
    try {
      return calcite().supportsTableCorrelationNames();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsDifferentTableCorrelationNames() throws SQLException {
    try {
      return calcite().supportsDifferentTableCorrelationNames();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsExpressionsInOrderBy() throws SQLException {
    try {
      return calcite().supportsExpressionsInOrderBy();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsOrderByUnrelated() throws SQLException {
    try {
      return calcite().supportsOrderByUnrelated();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsGroupBy() throws SQLException {
    try {
      return calcite().supportsGroupBy();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsGroupByUnrelated() throws SQLException {
    try {
      return calcite().supportsGroupByUnrelated();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsGroupByBeyondSelect() throws SQLException {
    try {
      return calcite().supportsGroupByBeyondSelect();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsLikeEscapeClause() throws SQLException {
    try {
      return calcite().supportsLikeEscapeClause();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsMultipleResultSets() throws SQLException {
    try {
      return calcite().supportsMultipleResultSets();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsMultipleTransactions() throws SQLException {
    try {
      return calcite().supportsMultipleTransactions();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsNonNullableColumns() throws SQLException {
    try {
      return calcite().supportsNonNullableColumns();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsMinimumSQLGrammar() throws SQLException {
    try {
      return calcite().supportsMinimumSQLGrammar();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsCoreSQLGrammar() throws SQLException {
    try {
      return calcite().supportsCoreSQLGrammar();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsExtendedSQLGrammar() throws SQLException {
    try {
      return calcite().supportsExtendedSQLGrammar();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsANSI92EntryLevelSQL() throws SQLException {
    try {
      return calcite().supportsANSI92EntryLevelSQL();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsANSI92IntermediateSQL() throws SQLException {
    try {
      return calcite().supportsANSI92IntermediateSQL();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsANSI92FullSQL() throws SQLException {
    try {
      return calcite().supportsANSI92FullSQL();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsIntegrityEnhancementFacility() throws SQLException {
    try {
      return calcite().supportsIntegrityEnhancementFacility();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsOuterJoins() throws SQLException {
    try {
      return calcite().supportsOuterJoins();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsFullOuterJoins() throws SQLException {
    try {
      return calcite().supportsFullOuterJoins();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsLimitedOuterJoins() throws SQLException {
    try {
      return calcite().supportsLimitedOuterJoins();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public String getSchemaTerm() throws SQLException {
    try {
      return calcite().getSchemaTerm();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public String getProcedureTerm() throws SQLException {
    try {
      return calcite().getProcedureTerm();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public String getCatalogTerm() throws SQLException {
    try {
      return calcite().getCatalogTerm();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean isCatalogAtStart() throws SQLException {
    try {
      return calcite().isCatalogAtStart();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public String getCatalogSeparator() throws SQLException {
    try {
      return calcite().getCatalogSeparator();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsSchemasInDataManipulation() throws SQLException {
    try {
      return calcite().supportsSchemasInDataManipulation();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsSchemasInProcedureCalls() throws SQLException {
    try {
      return calcite().supportsSchemasInProcedureCalls();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsSchemasInTableDefinitions() throws SQLException {
    try {
      return calcite().supportsSchemasInTableDefinitions();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsSchemasInIndexDefinitions() throws SQLException {
    try {
      return calcite().supportsSchemasInIndexDefinitions();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsSchemasInPrivilegeDefinitions() throws SQLException {
    try {
      return calcite().supportsSchemasInPrivilegeDefinitions();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsCatalogsInDataManipulation() throws SQLException {
    try {
      return calcite().supportsCatalogsInDataManipulation();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsCatalogsInProcedureCalls() throws SQLException {
    try {
      return calcite().supportsCatalogsInProcedureCalls();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsCatalogsInTableDefinitions() throws SQLException {
    try {
      return calcite().supportsCatalogsInTableDefinitions();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsCatalogsInIndexDefinitions() throws SQLException {
    try {
      return calcite().supportsCatalogsInIndexDefinitions();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsCatalogsInPrivilegeDefinitions() throws SQLException {
    try {
      return calcite().supportsCatalogsInPrivilegeDefinitions();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsPositionedDelete() throws SQLException {
    try {
      return calcite().supportsPositionedDelete();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsPositionedUpdate() throws SQLException {
    try {
      return calcite().supportsPositionedUpdate();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsSelectForUpdate() throws SQLException {
    try {
      return calcite().supportsSelectForUpdate();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsStoredProcedures() throws SQLException {
    try {
      return calcite().supportsStoredProcedures();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsSubqueriesInComparisons() throws SQLException {
    try {
      return calcite().supportsSubqueriesInComparisons();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsSubqueriesInExists() throws SQLException {
    try {
      return calcite().supportsSubqueriesInExists();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsSubqueriesInIns() throws SQLException {
    try {
      return calcite().supportsSubqueriesInIns();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsSubqueriesInQuantifieds() throws SQLException {
    try {
      return calcite().supportsSubqueriesInQuantifieds();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsCorrelatedSubqueries() throws SQLException {
    try {
      return calcite().supportsCorrelatedSubqueries();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsUnion() throws SQLException {
    try {
      return calcite().supportsUnion();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsUnionAll() throws SQLException {
    try {
      return calcite().supportsUnionAll();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsOpenCursorsAcrossCommit() throws SQLException {
    try {
      return calcite().supportsOpenCursorsAcrossCommit();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsOpenCursorsAcrossRollback() throws SQLException {
    try {
      return calcite().supportsOpenCursorsAcrossRollback();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsOpenStatementsAcrossCommit() throws SQLException {
    try {
      return calcite().supportsOpenStatementsAcrossCommit();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsOpenStatementsAcrossRollback() throws SQLException {
    try {
      return calcite().supportsOpenStatementsAcrossRollback();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getMaxBinaryLiteralLength() throws SQLException {
    try {
      return calcite().getMaxBinaryLiteralLength();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getMaxCharLiteralLength() throws SQLException {
    try {
      return calcite().getMaxCharLiteralLength();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getMaxColumnNameLength() throws SQLException {
    try {
      return calcite().getMaxColumnNameLength();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getMaxColumnsInGroupBy() throws SQLException {
    try {
      return calcite().getMaxColumnsInGroupBy();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getMaxColumnsInIndex() throws SQLException {
    try {
      return calcite().getMaxColumnsInIndex();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getMaxColumnsInOrderBy() throws SQLException {
    try {
      return calcite().getMaxColumnsInOrderBy();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getMaxColumnsInSelect() throws SQLException {
    try {
      return calcite().getMaxColumnsInSelect();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getMaxColumnsInTable() throws SQLException {
    try {
      return calcite().getMaxColumnsInTable();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getMaxConnections() throws SQLException {
    try {
      return calcite().getMaxConnections();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getMaxCursorNameLength() throws SQLException {
    try {
      return calcite().getMaxCursorNameLength();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getMaxIndexLength() throws SQLException {
    try {
      return calcite().getMaxIndexLength();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getMaxSchemaNameLength() throws SQLException {
    try {
      return calcite().getMaxSchemaNameLength();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getMaxProcedureNameLength() throws SQLException {
    try {
      return calcite().getMaxProcedureNameLength();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getMaxCatalogNameLength() throws SQLException {
    try {
      return calcite().getMaxCatalogNameLength();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getMaxRowSize() throws SQLException {
    try {
      return calcite().getMaxRowSize();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean doesMaxRowSizeIncludeBlobs() throws SQLException {
    try {
      return calcite().doesMaxRowSizeIncludeBlobs();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getMaxStatementLength() throws SQLException {
    try {
      return calcite().getMaxStatementLength();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getMaxStatements() throws SQLException {
    try {
      return calcite().getMaxStatements();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getMaxTableNameLength() throws SQLException {
    try {
      return calcite().getMaxTableNameLength();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getMaxTablesInSelect() throws SQLException {
    try {
      return calcite().getMaxTablesInSelect();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getMaxUserNameLength() throws SQLException {
    try {
      return calcite().getMaxUserNameLength();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsDataDefinitionAndDataManipulationTransactions() throws SQLException {
    try {
      return calcite().supportsDataDefinitionAndDataManipulationTransactions();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsDataManipulationTransactionsOnly() throws SQLException {
    try {
      return calcite().supportsDataManipulationTransactionsOnly();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean dataDefinitionCausesTransactionCommit() throws SQLException {
    try {
      return calcite().dataDefinitionCausesTransactionCommit();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean dataDefinitionIgnoredInTransactions() throws SQLException {
    try {
      return calcite().dataDefinitionIgnoredInTransactions();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern) throws SQLException {
    try {
      return rows(calcite().getProcedures(catalog, schemaPattern, procedureNamePattern));
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern, String columnNamePattern) throws SQLException {
    try {
      return rows(calcite().getProcedureColumns(catalog, schemaPattern, procedureNamePattern, columnNamePattern));
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types) throws SQLException {
    try {
      return rows(calcite().getTables(catalog, schemaPattern, tableNamePattern, types));
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public ResultSet getSchemas() throws SQLException {
    try {
      return rows(calcite().getSchemas());
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public ResultSet getCatalogs() throws SQLException {
    try {
      return rows(calcite().getCatalogs());
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public ResultSet getTableTypes() throws SQLException {
    try {
      return rows(calcite().getTableTypes());
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern) throws SQLException {
    try {
      return rows(calcite().getColumns(catalog, schemaPattern, tableNamePattern, columnNamePattern));
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern) throws SQLException {
    try {
      return rows(calcite().getColumnPrivileges(catalog, schema, table, columnNamePattern));
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern) throws SQLException {
    try {
      return rows(calcite().getTablePrivileges(catalog, schemaPattern, tableNamePattern));
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable) throws SQLException {
    try {
      return rows(calcite().getBestRowIdentifier(catalog, schema, table, scope, nullable));
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
    try {
      return rows(calcite().getVersionColumns(catalog, schema, table));
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
    try {
      return rows(calcite().getPrimaryKeys(catalog, schema, table));
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
    try {
      return rows(calcite().getImportedKeys(catalog, schema, table));
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
    try {
      return rows(calcite().getExportedKeys(catalog, schema, table));
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable, String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
    try {
      return rows(calcite().getCrossReference(parentCatalog, parentSchema, parentTable, foreignCatalog, foreignSchema, foreignTable));
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public ResultSet getTypeInfo() throws SQLException {
    try {
      return rows(calcite().getTypeInfo());
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate) throws SQLException {
    try {
      return rows(calcite().getIndexInfo(catalog, schema, table, unique, approximate));
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsResultSetType(int type) throws SQLException {
    try {
      return calcite().supportsResultSetType(type);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsResultSetConcurrency(int type, int concurrency) throws SQLException {
    try {
      return calcite().supportsResultSetConcurrency(type, concurrency);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean ownUpdatesAreVisible(int type) throws SQLException {
    try {
      return calcite().ownUpdatesAreVisible(type);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean ownDeletesAreVisible(int type) throws SQLException {
    try {
      return calcite().ownDeletesAreVisible(type);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean ownInsertsAreVisible(int type) throws SQLException {
    try {
      return calcite().ownInsertsAreVisible(type);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean othersUpdatesAreVisible(int type) throws SQLException {
    try {
      return calcite().othersUpdatesAreVisible(type);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean othersDeletesAreVisible(int type) throws SQLException {
    try {
      return calcite().othersDeletesAreVisible(type);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean othersInsertsAreVisible(int type) throws SQLException {
    try {
      return calcite().othersInsertsAreVisible(type);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean updatesAreDetected(int type) throws SQLException {
    try {
      return calcite().updatesAreDetected(type);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean deletesAreDetected(int type) throws SQLException {
    try {
      return calcite().deletesAreDetected(type);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean insertsAreDetected(int type) throws SQLException {
    try {
      return calcite().insertsAreDetected(type);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsBatchUpdates() throws SQLException {
    try {
      return calcite().supportsBatchUpdates();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types) throws SQLException {
    try {
      return rows(calcite().getUDTs(catalog, schemaPattern, typeNamePattern, types));
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsSavepoints() throws SQLException {
    try {
      return calcite().supportsSavepoints();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsNamedParameters() throws SQLException {
    try {
      return calcite().supportsNamedParameters();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsMultipleOpenResults() throws SQLException {
    try {
      return calcite().supportsMultipleOpenResults();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsGetGeneratedKeys() throws SQLException {
    try {
      return calcite().supportsGetGeneratedKeys();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) throws SQLException {
    try {
      return rows(calcite().getSuperTypes(catalog, schemaPattern, typeNamePattern));
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern) throws SQLException {
    try {
      return rows(calcite().getSuperTables(catalog, schemaPattern, tableNamePattern));
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern, String attributeNamePattern) throws SQLException {
    try {
      return rows(calcite().getAttributes(catalog, schemaPattern, typeNamePattern, attributeNamePattern));
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsResultSetHoldability(int holdability) throws SQLException {
    try {
      return calcite().supportsResultSetHoldability(holdability);
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getResultSetHoldability() throws SQLException {
    try {
      return calcite().getResultSetHoldability();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getDatabaseMajorVersion() throws SQLException {
    try {
      return calcite().getDatabaseMajorVersion();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getDatabaseMinorVersion() throws SQLException {
    try {
      return calcite().getDatabaseMinorVersion();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getJDBCMajorVersion() throws SQLException {
    try {
      return calcite().getJDBCMajorVersion();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getJDBCMinorVersion() throws SQLException {
    try {
      return calcite().getJDBCMinorVersion();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public int getSQLStateType() throws SQLException {
    try {
      return calcite().getSQLStateType();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean locatorsUpdateCopy() throws SQLException {
    try {
      return calcite().locatorsUpdateCopy();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsStatementPooling() throws SQLException {
    try {
      return calcite().supportsStatementPooling();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public RowIdLifetime getRowIdLifetime() throws SQLException {
    try {
      return calcite().getRowIdLifetime();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
    try {
      return rows(calcite().getSchemas(catalog, schemaPattern));
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsStoredFunctionsUsingCallSyntax() throws SQLException {
    try {
      return calcite().supportsStoredFunctionsUsingCallSyntax();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean autoCommitFailureClosesAllResultSets() throws SQLException {
    try {
      return calcite().autoCommitFailureClosesAllResultSets();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public ResultSet getClientInfoProperties() throws SQLException {
    try {
      return rows(calcite().getClientInfoProperties());
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern) throws SQLException {
    try {
      return rows(calcite().getFunctions(catalog, schemaPattern, functionNamePattern));
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern, String columnNamePattern) throws SQLException {
    try {
      return rows(calcite().getFunctionColumns(catalog, schemaPattern, functionNamePattern, columnNamePattern));
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern) throws SQLException {
    try {
      return rows(calcite().getPseudoColumns(catalog, schemaPattern, tableNamePattern, columnNamePattern));
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean generatedKeyAlwaysReturned() throws SQLException {
    try {
      return calcite().generatedKeyAlwaysReturned();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public long getMaxLogicalLobSize() throws SQLException {
    try {
      return calcite().getMaxLogicalLobSize();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsRefCursors() throws SQLException {
    try {
      return calcite().supportsRefCursors();
    } catch (Throwable t) {
      throw failure(t);
    }
  }

  @Override public boolean supportsSharding() throws SQLException {
    try {
      return calcite().supportsSharding();
    } catch (Throwable t) {
      throw failure(t);
    }
  }
}
