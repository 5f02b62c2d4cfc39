package io.github.criteojdbc.sandbox.mpo;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.criteojdbc.sandbox.catalog.Currencies;
import io.github.criteojdbc.sandbox.http.ApiException;
import io.github.criteojdbc.sandbox.http.Problem;
import io.github.criteojdbc.sandbox.request.AttributeReader;
import io.github.criteojdbc.sandbox.request.ReportAttributes;
import io.github.criteojdbc.sandbox.request.RequestDates;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Validates the body of the MPO real-time export (schema RealTimeProductReportJob) in two stages, like the API:
 * first what a deserializer rejects ({@code json-serialization-error}, e.g. an unknown fileFormat), then the
 * domain rules of the guide with their codes ({@code invalid-query}, {@code invalid-lookbackwindow},
 * {@code invalid-time-interval}, and {@code invalid-dimensioncombination} answered with 409).
 */
public final class MpoRequestParser {
  private static final Set<String> ATTRIBUTES = Set.of("fileFormat", "advertiserIds", "campaignIds", "sellerIds",
      "partnerIds", "dimensions", "metrics", "lookbackWindow", "startDate", "endDate", "timezone", "currency");
  private static final int MIN_LOOKBACK_MINUTES = 60;
  private static final int MAX_LOOKBACK_MINUTES = 1440;
  private static final String COMBINATION = "invalid-dimensioncombination";
  private static final Set<String> UNSUPPORTED_FILE_FORMATS = Set.of("xlsx", "parquet", "tsv", "xml", "avro", "pdf");

  private MpoRequestParser() {}

  public static MpoRequest parse(JsonNode body, Instant now) {
    AttributeReader reader = AttributeReader.of(body, ATTRIBUTES);
    MpoFileFormat fileFormat = reader.string("fileFormat", false)
        .flatMap(name -> known(reader, MpoFileFormat.byName(name), () -> badFileFormat(name)))
        .orElse(MpoFileFormat.CSV);
    List<String> advertiserIds = reader.strings("advertiserIds", false).orElse(List.of());
    List<String> campaignIds = reader.strings("campaignIds", false).orElse(List.of());
    List<String> sellerIds = reader.strings("sellerIds", false).orElse(List.of());
    List<String> partnerIds = reader.strings("partnerIds", false).orElse(List.of());
    List<String> dimensionNames = reader.strings("dimensions", false).orElse(List.of());
    List<String> metricNames = reader.strings("metrics", false).orElse(List.of());
    Optional<Integer> lookback = reader.integer("lookbackWindow");
    Optional<Instant> start = instant(reader, "startDate");
    Optional<Instant> end = instant(reader, "endDate");
    Optional<String> timezone = reader.string("timezone", false);
    Optional<String> currency = reader.string("currency", false);
    reader.failIfAny(400);

    if (advertiserIds.isEmpty()) {
      reader.add(invalidQuery("advertiserIds is required", "advertiserIds"));
    }
    List<MpoDimension> dimensions = named(reader, "dimensions", dimensionNames, MpoDimension::byName, MpoDimension.DEFAULTS);
    List<MpoMetric> metrics = named(reader, "metrics", metricNames, MpoMetric::byName, MpoMetric.DEFAULTS);
    ZoneId zone = timezone
        .flatMap(name -> known(reader, ReportAttributes.zone(name),
            () -> invalidQuery("timezone '" + name + "' is not an IANA time zone", "timezone")))
        .orElse(ZoneId.of("UTC"));
    BigDecimal perEuro = currency
        .flatMap(code -> known(reader, Currencies.perEuro(code),
            () -> invalidQuery("currency '" + code + "' is not supported; supported: " + Currencies.codes(), "currency")))
        .orElse(BigDecimal.ONE);
    Interval interval = interval(reader, lookback, start, end, now);
    if (dimensions.stream().filter(MpoDimension.EXCLUSIVE::contains).count() > 1) {
      reader.add(Problem.validation(COMBINATION, "Invalid combination of dimensions",
          "Only one of productId, hour and minute can be used in a request", AttributeReader.path("dimensions")));
    }
    List<Problem> problems = reader.problems();
    if (!problems.isEmpty()) {
      boolean onlyConflict = problems.stream().allMatch(problem -> problem.code().equals(COMBINATION));
      throw new ApiException(onlyConflict ? 409 : 400, problems);
    }
    return new MpoRequest(Set.copyOf(advertiserIds), Set.copyOf(campaignIds), Set.copyOf(sellerIds),
        Set.copyOf(partnerIds), dimensions, metrics, interval.from(), interval.to(), zone, fileFormat, perEuro);
  }

