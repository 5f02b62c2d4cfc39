package io.github.criteojdbc.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An MPO real-time export ({@code POST .../marketplace-performance-outcomes/stats/realtime-reports/export}).
 * Dimensions and metrics are kept in the spec's PascalCase ({@code advertiserId} becomes
 * {@code AdvertiserId}). Value type, usable as a cache key.
 */
public record MpoRealtimeExportRequest(
    List<String> advertiserIds,
    List<String> campaignIds,
    List<String> sellerIds,
    List<String> dimensions,
    List<String> metrics,
    OptionalInt lookbackWindowMinutes,
    Optional<Instant> startDate,
    Optional<Instant> endDate,
    Optional<String> timezone,
    MpoFileFormat fileFormat) implements ReportRequest {
  public static final int MIN_LOOKBACK_MINUTES = 60;
  public static final int MAX_LOOKBACK_MINUTES = 1440;

  private static final DateTimeFormatter UTC_SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  public MpoRealtimeExportRequest {
    advertiserIds = RequestJson.strings("advertiserIds", advertiserIds);
    RequestJson.require(!advertiserIds.isEmpty(), "advertiserIds is empty: an MPO export needs at least one advertiser");
    campaignIds = RequestJson.strings("campaignIds", campaignIds);
    sellerIds = RequestJson.strings("sellerIds", sellerIds);
    dimensions = pascalCase(RequestJson.strings("dimensions", dimensions));
    metrics = pascalCase(RequestJson.strings("metrics", metrics));
    lookbackWindowMinutes = lookbackWindowMinutes == null ? OptionalInt.empty() : lookbackWindowMinutes;
    startDate = toTheSecond(startDate);
    endDate = toTheSecond(endDate);
    Optional<Instant> start = startDate;
    Optional<Instant> end = endDate;
    lookbackWindowMinutes.ifPresent(minutes -> {
      RequestJson.require(minutes >= MIN_LOOKBACK_MINUTES && minutes <= MAX_LOOKBACK_MINUTES,
          "lookbackWindow must be " + MIN_LOOKBACK_MINUTES + "-" + MAX_LOOKBACK_MINUTES + " minutes, got " + minutes);
      RequestJson.require(start.isEmpty() && end.isEmpty(),
          "lookbackWindow cannot be combined with startDate/endDate; use one or the other");
    });
    RequestJson.require(endDate.isEmpty() || startDate.isPresent(), "endDate needs a startDate");
    RequestJson.require(startDate.isEmpty() || endDate.isEmpty() || !startDate.get().isAfter(endDate.get()),
        "startDate " + startDate.orElse(null) + " is after endDate " + endDate.orElse(null));
    timezone = RequestJson.optional(timezone);
    Objects.requireNonNull(fileFormat, "fileFormat");
  }

  private static Optional<Instant> toTheSecond(Optional<Instant> instant) {
    return instant == null ? Optional.empty() : instant.map(i -> i.truncatedTo(ChronoUnit.SECONDS));
  }

  private static List<String> pascalCase(List<String> names) {
    return names.stream()
        .map(n -> n.substring(0, 1).toUpperCase(Locale.ROOT) + n.substring(1))
        .toList();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override public List<String> advertisers() {
    return advertiserIds;
  }

  /** The exact API body: {@code {"data":{"type":"RealTimeProductReportJob","attributes":{...}}}}. */
  @Override public String toJson() {
    ObjectNode a = RequestJson.attributes();
    a.put("fileFormat", fileFormat.apiValue());
    RequestJson.putStrings(a, "advertiserIds", advertiserIds);
    RequestJson.putStringsIfAny(a, "campaignIds", campaignIds);
    RequestJson.putStringsIfAny(a, "sellerIds", sellerIds);
    RequestJson.putStringsIfAny(a, "dimensions", dimensions);
    RequestJson.putStringsIfAny(a, "metrics", metrics);
    lookbackWindowMinutes.ifPresent(minutes -> a.put("lookbackWindow", minutes));
    startDate.ifPresent(d -> a.put("startDate", UTC_SECONDS.format(d)));
    endDate.ifPresent(d -> a.put("endDate", UTC_SECONDS.format(d)));
    RequestJson.putIfPresent(a, "timezone", timezone);
    return RequestJson.envelope("RealTimeProductReportJob", a);
  }

  @Override
  public String toString() {
    String window = lookbackWindowMinutes.isPresent()
        ? " lookbackWindow=" + lookbackWindowMinutes.getAsInt() + "min"
        : startDate.map(s -> " " + UTC_SECONDS.format(s) + ".." + endDate.map(UTC_SECONDS::format).orElse("now"))
            .orElse("");
    return "mpo-realtime advertiserIds=" + advertiserIds
        + (campaignIds.isEmpty() ? "" : " campaignIds=" + campaignIds)
        + (sellerIds.isEmpty() ? "" : " sellerIds=" + sellerIds)
        + " dimensions=" + dimensions + " metrics=" + metrics + window
        + timezone.map(t -> " timezone=" + t).orElse("") + " fileFormat=" + fileFormat.apiValue();
  }

  public static final class Builder {
    private List<String> advertiserIds;
    private List<String> campaignIds;
    private List<String> sellerIds;
    private List<String> dimensions;
    private List<String> metrics;
    private OptionalInt lookbackWindowMinutes = OptionalInt.empty();
    private Instant startDate;
    private Instant endDate;
    private String timezone;
    private MpoFileFormat fileFormat = MpoFileFormat.CSV;

    private Builder() {}

    public Builder advertiserIds(List<String> advertiserIds) {
      this.advertiserIds = advertiserIds;
      return this;
    }

    public Builder advertiserIds(String... advertiserIds) {
      return advertiserIds(List.of(advertiserIds));
    }

    public Builder campaignIds(List<String> campaignIds) {
      this.campaignIds = campaignIds;
      return this;
    }

    public Builder sellerIds(List<String> sellerIds) {
      this.sellerIds = sellerIds;
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

    /** Minutes back from now, 60-1440; excludes startDate/endDate. */
    public Builder lookbackWindowMinutes(int minutes) {
      this.lookbackWindowMinutes = OptionalInt.of(minutes);
      return this;
    }

    /** Sent as UTC, to the second. */
    public Builder startDate(Instant startDate) {
      this.startDate = startDate;
      return this;
    }

    /** Sent as UTC, to the second; without it the API uses "now". */
    public Builder endDate(Instant endDate) {
      this.endDate = endDate;
      return this;
    }

    /** IANA zone time values are formatted in; null leaves the API default (UTC). */
    public Builder timezone(String timezone) {
      this.timezone = timezone;
      return this;
    }

    public Builder fileFormat(MpoFileFormat fileFormat) {
      this.fileFormat = fileFormat;
      return this;
    }

    public MpoRealtimeExportRequest build() {
      return new MpoRealtimeExportRequest(advertiserIds, campaignIds, sellerIds, dimensions, metrics,
          lookbackWindowMinutes, Optional.ofNullable(startDate), Optional.ofNullable(endDate),
          Optional.ofNullable(timezone), fileFormat);
    }
  }
}
