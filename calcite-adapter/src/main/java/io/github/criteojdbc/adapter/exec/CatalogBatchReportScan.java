package io.github.criteojdbc.adapter.exec;

import com.google.common.collect.ImmutableList;
import io.github.criteojdbc.adapter.AdapterSettings;
import io.github.criteojdbc.adapter.QueryRejectedException;
import io.github.criteojdbc.adapter.catalog.TableCatalog;
import io.github.criteojdbc.adapter.plan.PushdownPolicy;
import io.github.criteojdbc.adapter.plan.RequestPushdown;
import io.github.criteojdbc.adapter.plan.ScanSpec;
import io.github.criteojdbc.adapter.plan.ValueRef;
import io.github.criteojdbc.client.CatalogBatchReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

/**
 * Runs a scan of {@code catalog_batch_report}: one report call per operation token, in parallel, waiting while a
 * batch is processed unless {@code catalogWait} is off. Finished batches never change, so their rows are cached;
 * a batch still being processed is read afresh every time.
 */
public final class CatalogBatchReportScan implements ReportScan {
  public static final String TOKEN_COLUMN = "operation_token";

  private final TableCatalog catalog;
  private final ReportContext context;

  public CatalogBatchReportScan(TableCatalog catalog, ReportContext context) {
    this.catalog = catalog;
    this.context = context;
  }

  /** The token is the only filter the call takes, and no column is a time range. */
  @Override public PushdownPolicy pushdown() {
    return RequestPushdown.of(Set.of(TOKEN_COLUMN), column -> false, bound -> false);
  }

  /** The calls as far as they are known before the statement runs, for {@code EXPLAIN}. */
  @Override public String describe(ScanSpec spec) {
    ImmutableList<ValueRef> tokens = spec.equality(TOKEN_COLUMN);
    return "catalog-batch-report{operationTokens="
        + (tokens.isEmpty() ? "(none: add WHERE operation_token = '...')" : tokens.toString())
        + ", wait=" + context.settings().catalogWait() + "}";
  }

  @Override public Enumerable<Object[]> enumerable(DataContext root, ScanSpec spec) {
    if (spec.isEmpty()) {
      return Linq4j.emptyEnumerable();
    }
    return new AbstractEnumerable<Object[]>() {
      @Override public Enumerator<Object[]> enumerator() {
        List<String> tokens = tokens(spec, root);
        List<ColumnSource> columns = new ArrayList<>();
        for (String name : spec.columns()) {
          columns.add(ColumnSource.field(catalog.columns().indexOf(catalog.column(name).orElseThrow())));
        }
        return new ReportEnumerator(() -> open(tokens, root, spec.fetch().isPresent()), columns,
            spec.fetch());
      }
    };
  }

  private static List<String> tokens(ScanSpec spec, DataContext root) {
    List<String> tokens = PushedValues.evaluate(spec.equality(TOKEN_COLUMN), root);
    if (tokens.isEmpty()) {
      throw new QueryRejectedException("catalog_batch_report needs the operation token of a batch: add WHERE "
          + "operation_token = '...' (or IN (...)) with the token the catalog batch call returned");
    }
    return tokens;
  }

  private RawRows open(List<String> tokens, DataContext root, boolean onDemand) {
    AtomicBoolean closed = new AtomicBoolean();
    return ChunkedRows.of(tokens, token -> rows(token, root, closed), closed, onDemand);
  }

  private RawRows rows(String token, DataContext root, AtomicBoolean closed) {
    AdapterSettings settings = context.settings();
    ReportCache.Key key = new ReportCache.Key(context.application(), new BatchKey(token));
    return context.cache().get(key).<RawRows>map(CachedRows::new).orElseGet(() -> {
      CatalogBatchReport report = context.client().catalogBatchReport(token, settings.catalogWait(),
          QueryControls.from(root, closed, new SettingsListener(settings)));
      List<Object[]> rows = CatalogBatchRows.of(catalog, report, settings.timezone());
      if (report.isFinal()) {
        context.cache().put(key, rows, null, settings.cacheTtl());
      }
      return new ListRows(rows);
    });
  }

  /** The cache key of a batch's report: the token is all that identifies it. */
  private record BatchKey(String operationToken) {}

  /** Rows already in memory. */
  private static final class ListRows implements RawRows {
    private final List<Object[]> rows;
    private int next;

    ListRows(List<Object[]> rows) {
      this.rows = rows;
    }

    @Override public Object[] next() {
      return next < rows.size() ? rows.get(next++) : null;
    }

    @Override public String currency() {
      return null;
    }

    @Override public void close() {
    }
  }
}
