package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.adapter.AdapterSettings;
import io.github.criteojdbc.adapter.plan.ScanSpec;
import io.github.criteojdbc.adapter.plan.ValueRef;

import com.google.common.collect.ImmutableList;

import java.util.List;
import java.util.StringJoiner;

/**
 * A request as {@code EXPLAIN} shows it, {@code name{attribute=value, ...}}, with the attributes
 * every report endpoint takes the same way written the same way.
 */
final class RequestText {
  private final ScanSpec spec;
  private final AdapterSettings settings;
  private final StringJoiner attributes = new StringJoiner(", ");

  RequestText(ScanSpec spec, AdapterSettings settings) {
    this.spec = spec;
    this.settings = settings;
  }

  RequestText add(String attribute, Object value) {
    attributes.add(attribute + "=" + value);
    return this;
  }

  /** The attribute with the column's filter values, when the query filters the column. */
  RequestText addIfFiltered(String attribute, String column) {
    ImmutableList<ValueRef> values = spec.equality(column);
    return values.isEmpty() ? this : add(attribute, values);
  }

  RequestText advertisers(String attribute) {
    ImmutableList<ValueRef> advertisers = spec.equality("advertiser_id");
    return add(attribute, advertisers.isEmpty()
        ? settings.advertiserIds().isEmpty() ? "(none: add WHERE advertiser_id = ...)"
            : settings.advertiserIds() + " (advertiserIds property)"
        : advertisers);
  }

  RequestText dates() {
    return add("dates", spec.timeBounds().isEmpty()
        ? "(last " + settings.defaultLookbackDays() + " days)" : spec.timeBounds().toString());
  }

  /** The currency, when the query or the connection names one. */
  RequestText currency() {
    List<ValueRef> currency = spec.equality("currency");
    if (currency.isEmpty() && settings.currency().isEmpty()) {
      return this;
    }
    return add("currency", currency.isEmpty() ? settings.currency().get() : currency);
  }

  RequestText timezone() {
    return add("timezone", settings.timezone());
  }

  String of(String request) {
    return request + "{" + attributes + "}";
  }
}
