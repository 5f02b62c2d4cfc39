package io.github.criteojdbc.client;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the builders of the two Marketing Solutions reports (statistics and audience performance)
 * share: the day range, the metrics, currency, time zone and ad-set filter.
 */
public abstract class DatedReportBuilder<B extends DatedReportBuilder<B>> {
  LocalDate startDate;
  LocalDate endDate;
  List<String> metrics;
  String currency;
  String timezone;
  List<String> adSetIds;

  DatedReportBuilder() {}

  abstract B self();

  public B startDate(LocalDate startDate) {
    this.startDate = startDate;
    return self();
  }

  /** Inclusive. */
  public B endDate(LocalDate endDate) {
    this.endDate = endDate;
    return self();
  }

  public B metrics(List<String> metrics) {
    this.metrics = metrics;
    return self();
  }

  public B metrics(String... metrics) {
    return metrics(List.of(metrics));
  }

  /** ISO-4217 code; null or blank leaves the API default. */
  public B currency(String currency) {
    this.currency = currency;
    return self();
  }

  /** IANA zone the time buckets are computed in; null or blank leaves the API default (UTC). */
  public B timezone(String timezone) {
    this.timezone = timezone;
    return self();
  }

  public B adSetIds(List<String> adSetIds) {
    this.adSetIds = adSetIds;
    return self();
  }

  Optional<String> currencyCode() {
    return Optional.ofNullable(currency);
  }

  Optional<String> zone() {
    return Optional.ofNullable(timezone);
  }
}