  /** Exactly one of a lookback window (60–1440 minutes back from now) and a start date (end defaulting to now). */
  private static Interval interval(
      AttributeReader reader, Optional<Integer> lookback, Optional<Instant> start, Optional<Instant> end, Instant now) {
    if (lookback.isPresent()) {
      int minutes = lookback.get();
      boolean withDates = start.isPresent() || end.isPresent();
      if (minutes < MIN_LOOKBACK_MINUTES || minutes > MAX_LOOKBACK_MINUTES || withDates) {
        reader.add(Problem.validation("invalid-lookbackwindow", "Invalid lookback window",
            "lookbackWindow must be between 60 and 1440 minutes and cannot be combined with startDate or endDate",
            AttributeReader.path("lookbackWindow")));
      }
      if (withDates) {
        reader.add(invalidTimeInterval("use either lookbackWindow or startDate/endDate, not both"));
      }
      return new Interval(now.minusSeconds(60L * minutes), now);
    }
    if (start.isEmpty()) {
      reader.add(invalidTimeInterval("either lookbackWindow or startDate is required"));
      return new Interval(now, now);
    }
    Instant to = end.orElse(now);
    if (start.get().isAfter(to)) {
      reader.add(invalidTimeInterval("startDate " + start.get() + " is after endDate " + to));
    }
    return new Interval(start.get(), to);
  }

  private static Optional<Instant> instant(AttributeReader reader, String attribute) {
    return reader.string(attribute, false).flatMap(text -> {
      Optional<Instant> instant = RequestDates.instant(text);
      if (instant.isEmpty()) {
        reader.add(Problem.jsonError(AttributeReader.path(attribute) + " '" + text + "' is not an ISO-8601 date-time",
            AttributeReader.path(attribute)));
      }
      return instant;
    });
  }

  private static <T> List<T> named(
      AttributeReader reader, String attribute, List<String> names, Function<String, Optional<T>> lookup, List<T> defaults) {
    if (names.isEmpty()) {
      return defaults;
    }
    Set<T> values = new LinkedHashSet<>();
    for (String name : names) {
      lookup.apply(name).ifPresentOrElse(values::add,
          () -> reader.add(invalidQuery(attribute + " value '" + name + "' is not supported", attribute)));
    }
    return new ArrayList<>(values);
  }

  /** The value if the lookup found it, else records the problem. */
  private static <T> Optional<T> known(AttributeReader reader, Optional<T> value, Supplier<Problem> problem) {
    if (value.isEmpty()) {
      reader.add(problem.get());
    }
    return value;
  }

  /**
   * The guide documents two answers: its sample rejects {@code 'xls'} as {@code json-serialization-error}, its
   * table lists {@code unsupported-fileformat}. Other well-known export formats get the latter, anything else the
   * former, so both appear.
   */
  private static Problem badFileFormat(String name) {
    if (UNSUPPORTED_FILE_FORMATS.contains(name.toLowerCase(Locale.ROOT))) {
      return Problem.validation("unsupported-fileformat", "Unsupported file format",
          "File format '" + name + "' is not supported; only CSV and JSON are", AttributeReader.path("fileFormat"));
    }
    return Problem.jsonError("data.attributes.fileFormat '" + name + "' not valid. Must be one of 'Csv','Json'",
        AttributeReader.path("fileFormat"));
  }

  private static Problem invalidQuery(String detail, String attribute) {
    return Problem.validation("invalid-query", "Invalid query definition", detail, AttributeReader.path(attribute));
  }

  private static Problem invalidTimeInterval(String detail) {
    return Problem.validation("invalid-time-interval", "Invalid time interval definition", detail, null);
  }

  private record Interval(Instant from, Instant to) {}
}
