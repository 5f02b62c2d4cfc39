package io.github.criteojdbc.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An async audience performance report ({@code POST /{v}/reports/async-audience-performance}): one
 * advertiser, one {@code Top30...} breakdown. Field names follow the OpenAPI spec ({@code dimension},
 * {@code audienceIds}, {@code segmentsIds}), not the guide's sample, because the spec schema rejects
 * unknown properties. Value type, usable as a cache key; both dates are inclusive.
 */
public record AudiencePerformanceReportRequest(
    String advertiserId,
    LocalDate startDate,
    LocalDate endDate,
    String dimension,
    List<String> metrics,
    Optional<String> currency,
    Optional<String> timezone,
    List<String> adSetIds,
    List<String> audienceIds,
    List<String> segmentsIds) implements ReportRequest {

  public AudiencePerformanceReportRequest {
    RequestJson.require(advertiserId != null && !advertiserId.isBlank(),
        "advertiserId is required: an audience performance report covers exactly one advertiser");
    advertiserId = advertiserId.trim();
    RequestJson.requireDates(startDate, endDate);
    RequestJson.require(dimension != null && !dimension.isBlank(),
        "dimension is required, e.g. Top30BrandsByDisplays");
    dimension = dimension.trim();
    metrics = RequestJson.strings("metrics", metrics);
    currency = RequestJson.optional(currency);
    timezone = RequestJson.optional(timezone);
    adSetIds = RequestJson.strings("adSetIds", adSetIds);
    audienceIds = RequestJson.strings("audienceIds", audienceIds);
    segmentsIds = RequestJson.strings("segmentsIds", segmentsIds);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override public List<String> advertisers() {
    return List.of(advertiserId);
  }

  /** The exact API body: {@code {"data":{"type":"AudiencePerformanceReport","attributes":{...}}}}. */
  @Override public String toJson() {
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
  public String toString() {
    return "audience-performance advertiserId=" + advertiserId + " " + startDate + ".." + endDate
        + " dimension=" + dimension + " metrics=" + metrics
        + currency.map(c -> " currency=" + c).orElse("") + timezone.map(t -> " timezone=" + t).orElse("")
        + (adSetIds.isEmpty() ? "" : " adSetIds=" + adSetIds)
        + (audienceIds.isEmpty() ? "" : " audienceIds=" + audienceIds)
        + (segmentsIds.isEmpty() ? "" : " segmentsIds=" + segmentsIds);
  }

  public static final class Builder extends DatedReportBuilder<Builder> {
    private String advertiserId;
    private String dimension;
    private List<String> audienceIds;
    private List<String> segmentsIds;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    public Builder advertiserId(String advertiserId) {
      this.advertiserId = advertiserId;
      return this;
    }

    public Builder dimension(String dimension) {
      this.dimension = dimension;
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
      return new AudiencePerformanceReportRequest(advertiserId, startDate, endDate, dimension, metrics,
          currencyCode(), zone(), adSetIds, audienceIds, segmentsIds);
    }
  }
}
