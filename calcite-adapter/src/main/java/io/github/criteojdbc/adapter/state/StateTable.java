package io.github.criteojdbc.adapter.state;

import com.google.common.collect.ImmutableList;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A read-only table of the driver's own state, read afresh at each scan from memory: it never calls
 * the API. Timestamps are UTC.
 */
public final class StateTable extends AbstractTable implements ScannableTable {
  /** A column, its type and what it says. */
  public record Column(String name, SqlTypeName type, String remark) {}

  private final String remark;
  private final ImmutableList<Column> columns;
  private final Supplier<List<Object[]>> rows;

  StateTable(String remark, List<Column> columns, Supplier<List<Object[]>> rows) {
    this.remark = remark;
    this.columns = ImmutableList.copyOf(columns);
    this.rows = rows;
  }

  public String remark() {
    return remark;
  }

  public Optional<Column> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  @Override public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (Column column : columns) {
      builder.add(column.name(), typeFactory.createTypeWithNullability(
          typeFactory.createSqlType(column.type()), true));
    }
    return builder.build();
  }

  @Override public Enumerable<Object[]> scan(DataContext root) {
    return Linq4j.asEnumerable(rows.get());
  }
}
