package io.github.criteojdbc.adapter;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlQualified;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * For every table reference of a validated query, the columns that the query block reading it
 * names in its select list, {@code GROUP BY}, {@code HAVING} and {@code ORDER BY}. Those columns
 * set the grain of the table's rows; what an enclosing query does with them (Calcite prunes the
 * columns an outer {@code COUNT(*)} does not read) must not change it. {@code WHERE} is left to
 * the filter rule, which keeps the columns of every condition the request does not answer.
 */
final class QueryBlockColumns {
  private final SqlValidator validator;
  private final Set<SqlSelect> starSelects;
  private final Map<SqlNode, Set<String>> byTableReference = new IdentityHashMap<>();
  private final Map<SqlNode, Set<String>> explicitByTableReference = new IdentityHashMap<>();

  private QueryBlockColumns(SqlValidator validator, Set<SqlSelect> starSelects) {
    this.validator = validator;
    this.starSelects = starSelects;
  }

  /**
   * The statement's own query block when its select list holds a {@code *}, found before
   * validation expands it (validation keeps the same select node). Only that block: its rows are
   * the result, so no enclosing query can filter or group on a column a preview leaves NULL.
   */
  static Set<SqlSelect> starSelects(SqlNode query) {
    SqlNode top = query instanceof SqlOrderBy ? ((SqlOrderBy) query).query : query;
    if (top instanceof SqlSelect && ((SqlSelect) top).getSelectList() != null
        && ((SqlSelect) top).getSelectList().stream()
            .anyMatch(item -> item instanceof SqlIdentifier && ((SqlIdentifier) item).isStar())) {
      return Set.of((SqlSelect) top);
    }
    return Set.of();
  }

  /** Keyed by the {@code FROM} item's table identifier node, compared by identity. */
  static QueryBlockColumns of(SqlValidator validator, SqlNode validatedQuery,
      Set<SqlSelect> starSelects) {
    QueryBlockColumns columns = new QueryBlockColumns(validator, starSelects);
    validatedQuery.accept(columns.new SelectFinder());
    return columns;
  }

  /** Every column the block reading {@code tableReference} names, through a star or not. */
  Set<String> named(SqlNode tableReference) {
    return byTableReference.getOrDefault(tableReference, Set.of());
  }

  /** The columns that block names only through {@code SELECT *}. */
  Set<String> starOnly(SqlNode tableReference) {
    Set<String> starOnly = new LinkedHashSet<>(named(tableReference));
    starOnly.removeAll(explicitByTableReference.getOrDefault(tableReference, Set.of()));
    return starOnly;
  }

  private void addNamedBy(SqlSelect select) {
    collect(select.getSelectList(), () -> validator.getSelectScope(select),
        !starSelects.contains(select));
    collect(select.getGroup(), () -> validator.getGroupScope(select), true);
    collect(select.getHaving(), () -> validator.getHavingScope(select), true);
    collect(select.getOrderList(), () -> validator.getOrderScope(select), true);
    if (starSelects.contains(select) && select.getWhere() != null) {
      select.getWhere().accept(new ColumnFinder(validator.getWhereScope(select), true, false));
    }
    if (starSelects.contains(select) && select.getOrderList() != null) {
      // The order scope resolves ORDER BY product_id as the alias the star gave; name the column.
      select.getOrderList().accept(new ColumnFinder(validator.getSelectScope(select), true, false));
    }
  }

  /** The validator registers a clause's scope only when the clause is there. */
  private void collect(SqlNode clause, Supplier<SqlValidatorScope> scope, boolean explicit) {
    if (clause != null) {
      clause.accept(new ColumnFinder(scope.get(), explicit, true));
    }
  }

  /** Visits every query block, nested ones included. */
  private final class SelectFinder extends SqlBasicVisitor<Void> {
    @Override public Void visit(SqlCall call) {
      if (call instanceof SqlSelect) {
        addNamedBy((SqlSelect) call);
      }
      return super.visit(call);
    }
  }

  /** Resolves the identifiers of one clause, without entering the query blocks nested in it. */
  private final class ColumnFinder extends SqlBasicVisitor<Void> {
    private final SqlValidatorScope scope;
    private final boolean explicit;
    private final boolean grain;

    /**
     * @param explicit whether the clause names its columns itself, not through a star
     * @param grain whether the columns set the grain (a {@code WHERE} leaves that to the filter rule)
     */
    ColumnFinder(SqlValidatorScope scope, boolean explicit, boolean grain) {
      this.scope = scope;
      this.explicit = explicit;
      this.grain = grain;
    }

    @Override public Void visit(SqlCall call) {
      return call.getKind().belongsTo(SqlKind.QUERY) ? null : super.visit(call);
    }

    @Override public Void visit(SqlIdentifier id) {
      if (id.isStar()) {
        return null;
      }
      SqlQualified qualified;
      try {
        qualified = scope.fullyQualify(id);
      } catch (RuntimeException notAColumn) {
        // An alias of the select list (ORDER BY clicks_total) or a name the validator rewrote.
        return null;
      }
      if (qualified.namespace != null && qualified.namespace.getNode() != null
          && !qualified.suffix().isEmpty()) {
        String column = qualified.suffix().get(0);
        if (grain) {
          byTableReference.computeIfAbsent(qualified.namespace.getNode(),
              node -> new LinkedHashSet<>()).add(column);
        }
        if (explicit) {
          explicitByTableReference.computeIfAbsent(qualified.namespace.getNode(),
              node -> new LinkedHashSet<>()).add(column);
        }
      }
      return null;
    }
  }
}
