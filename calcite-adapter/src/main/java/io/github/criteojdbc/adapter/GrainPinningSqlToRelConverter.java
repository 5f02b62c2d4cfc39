package io.github.criteojdbc.adapter;

import io.github.criteojdbc.adapter.plan.CriteoTableScan;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.hint.RelHint;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.SqlToRelConverter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Converts SQL to relational algebra with each report scan's grain pinned to the columns its own
 * query block names ({@link QueryBlockColumns}), before Calcite prunes any of them, and with the
 * time columns that the query's conditions compare recorded ({@link TimePredicateMarker}).
 */
final class GrainPinningSqlToRelConverter extends SqlToRelConverter {
  private final SqlValidator sqlValidator;
  private final List<QueryBlockColumns> blockColumns = new ArrayList<>();
  private SqlNode tableReference;

  GrainPinningSqlToRelConverter(RelOptTable.ViewExpander viewExpander, SqlValidator validator,
      Prepare.CatalogReader catalogReader, RelOptCluster cluster, SqlRexConvertletTable convertletTable,
      Config config) {
    super(viewExpander, validator, catalogReader, cluster, convertletTable, config);
    this.sqlValidator = validator;
  }

  @Override public RelRoot convertQuery(SqlNode query, boolean needsValidation, boolean top) {
    Set<SqlSelect> starSelects = QueryBlockColumns.starSelects(query);
    SqlNode validated = needsValidation ? sqlValidator.validate(query) : query;
    blockColumns.add(QueryBlockColumns.of(sqlValidator, validated, starSelects));
    RelRoot root = super.convertQuery(validated, false, top);
    return root.withRel(TimePredicateMarker.mark(root.rel));
  }

  @Override protected void convertFrom(Blackboard bb, SqlNode from, List<String> fieldNames) {
    if (from != null && from.getKind() == SqlKind.IDENTIFIER) {
      tableReference = from;
    } else if (from != null && from.getKind() == SqlKind.TABLE_REF) {
      tableReference = ((SqlCall) from).operand(0);
    }
    super.convertFrom(bb, from, fieldNames);
  }

  @Override public RelNode toRel(RelOptTable table, List<RelHint> hints) {
    RelNode rel = super.toRel(table, hints);
    SqlNode reference = tableReference;
    tableReference = null;
    if (rel instanceof CriteoTableScan && reference != null) {
      Set<String> named = new LinkedHashSet<>();
      Set<String> starOnly = new LinkedHashSet<>();
      for (QueryBlockColumns block : blockColumns) {
        named.addAll(block.named(reference));
        starOnly.addAll(block.starOnly(reference));
      }
      return ((CriteoTableScan) rel).withGrainColumns(named, starOnly);
    }
    return rel;
  }
}
