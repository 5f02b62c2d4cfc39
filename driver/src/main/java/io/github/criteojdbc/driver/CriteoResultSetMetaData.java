package io.github.criteojdbc.driver;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Result set metadata over Calcite's, whose precision and display size agree with what
 * {@code DatabaseMetaData.getColumns} says of the same column ({@link CatalogMetaColumns}): an
 * unbounded VARCHAR has the largest precision rather than -1, and every column has a positive
 * display size.
 */
final class CriteoResultSetMetaData extends DelegatingWrapper implements ResultSetMetaData {
  /** Length of {@code yyyy-MM-dd HH:mm:ss}. */
  private static final int TIMESTAMP_SIZE = 19;

  private final ResultSetMetaData delegate;

  CriteoResultSetMetaData(ResultSetMetaData calcite) {
    super(calcite);
    this.delegate = calcite;
  }

  @Override public int getPrecision(int column) throws SQLException {
    try {
      return CatalogMetaColumns.columnSize(delegate.getColumnType(column), delegate.getPrecision(column));
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    }
  }

  @Override public int getColumnDisplaySize(int column) throws SQLException {
    try {
      int type = delegate.getColumnType(column);
      int precision = getPrecision(column);
      switch (type) {
        case Types.CHAR:
        case Types.VARCHAR:
        case Types.NCHAR:
        case Types.NVARCHAR:
          return precision;
        case Types.DECIMAL:
        case Types.NUMERIC:
          // sign, digits and the decimal point
          return precision + 1 + (delegate.getScale(column) > 0 ? 1 : 0);
        case Types.BIGINT:
          return 20;
        case Types.INTEGER:
          return 11;
        case Types.SMALLINT:
          return 6;
        case Types.TINYINT:
          return 4;
        case Types.DOUBLE:
        case Types.FLOAT:
          return 24;
        case Types.REAL:
          return 14;
        case Types.BOOLEAN:
        case Types.BIT:
          return 5;
        case Types.DATE:
          return 10;
        case Types.TIME:
          return 8;
        case Types.TIMESTAMP:
          return precision > TIMESTAMP_SIZE ? precision : TIMESTAMP_SIZE;
        default: {
          int calcite = delegate.getColumnDisplaySize(column);
          return calcite > 0 ? calcite : precision > 0 ? precision : 10;
        }
      }
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    }
  }

  @Override public int getColumnCount() throws SQLException {
    try {
      return delegate.getColumnCount();
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    }
  }

  @Override public boolean isAutoIncrement(int column) throws SQLException {
    try {
      return delegate.isAutoIncrement(column);
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    }
  }

  @Override public boolean isCaseSensitive(int column) throws SQLException {
    try {
      return delegate.isCaseSensitive(column);
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    }
  }

  @Override public boolean isSearchable(int column) throws SQLException {
    try {
      return delegate.isSearchable(column);
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    }
  }

  @Override public boolean isCurrency(int column) throws SQLException {
    try {
      return delegate.isCurrency(column);
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    }
  }

  @Override public int isNullable(int column) throws SQLException {
    try {
      return delegate.isNullable(column);
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    }
  }

  @Override public boolean isSigned(int column) throws SQLException {
    try {
      return delegate.isSigned(column);
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    }
  }

  @Override public String getColumnLabel(int column) throws SQLException {
    try {
      return delegate.getColumnLabel(column);
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    }
  }

  @Override public String getColumnName(int column) throws SQLException {
    try {
      return delegate.getColumnName(column);
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    }
  }

  @Override public String getSchemaName(int column) throws SQLException {
    try {
      return delegate.getSchemaName(column);
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    }
  }

  @Override public int getScale(int column) throws SQLException {
    try {
      return delegate.getScale(column);
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    }
  }

  @Override public String getTableName(int column) throws SQLException {
    try {
      return delegate.getTableName(column);
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    }
  }

  @Override public String getCatalogName(int column) throws SQLException {
    try {
      return delegate.getCatalogName(column);
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    }
  }

  @Override public int getColumnType(int column) throws SQLException {
    try {
      return delegate.getColumnType(column);
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    }
  }

  @Override public String getColumnTypeName(int column) throws SQLException {
    try {
      return delegate.getColumnTypeName(column);
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    }
  }

  @Override public boolean isReadOnly(int column) throws SQLException {
    try {
      return delegate.isReadOnly(column);
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    }
  }

  @Override public boolean isWritable(int column) throws SQLException {
    try {
      return delegate.isWritable(column);
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    }
  }

  @Override public boolean isDefinitelyWritable(int column) throws SQLException {
    try {
      return delegate.isDefinitelyWritable(column);
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    }
  }

  @Override public String getColumnClassName(int column) throws SQLException {
    try {
      return delegate.getColumnClassName(column);
    } catch (Throwable t) {
      throw SqlErrors.translate(t);
    }
  }
}
