package io.github.criteojdbc.adapter;

import io.github.criteojdbc.adapter.catalog.ColumnDef;
import io.github.criteojdbc.adapter.catalog.TableCatalog;
import io.github.criteojdbc.adapter.exec.AdvertiserGrant;
import io.github.criteojdbc.adapter.exec.ReportScan;
import io.github.criteojdbc.adapter.plan.CriteoTableScan;
import io.github.criteojdbc.adapter.plan.PushdownPolicy;
import io.github.criteojdbc.adapter.plan.ScanSpec;

import com.google.common.collect.ImmutableList;

import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.List;
import java.util.Optional;

/**
 * A virtual table over one Criteo report endpoint. Its rows are the report's rows at the grain of
 * the dimension columns a query uses; which report is requested is decided by the planner rules
 * ({@link io.github.criteojdbc.adapter.plan.CriteoRules}) and carried by a {@link ScanSpec}. The
 * columns come from the table's catalog file, the request and its rows from its {@link ReportScan}.
 */
public final class CriteoTable extends AbstractTable implements TranslatableTable {
  static final int MONEY_PRECISION = 24;

  private final TableCatalog catalog;
  private final ReportScan scan;
  private final AdapterSettings settings;

  public CriteoTable(TableCatalog catalog, ReportScan scan, AdapterSettings settings) {
    this.catalog = catalog;
    this.scan = scan;
    this.settings = settings;
  }

  public TableCatalog catalog() {
    return catalog;
  }

  /** What the API of this table can filter on. */
  public PushdownPolicy pushdownPolicy() {
    return scan.pushdown();
  }

  /** The report request a scan sends, as far as it is known at plan time, for {@code EXPLAIN}. */
  public String describeRequest(ScanSpec spec) {
    return scan.describe(spec);
  }

  /**
   * For {@code EXPLAIN}: which cached report would answer the scan if it ran now, and how; empty
   * when it would send its request.
   */
  public Optional<String> describeCacheAnswer(ScanSpec spec) {
    return scan.describeCacheAnswer(spec);
  }

  /**
   * Runs the scan: creates the report(s), waits, and streams the rows. Called from generated code
   * when the statement binds, before any scan of it sends a call; refuses advertisers outside the
   * connection's grant.
   */
  public Enumerable<Object[]> scan(DataContext root, ScanSpec spec) {
    AdvertiserGrant.requireGranted(catalog, spec, root, settings);
    return scan.enumerable(root, spec);
  }

  @Override public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return rowType(typeFactory, catalog.columns().stream().map(ColumnDef::name)
        .collect(ImmutableList.toImmutableList()));
  }

  /** The row type of a scan that outputs only {@code columns}, in that order. */
  public RelDataType rowType(RelDataTypeFactory typeFactory, List<String> columns) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (String name : columns) {
      ColumnDef column = catalog.column(name).orElseThrow();
      RelDataType type = column.type() == SqlTypeName.DECIMAL
          ? typeFactory.createSqlType(SqlTypeName.DECIMAL, MONEY_PRECISION, catalog.decimalScale())
          : typeFactory.createSqlType(column.type());
      builder.add(name, typeFactory.createTypeWithNullability(type, true));
    }
    return builder.build();
  }
  @Override public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    ScanSpec spec = ScanSpec.of(catalog.tableName(),
        catalog.columns().stream().map(ColumnDef::name).collect(ImmutableList.toImmutableList()));
    return new CriteoTableScan(context.getCluster(),
        context.getCluster().traitSetOf(EnumerableConvention.INSTANCE), relOptTable, this, spec);
  }

  @Override public Statistic getStatistic() {
    return Statistics.of(CriteoTableScan.UNFILTERED_ROWS, ImmutableList.of());
  }

  @Override public Schema.TableType getJdbcTableType() {
    return Schema.TableType.TABLE;
  }
}
