package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.adapter.AdapterSettings;
import io.github.criteojdbc.adapter.QueryRejectedException;
import io.github.criteojdbc.adapter.catalog.ColumnDef;
import io.github.criteojdbc.adapter.catalog.ColumnRole;
import io.github.criteojdbc.adapter.catalog.TableCatalog;
import io.github.criteojdbc.adapter.catalog.TimeGranularity;
import io.github.criteojdbc.adapter.plan.PushdownPolicy;
import io.github.criteojdbc.adapter.plan.RequestPushdown;
import io.github.criteojdbc.adapter.plan.ScanSpec;
import io.github.criteojdbc.client.ColumnRequest;
import io.github.criteojdbc.client.CriteoApiException;
import io.github.criteojdbc.client.MpoFileFormat;
import io.github.criteojdbc.client.MpoRealtimeExportRequest;
import io.github.criteojdbc.client.ReportListener;
import io.github.criteojdbc.client.RowShape;
import io.github.criteojdbc.client.RowStream;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Runs a scan of the {@code mpo_realtime} table: one MPO real-time export broken down by the
 * dimension columns the query uses, filtered by the pushed advertiser, campaign and seller lists
 * and time window, downloaded as CSV or JSON and streamed. The API's rules are checked first.
 */
public final class MpoRealtimeScan implements ReportScan {
  static final String TABLE = "mpo_realtime";
  /** The API gives at most one of these dimensions per export. */
  static final Set<String> EXCLUSIVE_COLUMNS = Set.of("product_id", "hour", "minute");
  /** Columns whose {@code =}/{@code IN} filters become request attributes. */
  private static final Set<String> REQUEST_FILTERS =
      Set.of("advertiser_id", "campaign_id", "seller_id");
  private static final List<String> PREVIEW_ORDER = List.of("product_id", "hour", "minute");
  /** Asked when the query uses no dimension (the API's default would break rows down by five). */
  private static final String GRAIN_FREE_DIMENSION = "AdvertiserId";
  /** Asked when the query reads no metric; every row of the grain still comes back. */
  private static final String PLACEHOLDER_METRIC = "Clicks";

  private final TableCatalog catalog;
  private final ReportContext context;

  public MpoRealtimeScan(TableCatalog catalog, ReportContext context) {
    this.catalog = catalog;
    this.context = context;
  }

  @Override public PushdownPolicy pushdown() {
    return RequestPushdown.of(REQUEST_FILTERS, column -> column.role() == ColumnRole.TIME,
        MpoTimeWindow::isExact);
  }

  @Override public Enumerable<Object[]> enumerable(DataContext root, ScanSpec spec) {
    return ReportPlan.enumerable(root, spec, context.settings(),
        () -> Optional.ofNullable(plan(root, spec)));
  }

  @Override public String describe(ScanSpec spec) {
    AdapterSettings settings = context.settings();
    RequestText request = new RequestText(spec, settings)
        .advertisers("advertiserIds")
        .addIfFiltered("campaignIds", "campaign_id")
        .addIfFiltered("sellerIds", "seller_id");
    Optional<Preview> preview = Preview.of(spec);
    List<String> dimensions = apiDimensions(grain(spec, preview));
    preview.ifPresent(p -> request.add("preview", p.describe()));
    request.add("dimensions", dimensions.isEmpty()
        ? "[" + GRAIN_FREE_DIMENSION + "] (summed into one row)" : dimensions.toString());
    request.add("metrics", apiMetrics(spec.columns()));
    OptionalLong lookback = MpoTimeWindow.lookbackMinutes(spec.timeBounds());
    if (spec.timeBounds().isEmpty()) {
      request.add("lookbackWindow", MpoTimeWindow.DEFAULT_LOOKBACK_MINUTES
          + " (no filter on minute or hour)");
    } else if (lookback.isPresent()) {
      request.add("lookbackWindow", lookback.getAsLong());
    } else {
      request.add("startDate/endDate", spec.timeBounds());
    }
    return request.timezone().add("fileFormat", fileFormat().apiValue()).of("mpo-realtime-export");
  }

