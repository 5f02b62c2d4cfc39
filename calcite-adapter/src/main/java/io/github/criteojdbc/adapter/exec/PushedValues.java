package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.adapter.AdapterSettings;
import io.github.criteojdbc.adapter.QueryRejectedException;
import io.github.criteojdbc.adapter.plan.RuntimeValues;
import io.github.criteojdbc.adapter.plan.ScanSpec;
import io.github.criteojdbc.adapter.plan.ValueRef;

import com.google.common.collect.ImmutableList;

import org.apache.calcite.DataContext;

import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The values of the filters a scan pushed into its request, as they are when the statement runs
 * ({@code ?} parameters bound, {@code CURRENT_DATE} known), and the attributes every report
 * endpoint takes the same way: the advertisers and the currency.
 */
final class PushedValues {
  private final String table;
  private final ScanSpec spec;
  private final DataContext root;

  PushedValues(String table, ScanSpec spec, DataContext root) {
    this.table = table;
    this.spec = spec;
    this.root = root;
  }

  /** The distinct values of the {@code =}/{@code IN} filters on the column, in query order. */
  List<String> of(String column) {
    List<String> values = evaluate(spec.equality(column), root);
    for (String value : values) {
      if (value.isBlank()) {
        throw new QueryRejectedException(String.format("%s: the filter on %s names an empty "
            + "value; give %s = '<id>'", table, column, column));
      }
    }
    return values;
  }

  /**
   * The filtered advertisers, else the {@code advertiserIds} property; {@code howMany} says how
   * the endpoint takes them, for the error when there are none. Refuses an advertiser the
   * connection is not granted.
   */
  List<String> advertisers(AdapterSettings settings, String howMany) {
    List<String> advertisers = of("advertiser_id");
    if (advertisers.isEmpty()) {
      advertisers = settings.advertiserIds();
    }
    if (advertisers.isEmpty()) {
      throw new QueryRejectedException(table + " needs an advertiser (" + howMany + "): add WHERE "
          + "advertiser_id = '...' (or IN (...)) to the query, or set the advertiserIds "
          + "connection property");
    }
    AdvertiserGrant.requireGranted(table, advertisers, settings);
    return advertisers;
  }

  /** The one currency filtered, else the {@code currency} property, else the API's default. */
  Optional<String> currency(AdapterSettings settings) {
    List<String> currencies = of("currency");
    if (currencies.size() > 1) {
      throw new QueryRejectedException(table + ": a report has one currency, but the filter on "
          + "currency lists " + currencies + "; query one currency at a time");
    }
    Optional<String> currency = currencies.isEmpty() ? settings.currency()
        : Optional.of(currencies.get(0));
    currency.ifPresent(this::requireIsoCurrency);
    return currency;
  }

  private void requireIsoCurrency(String code) {
    try {
      Currency.getInstance(code);
    } catch (IllegalArgumentException notIso) {
      throw new QueryRejectedException(String.format("%s: currency '%s' is not an ISO-4217 code; "
          + "filter currency = 'EUR', 'USD', ...", table, code));
    }
  }

  static List<String> evaluate(List<ValueRef> refs, DataContext root) {
    Set<String> values = new LinkedHashSet<>();
    for (ValueRef ref : refs) {
      values.add(String.valueOf(RuntimeValues.evaluate(ref, root)));
    }
    return ImmutableList.copyOf(values);
  }
}
