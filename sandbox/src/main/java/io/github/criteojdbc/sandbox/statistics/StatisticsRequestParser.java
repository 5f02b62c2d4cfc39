package io.github.criteojdbc.sandbox.statistics;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.criteojdbc.sandbox.catalog.AsyncDimension;
import io.github.criteojdbc.sandbox.catalog.Metric;
import io.github.criteojdbc.sandbox.catalog.MetricCatalog;
import io.github.criteojdbc.sandbox.data.AdSetStatus;
import io.github.criteojdbc.sandbox.http.Problem;
import io.github.criteojdbc.sandbox.request.AttributeReader;
import io.github.criteojdbc.sandbox.request.ReportAttributes;
import io.github.criteojdbc.sandbox.request.ReportAttributes.CurrencyChoice;
import io.github.criteojdbc.sandbox.request.ReportAttributes.ZoneChoice;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Validates the body of {@code POST /{v}/reports/async-statistics} (schema GenerateStatisticsReport). */
public final class StatisticsRequestParser {
  private static final Set<String> ATTRIBUTES = Set.of("advertiserIds", "startDate", "endDate", "dimensions",
      "metrics", "currency", "timezone", "adSetIds", "adSetNames", "adSetStatus");
  private static final List<String> STATUS_NAMES = Arrays.stream(AdSetStatus.values()).map(AdSetStatus::apiName).toList();

  private StatisticsRequestParser() {}

  /** The request, or an {@code ApiException} (400) listing every problem found. */
  public static StatisticsRequest parse(JsonNode body, LocalDate today) {
    AttributeReader reader = AttributeReader.of(body, ATTRIBUTES);
    List<String> advertiserIds = nonEmpty(reader, "advertiserIds");
    Optional<LocalDate> start = ReportAttributes.date(reader, "startDate");
    Optional<LocalDate> end = ReportAttributes.date(reader, "endDate");
    List<AsyncDimension> dimensions = dimensions(reader);
    List<Metric> metrics = metrics(reader);
    Optional<CurrencyChoice> currency = ReportAttributes.currency(reader);
    Optional<ZoneChoice> zone = ReportAttributes.timezone(reader);
    Set<String> adSetIds = Set.copyOf(reader.strings("adSetIds", false).orElse(List.of()));
    Set<String> adSetNames = Set.copyOf(reader.strings("adSetNames", false).orElse(List.of()));
    Set<AdSetStatus> statuses = statuses(reader);
    if (start.isPresent() && end.isPresent()) {
      ReportAttributes.checkRange(reader, start.get(), end.get(), today);
    }
    reader.failIfAny(400);
    return new StatisticsRequest(advertiserIds, start.orElseThrow(), end.orElseThrow(), dimensions, metrics,
        currency.orElseThrow().code(), currency.orElseThrow().perEuro(), zone.orElseThrow().name(),
        zone.orElseThrow().zone(), adSetIds, adSetNames, statuses);
  }

  private static List<String> nonEmpty(AttributeReader reader, String attribute) {
    List<String> values = reader.strings(attribute, true).orElse(List.of());
    if (values.isEmpty() && reader.has(attribute)) {
      String field = AttributeReader.path(attribute);
      reader.add(Problem.validation("required-field", "Required field", field + " must not be empty", field));
    }
    return values;
  }

  private static List<AsyncDimension> dimensions(AttributeReader reader) {
    Set<AsyncDimension> dimensions = new LinkedHashSet<>();
    for (String name : nonEmpty(reader, "dimensions")) {
      AsyncDimension.byApiName(name).ifPresentOrElse(dimensions::add,
          () -> reader.invalidValue("dimensions", name, AsyncDimension.apiNames()));
    }
    return List.copyOf(dimensions);
  }

  private static List<Metric> metrics(AttributeReader reader) {
    MetricCatalog catalog = MetricCatalog.async();
    Set<Metric> metrics = new LinkedHashSet<>();
    for (String name : reader.strings("metrics", true).orElse(List.of())) {
      catalog.byName(name).ifPresentOrElse(metrics::add,
          () -> reader.invalidValue("metrics", name, catalog.names()));
    }
    return List.copyOf(metrics);
  }

  private static Set<AdSetStatus> statuses(AttributeReader reader) {
    List<AdSetStatus> statuses = new ArrayList<>();
    for (String name : reader.strings("adSetStatus", false).orElse(List.of())) {
      AdSetStatus.byApiName(name).ifPresentOrElse(statuses::add,
          () -> reader.invalidValue("adSetStatus", name, STATUS_NAMES));
    }
    return Set.copyOf(statuses);
  }
}
