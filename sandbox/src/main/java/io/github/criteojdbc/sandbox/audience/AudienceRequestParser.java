package io.github.criteojdbc.sandbox.audience;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.criteojdbc.sandbox.request.AttributeReader;
import io.github.criteojdbc.sandbox.request.ReportAttributes;
import io.github.criteojdbc.sandbox.request.ReportAttributes.CurrencyChoice;
import io.github.criteojdbc.sandbox.request.ReportAttributes.ZoneChoice;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Validates the body of {@code POST /{v}/reports/async-audience-performance} (schema GenerateAudiencePerformanceReport). */
public final class AudienceRequestParser {
  private static final Set<String> ATTRIBUTES = Set.of("advertiserId", "startDate", "endDate", "dimension", "metrics",
      "currency", "timezone", "adSetIds", "audienceIds", "segmentsIds");

  private AudienceRequestParser() {}

  public static AudienceRequest parse(JsonNode body, LocalDate today) {
    AttributeReader reader = AttributeReader.of(body, ATTRIBUTES);
    Optional<String> advertiserId = reader.string("advertiserId", true);
    Optional<LocalDate> start = ReportAttributes.date(reader, "startDate");
    Optional<LocalDate> end = ReportAttributes.date(reader, "endDate");
    Optional<AudienceDimension> dimension = reader.string("dimension", true).flatMap(name -> {
      Optional<AudienceDimension> known = AudienceDimension.byApiName(name);
      if (known.isEmpty()) {
        reader.invalidValue("dimension", name, AudienceDimension.apiNames());
      }
      return known;
    });
    List<AudienceMetric> metrics = metrics(reader);
    Optional<CurrencyChoice> currency = ReportAttributes.currency(reader);
    Optional<ZoneChoice> zone = ReportAttributes.timezone(reader);
    Set<String> adSetIds = Set.copyOf(reader.strings("adSetIds", false).orElse(List.of()));
    Set<String> audienceIds = Set.copyOf(reader.strings("audienceIds", false).orElse(List.of()));
    Set<String> segmentIds = Set.copyOf(reader.strings("segmentsIds", false).orElse(List.of()));
    if (start.isPresent() && end.isPresent()) {
      ReportAttributes.checkRange(reader, start.get(), end.get(), today);
    }
    reader.failIfAny(400);
    return new AudienceRequest(advertiserId.orElseThrow(), start.orElseThrow(), end.orElseThrow(),
        dimension.orElseThrow(), metrics, currency.orElseThrow().code(), currency.orElseThrow().perEuro(),
        zone.orElseThrow().name(), adSetIds, audienceIds, segmentIds);
  }

  private static List<AudienceMetric> metrics(AttributeReader reader) {
    Set<AudienceMetric> metrics = new LinkedHashSet<>();
    for (String name : reader.strings("metrics", true).orElse(List.of())) {
      AudienceMetric.byApiName(name).ifPresentOrElse(metrics::add,
          () -> reader.invalidValue("metrics", name, AudienceMetric.apiNames()));
    }
    return List.copyOf(metrics);
  }
}
