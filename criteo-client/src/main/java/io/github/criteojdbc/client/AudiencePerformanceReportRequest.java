package io.github.criteojdbc.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An async audience performance report ({@code POST /{v}/reports/async-audience-performance}): one
 * advertiser, one {@code Top30...} breakdown. Field names follow the OpenAPI spec ({@code dimension},
 * {@code audienceIds}, {@code segmentsIds}), not the guide's sample, because the spec schema rejects
 * unknown properties. Value type, usable as a cache key.
 */
public final class AudiencePerformanceReportRequest {
  private final String advertiserId;
  private final LocalDate startDate;
  private final LocalDate endDate;
  private final String dimension;
  private final List<String> metrics;
  private final Optional<String> currency;
  private final Optional<String> timezone;
  private final List<String> adSetIds;
  private final List<String> audienceIds;
  private final List<String> segmentsIds;

  private AudiencePerformanceReportRequest(Builder b) {
    RequestJson.require(b.advertiserId != null && !b.advertiserId.isBlank(),
        "advertiserId is required: an audience performance report covers exactly one advertiser");
    this.advertiserId = b.advertiserId.trim();
    RequestJson.require(b.startDate != null && b.endDate != null, "startDate and endDate are required");
    RequestJson.require(!b.startDate.isAfter(b.endDate),
        "startDate " + b.startDate + " is after endDate " + b.endDate);
    this.startDate = b.startDate;
    this.endDate = b.endDate;
    RequestJson.require(b.dimension != null && !b.dimension.isBlank(),
        "dimension is required, e.g. Top30BrandsByDisplays");
    this.dimension = b.dimension.trim();
    this.metrics = RequestJson.strings("metrics", b.metrics);
    this.currency = RequestJson.optional(b.currency);
    this.timezone = RequestJson.optional(b.timezone);
    this.adSetIds = RequestJson.strings("adSetIds", b.adSetIds);
    this.audienceIds = RequestJson.strings("audienceIds", b.audienceIds);
    this.segmentsIds = RequestJson.strings("segmentsIds", b.segmentsIds);
  }

  public static Builder builder() {
    return new Builder();
  }

  public String advertiserId() {
    return advertiserId;
  }

  public LocalDate startDate() {
    return startDate;
  }

  /** Inclusive. */
  public LocalDate endDate() {
    return endDate;
  }

  /** One of the {@code Top30...} breakdowns. */
  public String dimension() {
    return dimension;
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

  public List<String> audienceIds() {
    return audienceIds;
  }

  public List<String> segmentsIds() {
    return segmentsIds;
  }

  /** The exact API body: {@code {"data":{"type":"AudiencePerformanceReport","attributes":{...}}}}. */
  public String toJson() {
    ObjectNode a = RequestJson.attributes();
    a.put("advertiserId", advertiserId);
    a.put("startDate", startDate.toString());
    a.put("endDate", endDate.toString());
    a.put("dimension", dimension);
    RequestJson.putStrings(a, "metrics", metrics);
    RequestJson.putIfPresent(a, "currency", currency);
    RequestJson.putIfPresent(a, "timezone", timezone);
    RequestJson.putStringsIfAny(a, "adSetIds", adSetIds);
    RequestJson.putStringsIfAny(a, "audienceIds", audienceIds);
    RequestJson.putStringsIfAny(a, "segmentsIds", segmentsIds);
    return RequestJson.envelope("AudiencePerformanceReport", a);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AudiencePerformanceReportRequest that
        && advertiserId.equals(that.advertiserId) && startDate.equals(that.startDate)
        && endDate.equals(that.endDate) && dimension.equals(that.dimension) && metrics.equals(that.metrics)
        && currency.equals(that.currency) && timezone.equals(that.timezone) && adSetIds.equals(that.adSetIds)
        && audienceIds.equals(that.audienceIds) && segmentsIds.equals(that.segmentsIds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(advertiserId, startDate, endDate, dimension, metrics, currency, timezone,
        adSetIds, audienceIds, segmentsIds);
  }

  @Override
  public String toString() {
    return "audience-performance advertiserId=" + advertiserId + " " + startDate + ".." + endDate
        + " dimension=" + dimension + " metrics=" + metrics
        + currency.map(c -> " currency=" + c).orElse("") + timezone.map(t -> " timezone=" + t).orElse("")
        + (adSetIds.isEmpty() ? "" : " adSetIds=" + adSetIds)
        + (audienceIds.isEmpty() ? "" : " audienceIds=" + audienceIds)
        + (segmentsIds.isEmpty() ? "" : " segmentsIds=" + segmentsIds);
  }

  public static final class Builder {
    private String advertiserId;
    private LocalDate startDate;
    private LocalDate endDate;
    private String dimension;
    private List<String> metrics;
    private String currency;
    private String timezone;
    private List<String> adSetIds;
    private List<String> audienceIds;
    private List<String> segmentsIds;

    private Builder() {}

    public Builder advertiserId(String advertiserId) {
      this.advertiserId = advertiserId;
      return this;
    }

    public Builder startDate(LocalDate startDate) {
      this.startDate = startDate;
      return this;
    }

    public Builder endDate(LocalDate endDate) {
      this.endDate = endDate;
      return this;
    }

    public Builder dimension(String dimension) {
      this.dimension = dimension;
      return this;
    }

    public Builder metrics(List<String> metrics) {
      this.metrics = metrics;
      return this;
    }

    public Builder metrics(String... metrics) {
      return metrics(List.of(metrics));
    }

    public Builder currency(String currency) {
      this.currency = currency;
      return this;
    }

    public Builder timezone(String timezone) {
      this.timezone = timezone;
      return this;
    }

    public Builder adSetIds(List<String> adSetIds) {
      this.adSetIds = adSetIds;
      return this;
    }

    public Builder audienceIds(List<String> audienceIds) {
      this.audienceIds = audienceIds;
      return this;
    }

    public Builder segmentsIds(List<String> segmentsIds) {
      this.segmentsIds = segmentsIds;
      return this;
    }

    public AudiencePerformanceReportRequest build() {
      return new AudiencePerformanceReportRequest(this);
    }
  }
}
