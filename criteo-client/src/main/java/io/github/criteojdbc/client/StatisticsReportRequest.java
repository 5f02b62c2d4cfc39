package io.github.criteojdbc.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An async campaign statistics report ({@code POST /{v}/reports/async-statistics}). Value type:
 * equal requests produce equal reports, so it serves as a cache key.
 */
public final class StatisticsReportRequest {
  private final List<String> advertiserIds;
  private final LocalDate startDate;
  private final LocalDate endDate;
  private final List<String> dimensions;
  private final List<String> metrics;
  private final Optional<String> currency;
  private final Optional<String> timezone;
  private final List<String> adSetIds;
  private final List<String> adSetNames;
  private final List<String> adSetStatus;

  private StatisticsReportRequest(Builder b) {
    this.advertiserIds = RequestJson.strings("advertiserIds", b.advertiserIds);
    RequestJson.require(!advertiserIds.isEmpty(), "advertiserIds is empty: a statistics report needs at least one advertiser");
    RequestJson.require(b.startDate != null && b.endDate != null, "startDate and endDate are required");
    RequestJson.require(!b.startDate.isAfter(b.endDate),
        "startDate " + b.startDate + " is after endDate " + b.endDate);
    this.startDate = b.startDate;
    this.endDate = b.endDate;
    this.dimensions = RequestJson.strings("dimensions", b.dimensions);
    RequestJson.require(!dimensions.isEmpty(), "dimensions is empty: the API needs at least one dimension");
    this.metrics = RequestJson.strings("metrics", b.metrics);
    this.currency = RequestJson.optional(b.currency);
    this.timezone = RequestJson.optional(b.timezone);
    this.adSetIds = RequestJson.strings("adSetIds", b.adSetIds);
    this.adSetNames = RequestJson.strings("adSetNames", b.adSetNames);
    this.adSetStatus = RequestJson.strings("adSetStatus", b.adSetStatus);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this request's values, to ask for the same report over other dates. */
  public Builder toBuilder() {
    return builder().advertiserIds(advertiserIds).startDate(startDate).endDate(endDate)
        .dimensions(dimensions).metrics(metrics).currency(currency.orElse(null))
        .timezone(timezone.orElse(null)).adSetIds(adSetIds).adSetNames(adSetNames)
        .adSetStatus(adSetStatus);
  }

  public List<String> advertiserIds() {
    return advertiserIds;
  }

  public LocalDate startDate() {
    return startDate;
  }

  /** Inclusive. */
  public LocalDate endDate() {
    return endDate;
  }

  public List<String> dimensions() {
    return dimensions;
  }

  public List<String> metrics() {
    return metrics;
  }

  public Optional<String> currency() {
    return currency;
  }

  public Optional<String> timezone() {
    return timezone;
  }

  public List<String> adSetIds() {
    return adSetIds;
  }

  public List<String> adSetNames() {
    return adSetNames;
  }

  public List<String> adSetStatus() {
    return adSetStatus;
  }

  /** The exact API body: {@code {"data":{"type":"StatisticsReport","attributes":{...}}}}. */
  public String toJson() {
    ObjectNode a = RequestJson.attributes();
    RequestJson.putStrings(a, "advertiserIds", advertiserIds);
    a.put("startDate", startDate.toString());
    a.put("endDate", endDate.toString());
    RequestJson.putStrings(a, "dimensions", dimensions);
    RequestJson.putStrings(a, "metrics", metrics);
    RequestJson.putIfPresent(a, "currency", currency);
    RequestJson.putIfPresent(a, "timezone", timezone);
    RequestJson.putStringsIfAny(a, "adSetIds", adSetIds);
    RequestJson.putStringsIfAny(a, "adSetNames", adSetNames);
    RequestJson.putStringsIfAny(a, "adSetStatus", adSetStatus);
    return RequestJson.envelope("StatisticsReport", a);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StatisticsReportRequest that
        && advertiserIds.equals(that.advertiserIds) && startDate.equals(that.startDate)
        && endDate.equals(that.endDate) && dimensions.equals(that.dimensions) && metrics.equals(that.metrics)
        && currency.equals(that.currency) && timezone.equals(that.timezone) && adSetIds.equals(that.adSetIds)
        && adSetNames.equals(that.adSetNames) && adSetStatus.equals(that.adSetStatus);
  }

  @Override
  public int hashCode() {
    return Objects.hash(advertiserIds, startDate, endDate, dimensions, metrics, currency, timezone,
        adSetIds, adSetNames, adSetStatus);
  }

  @Override
  public String toString() {
    return "statistics advertiserIds=" + advertiserIds + " " + startDate + ".." + endDate
        + " dimensions=" + dimensions + " metrics=" + metrics
        + currency.map(c -> " currency=" + c).orElse("") + timezone.map(t -> " timezone=" + t).orElse("")
        + (adSetIds.isEmpty() ? "" : " adSetIds=" + adSetIds)
        + (adSetNames.isEmpty() ? "" : " adSetNames=" + adSetNames)
        + (adSetStatus.isEmpty() ? "" : " adSetStatus=" + adSetStatus);
  }

  public static final class Builder {
    private List<String> advertiserIds;
    private LocalDate startDate;
    private LocalDate endDate;
    private List<String> dimensions;
    private List<String> metrics;
    private String currency;
    private String timezone;
    private List<String> adSetIds;
    private List<String> adSetNames;
    private List<String> adSetStatus;

    private Builder() {}

    public Builder advertiserIds(List<String> advertiserIds) {
      this.advertiserIds = advertiserIds;
      return this;
    }

    public Builder advertiserIds(String... advertiserIds) {
      return advertiserIds(List.of(advertiserIds));
    }

    public Builder startDate(LocalDate startDate) {
      this.startDate = startDate;
      return this;
    }

    /** Inclusive. */
    public Builder endDate(LocalDate endDate) {
      this.endDate = endDate;
      return this;
    }

    public Builder dimensions(List<String> dimensions) {
      this.dimensions = dimensions;
      return this;
    }

    public Builder dimensions(String... dimensions) {
      return dimensions(List.of(dimensions));
    }

    public Builder metrics(List<String> metrics) {
      this.metrics = metrics;
      return this;
    }

    public Builder metrics(String... metrics) {
      return metrics(List.of(metrics));
    }

    /** ISO-4217 code; null or blank leaves the API default. */
    public Builder currency(String currency) {
      this.currency = currency;
      return this;
    }

    /** IANA zone the time buckets are computed in; null or blank leaves the API default (UTC). */
    public Builder timezone(String timezone) {
      this.timezone = timezone;
      return this;
    }

    public Builder adSetIds(List<String> adSetIds) {
      this.adSetIds = adSetIds;
      return this;
    }

    public Builder adSetNames(List<String> adSetNames) {
      this.adSetNames = adSetNames;
      return this;
    }

    public Builder adSetStatus(List<String> adSetStatus) {
      this.adSetStatus = adSetStatus;
      return this;
    }

    public StatisticsReportRequest build() {
      return new StatisticsReportRequest(this);
    }
  }
}