  /** The resolved scan, or null when the time filters leave no bucket. */
  private Plan plan(DataContext root, ScanSpec spec) {
    AdapterSettings settings = context.settings();
    PushedValues pushed = new PushedValues(TABLE, spec, root);
    List<String> advertisers = pushed.advertisers(settings, "the API requires advertiserIds");
    Optional<Preview> preview = Preview.of(spec);
    List<ColumnDef> grain = grain(spec, preview);
    preview.ifPresent(p -> settings.warn(p.warning()));
    List<String> exclusive = grain.stream().map(ColumnDef::name)
        .filter(EXCLUSIVE_COLUMNS::contains).collect(Collectors.toList());
    if (exclusive.size() > 1) {
      throw new QueryRejectedException(String.format("%s: the query uses %s, but the API gives "
          + "only one of product_id, hour and minute per export; use one of them (in the select "
          + "list, GROUP BY, ORDER BY and in filters that are not whole-bucket ranges) and run "
          + "one query for each", TABLE, String.join(" and ", exclusive)));
    }
    DateRangeResolver.rejectTimePredicatesWithoutDates(TABLE, spec, "minute >= CURRENT_TIMESTAMP "
        + "- INTERVAL '90' MINUTE or minute BETWEEN TIMESTAMP '...' AND TIMESTAMP '...'");
    MpoTimeWindow window = MpoTimeWindow.resolve(TABLE, spec.timeBounds(), root,
        settings.timezone(), settings::warn);
    if (window.isEmpty()) {
      return null;
    }
    List<String> dimensions = apiDimensions(grain);
    boolean rolledUp = dimensions.isEmpty();
    List<String> requestDimensions = rolledUp ? List.of(GRAIN_FREE_DIMENSION) : dimensions;
    List<String> metrics = apiMetrics(spec.columns());
    MpoRealtimeExportRequest.Builder request = MpoRealtimeExportRequest.builder()
        .advertiserIds(advertisers)
        .campaignIds(pushed.of("campaign_id"))
        .sellerIds(pushed.of("seller_id"))
        .dimensions(requestDimensions)
        .metrics(metrics)
        .timezone(settings.timezone().getId())
        .fileFormat(fileFormat());
    if (window.isLookback()) {
      request.lookbackWindowMinutes(window.lookbackWindowMinutes());
    } else {
      request.startDate(window.start()).endDate(window.end());
    }

    List<ColumnRequest> shape = new ArrayList<>();
    List<Boolean> additive = new ArrayList<>();
    for (String name : requestDimensions) {
      shape.add(new ColumnRequest(name, ValueTypes.of(catalog.columnForApiName(name).orElseThrow()),
          true));
      additive.add(false);
    }
    for (String name : metrics) {
      shape.add(new ColumnRequest(name, ValueTypes.of(catalog.columnForApiName(name).orElseThrow()),
          true));
      additive.add(true);
    }
    List<ColumnSource> columns = new ArrayList<>();
    for (String name : spec.columns()) {
      columns.add(preview.isPresent() ? preview.get().source(catalog.column(name).orElseThrow(), shape)
          : source(catalog.column(name).orElseThrow(), shape));
    }
    Duration ttl = StatisticsScan.min(settings.realtimeCacheTtl(), settings.cacheTtl());
    return new Plan(request.build(), new RowShape(shape), columns, rolledUp ? additive : null, ttl);
  }

  private MpoFileFormat fileFormat() {
    return MpoFileFormat.valueOf(context.settings().mpoFileFormat().toUpperCase(Locale.ROOT));
  }

  /** The dimension and time columns the scan outputs, in catalog order: the export's grain. */
  private List<ColumnDef> grain(List<String> columns) {
    return catalog.columns().stream()
        .filter(c -> (c.role() == ColumnRole.DIMENSION || c.role() == ColumnRole.TIME)
            && columns.contains(c.name()))
        .collect(Collectors.toList());
  }

  /** The grain of the export: a preview keeps one of product_id, hour and minute. */
  private List<ColumnDef> grain(ScanSpec spec, Optional<Preview> preview) {
    return grain(spec.requestColumns()).stream()
        .filter(c -> preview.isEmpty() || c.name().equals(preview.get().requested)
            || !EXCLUSIVE_COLUMNS.contains(c.name()))
        .collect(Collectors.toList());
  }

  private static List<String> apiDimensions(List<ColumnDef> grain) {
    return grain.stream().map(ColumnDef::apiName).collect(Collectors.toList());
  }

  /** API names of the metric columns a scan outputs, in catalog order. */
  private List<String> apiMetrics(List<String> columns) {
    List<String> metrics = catalog.apiMetricNames(columns);
    return metrics.isEmpty() ? List.of(PLACEHOLDER_METRIC) : metrics;
  }

