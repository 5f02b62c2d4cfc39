package io.github.criteojdbc.adapter;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.lang.reflect.Type;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;

/**
 * The plans of each connection's queries, by SQL text, so that a statement that a BI tool or SQL client repeats
 * (a dashboard's cards, paging, a re-run, a {@code Statement} executed again) is parsed, validated and optimised
 * once. A plan holds nothing of an execution: report dates, constant bounds and parameters are evaluated each time
 * it runs, which is what already lets a {@code PreparedStatement} run many times, so a kept plan answers as a
 * fresh one would. Plans are kept per connection, by its root schema (not the snapshot each statement plans
 * against), because they hold that connection's tables.
 */
final class PreparedPlans {
  private static final int PLANS_PER_CONNECTION = 256;
  private static final PreparedPlans SHARED = new PreparedPlans();

  private final Cache<CalciteSchema, Cache<Key, CalcitePrepare.CalciteSignature<?>>> byConnection =
      CacheBuilder.newBuilder().weakKeys().build();

  static PreparedPlans shared() {
    return SHARED;
  }

  /** The kept plan of this query, or null. */
  @SuppressWarnings("unchecked")
  <T> CalcitePrepare.CalciteSignature<T> find(CalcitePrepare.Context context, String sql, Type elementType,
      long maxRowCount) {
    Cache<Key, CalcitePrepare.CalciteSignature<?>> plans = byConnection.getIfPresent(context.getMutableRootSchema());
    return plans == null ? null
        : (CalcitePrepare.CalciteSignature<T>) plans.getIfPresent(new Key(sql, elementType, maxRowCount,
            context.getDefaultSchemaPath()));
  }

  <T> void keep(CalcitePrepare.Context context, String sql, Type elementType, long maxRowCount,
      CalcitePrepare.CalciteSignature<T> plan) {
    plansOf(context.getMutableRootSchema())
        .put(new Key(sql, elementType, maxRowCount, context.getDefaultSchemaPath()), plan);
  }

  private Cache<Key, CalcitePrepare.CalciteSignature<?>> plansOf(CalciteSchema root) {
    try {
      return byConnection.get(root, () -> CacheBuilder.newBuilder().maximumSize(PLANS_PER_CONNECTION).build());
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private record Key(String sql, Type elementType, long maxRowCount, List<String> defaultSchemaPath) {
  }
}
