package io.github.criteojdbc.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An async campaign statistics report ({@code POST /{v}/reports/async-statistics}). Value type:
 * equal requests produce equal reports, so it serves as a cache key. Both dates are inclusive.
 */
public record StatisticsReportRequest(
    List<String> advertiserIds,
    LocalDate startDate,
    LocalDate endDate,
    List<String> dimensions,
    List<String> metrics,
    Optional<String> currency,
    Optional<String> timezone,
    List<String> adSetIds,
    List<String> adSetNames,
    List<String> adSetStatus) implements ReportRequest {

  public StatisticsReportRequest {
    advertiserIds = RequestJson.strings("advertiserIds", advertiserIds);
    RequestJson.require(!advertiserIds.isEmpty(), "advertiserIds is empty: a statistics report needs at least one advertiser");
    RequestJson.requireDates(startDate, endDate);
    dimensions = RequestJson.strings("dimensions", dimensions);
    RequestJson.require(!dimensions.isEmpty(), "dimensions is empty: the API needs at least one dimension");
    metrics = RequestJson.strings("metrics", metrics);
    currency = RequestJson.optional(currency);
    timezone = RequestJson.optional(timezone);
    adSetIds = RequestJson.strings("adSetIds", adSetIds);
    adSetNames = RequestJson.strings("adSetNames", adSetNames);
    adSetStatus = RequestJson.strings("adSetStatus", adSetStatus);
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

  @Override public List<String> advertisers() {
    return advertiserIds;
  }

  /** The exact API body: {@code {"data":{"type":"StatisticsReport","attributes":{...}}}}. */
  @Override public String toJson() {
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
  public String toString() {
    return "statistics advertiserIds=" + advertiserIds + " " + startDate + ".." + endDate
        + " dimensions=" + dimensions + " metrics=" + metrics
        + currency.map(c -> " currency=" + c).orElse("") + timezone.map(t -> " timezone=" + t).orElse("")
        + (adSetIds.isEmpty() ? "" : " adSetIds=" + adSetIds)
        + (adSetNames.isEmpty() ? "" : " adSetNames=" + adSetNames)
        + (adSetStatus.isEmpty() ? "" : " adSetStatus=" + adSetStatus);
  }

  public static final class Builder extends DatedReportBuilder<Builder> {
    private List<String> advertiserIds;
    private List<String> dimensions;
    private List<String> adSetNames;
    private List<String> adSetStatus;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    public Builder advertiserIds(List<String> advertiserIds) {
      this.advertiserIds = advertiserIds;
      return this;
    }

    public Builder advertiserIds(String... advertiserIds) {
      return advertiserIds(List.of(advertiserIds));
    }

    public Builder dimensions(List<String> dimensions) {
      this.dimensions = dimensions;
      return this;
    }

    public Builder dimensions(String... dimensions) {
      return dimensions(List.of(dimensions));
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
      return new StatisticsReportRequest(advertiserIds, startDate, endDate, dimensions, metrics,
          currencyCode(), zone(), adSetIds, adSetNames, adSetStatus);
    }
  }
}