  /**
   * A {@code SELECT *} of the table: it uses {@code product_id}, {@code hour} and {@code minute},
   * which no export gives together, so it is answered in one shape the API allows, chosen by the
   * one of them the query names itself ({@code WHERE}, {@code ORDER BY}, ...), else by minute;
   * the others read as NULL, except {@code hour}, which a by-minute export gives exactly (the
   * minute's hour). A query naming two of them itself is no preview and fails.
   */
  private static final class Preview {
    final String requested;

    private Preview(String requested) {
      this.requested = requested;
    }

    static Optional<Preview> of(ScanSpec spec) {
      List<String> used = spec.requestColumns().stream().filter(EXCLUSIVE_COLUMNS::contains)
          .collect(Collectors.toList());
      List<String> named = used.stream().filter(c -> !spec.starColumns().contains(c))
          .collect(Collectors.toList());
      if (used.size() < 2 || named.size() > 1 || named.size() == used.size()) {
        return Optional.empty();
      }
      return Optional.of(new Preview(named.isEmpty() ? "minute" : named.get(0)));
    }

    /** The columns this shape leaves NULL, in catalog order. */
    List<String> nullColumns() {
      return PREVIEW_ORDER.stream().filter(c -> !c.equals(requested)
          && !(requested.equals("minute") && c.equals("hour"))).collect(Collectors.toList());
    }

    String describe() {
      return "SELECT * by " + requested + (requested.equals("minute") ? " (hour from minute)" : "")
          + ", " + String.join(" and ", nullColumns()) + " NULL";
    }

    String warning() {
      List<String> others = PREVIEW_ORDER.stream().filter(c -> !c.equals(requested))
          .collect(Collectors.toList());
      return String.format("%s: SELECT * is answered as a preview by %s%s, and %s read%s as NULL: "
          + "the API gives only one of product_id, hour and minute per export. For another shape, "
          + "list the columns with one of them, e.g. SELECT advertiser_id, campaign_id, seller_id, "
          + "%s, clicks, displays, cost FROM %s (or with %s)", TABLE, requested,
          requested.equals("minute") ? " (hour is the minute's hour)" : "",
          String.join(" and ", nullColumns()), nullColumns().size() == 1 ? "s" : "", others.get(0),
          TABLE, others.get(1));
    }

    ColumnSource source(ColumnDef column, List<ColumnRequest> shape) {
      if (nullColumns().contains(column.name())) {
        return ColumnSource.absent();
      }
      if (column.name().equals("hour") && requested.equals("minute")) {
        for (int i = 0; i < shape.size(); i++) {
          if (shape.get(i).apiName().equals("Minute")) {
            return ColumnSource.derivedTime(i, TimeGranularity.MINUTE, TimeGranularity.HOUR);
          }
        }
      }
      return MpoRealtimeScan.source(column, shape);
    }
  }

  private static ColumnSource source(ColumnDef column, List<ColumnRequest> shape) {
    for (int i = 0; i < shape.size(); i++) {
      if (shape.get(i).apiName().equals(column.apiName())) {
        return ColumnSource.field(i);
      }
    }
    throw new IllegalStateException("column " + column.name() + " is not in the export");
  }

  /** A resolved scan: the export request, how to read its rows, and how long to keep them. */
  private final class Plan implements ReportPlan {
    final MpoRealtimeExportRequest request;
    final RowShape shape;
    final List<ColumnSource> columns;
    /** Per raw column whether it is summed when the rows are rolled up into one; null: kept. */
    final List<Boolean> rollUp;
    final Duration ttl;

    Plan(MpoRealtimeExportRequest request, RowShape shape, List<ColumnSource> columns,
        List<Boolean> rollUp, Duration ttl) {
      this.request = request;
      this.shape = shape;
      this.columns = columns;
      this.rollUp = rollUp;
      this.ttl = ttl;
    }

    @Override public List<ColumnSource> columns() {
      return columns;
    }

    @Override public RawRows open(DataContext root, boolean onDemand) {
      ReportCache.Key key = new ReportCache.Key(context.application(), request, shape);
      RawRows rows = context.journal().read(context, TABLE, key, request,
          QueryControls.from(root, new AtomicBoolean(), ReportListener.NONE),
          listener -> new StreamingRows(export(root, listener), context.cache(), key, ttl, null));
      return rollUp == null ? rows : new RolledUpRows(rows, rollUp);
    }

    private RowStream export(DataContext root, ReportListener listener) {
      try {
        return context.client().mpoRealtimeExport(request, shape, QueryControls.from(root,
            new AtomicBoolean(), listener));
      } catch (CriteoApiException e) {
        throw MpoApiErrors.explain(TABLE, e);
      }
    }
  }
}
