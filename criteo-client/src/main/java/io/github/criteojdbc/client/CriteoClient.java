package io.github.criteojdbc.client;

import io.github.criteojdbc.client.auth.TokenEndpoint;
import io.github.criteojdbc.client.http.ApiCaller;
import io.github.criteojdbc.client.http.CallContext;
import io.github.criteojdbc.client.http.CallRunner;
import io.github.criteojdbc.client.http.CallStats;
import io.github.criteojdbc.client.http.RetryBackoff;
import io.github.criteojdbc.client.http.SharedHttp;
import io.github.criteojdbc.client.http.ReportCallBudget;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;

/**
 * Client for Criteo's asynchronous reports. Each report method creates the report, waits for it
 * and returns its rows as a stream. Thread-safe; clients of the same application (clientId +
 * baseUrl) share one token cache and, unless given a budget that several JVMs share, one rate
 * limiter in the JVM.
 *
 * <p>A report creation that fails with a 5xx or a broken connection is sent again. This relies on
 * Criteo answering an identical request with the id of the report it already has (documented for
 * the MPO export; assumed for the statistics and audience reports, whose outputs are cached the
 * same way), so a repeated create does not start a second report.
 */
public final class CriteoClient implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(CriteoClient.class.getName());

  private final CriteoClientConfig config;
  private final Clock clock;
  private final Sleeper sleeper;
  private final CallStats stats = new CallStats();
  private final Set<String> warned = ConcurrentHashMap.newKeySet();
  private final CallRunner runner;
  private final ReportCallBudget budget;
  private final ApiCaller api;
  private final ApiPaths paths;
  private final ReportLifecycle lifecycle;
  private final CatalogBatchReportCall catalogBatchReports;
  private volatile boolean closed;

  private CriteoClient(CriteoClientConfig config, Clock clock, Sleeper sleeper, ReportCallBudget budget) {
    this.config = config;
    this.budget = budget;
    this.clock = clock;
    this.sleeper = sleeper;
    SharedHttp.Lease lease = SharedHttp.acquire();
    this.runner = new CallRunner(httpClient(config, lease.pooled()), lease.watchdog());
    RetryBackoff backoff = new RetryBackoff(config.retryBackoff());
    this.api = new ApiCaller(runner, config, SharedApplications.tokenCache(config),
        new TokenEndpoint(runner, config, backoff, stats), budget, backoff, stats);
    this.paths = new ApiPaths(config);
    this.lifecycle = new ReportLifecycle(api, config, stats);
    this.catalogBatchReports = new CatalogBatchReportCall(api, paths, config, stats);
  }

  public static CriteoClient create(CriteoClientConfig config) {
    return create(config, Clock.systemUTC(), Sleeper.system());
  }

  /** With a given time source, so tests and simulations can run on a fake clock. */
  public static CriteoClient create(CriteoClientConfig config, Clock clock, Sleeper sleeper) {
    return new CriteoClient(Objects.requireNonNull(config, "config"), Objects.requireNonNull(clock, "clock"),
        Objects.requireNonNull(sleeper, "sleeper"), SharedApplications.rateLimiter(config));
  }

  /**
   * A client whose report calls ask {@code budget} instead of the JVM's limiter of the application:
   * a budget shared with the other servers of a team.
   */
  public static CriteoClient create(CriteoClientConfig config, ReportCallBudget budget) {
    return new CriteoClient(Objects.requireNonNull(config, "config"), Clock.systemUTC(), Sleeper.system(),
        Objects.requireNonNull(budget, "budget"));
  }

  private static OkHttpClient httpClient(CriteoClientConfig config, OkHttpClient pooled) {
    OkHttpClient.Builder builder = pooled.newBuilder()
        .connectTimeout(config.connectTimeout())
        .readTimeout(config.readTimeout())
        .writeTimeout(config.readTimeout())
        // Our retry policy decides about repeats (and counts them); OkHttp must not repeat silently.
        .retryOnConnectionFailure(false);
    config.proxy().ifPresent(proxy -> {
      builder.proxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
      proxy.user().ifPresent(user -> builder.proxyAuthenticator((route, response) ->
          response.request().header("Proxy-Authorization") != null
              ? null // these credentials were already refused; asking again would loop
              : response.request().newBuilder()
                  .header("Proxy-Authorization", Credentials.basic(user, proxy.password().orElseThrow().reveal()))
                  .build()));
    });
    return builder.build();
  }

  public CriteoClientConfig config() {
    return config;
  }

  public RowStream statisticsReport(StatisticsReportRequest request, RowShape shape, QueryControl control) {
    return run(MarketingSolutionsReport.statistics(request, paths), shape, control);
  }

  public RowStream audiencePerformanceReport(AudiencePerformanceReportRequest request, RowShape shape,
      QueryControl control) {
    return run(MarketingSolutionsReport.audiencePerformance(request, paths), shape, control);
  }

  public RowStream mpoRealtimeExport(MpoRealtimeExportRequest request, RowShape shape, QueryControl control) {
    return run(new MpoRealtimeExport(request, paths), shape, control);
  }

  /**
   * The report of a product catalog batch. With {@code waitUntilFinal}, polls while the batch is {@code ACCEPTED}
   * or {@code IN_PROGRESS} (poll interval, reportTimeout, cancel and listener as for reports); otherwise returns
   * its current state after one call. {@code FAILED} is a report like any other, not an exception.
   *
   * @throws CriteoAuthException on 403, naming the scope {@code MarketingSolutions_Catalog_Read}
   * @throws CriteoApiException on 404, naming the unknown or expired token
   */
  public CatalogBatchReport catalogBatchReport(String operationToken, boolean waitUntilFinal, QueryControl control) {
    Objects.requireNonNull(operationToken, "operationToken");
    return catalogBatchReports.fetch(operationToken, waitUntilFinal, context(control));
  }

  private RowStream run(ReportKind kind, RowShape shape, QueryControl control) {
    Objects.requireNonNull(shape, "shape");
    return lifecycle.run(kind, shape, context(control));
  }

  /** Fetches a token, or reuses the cached one; makes no report call. */
  public void verifyCredentials(QueryControl control) {
    api.token(context(control));
  }

  public ClientStats stats() {
    return stats.snapshot();
  }

  /** The application's report-call budget now (shared by every client of the app); takes no slot. */
  public BudgetUsage budget() {
    ReportCallBudget.Usage usage = budget.usage(clock.instant(), config.maxCallsPerMinute());
    return new BudgetUsage(usage.callsInWindow(), config.maxCallsPerMinute(), usage.nextCallAt());
  }

  private CallContext context(QueryControl control) {
    if (closed) {
      throw new IllegalStateException("This CriteoClient is closed");
    }
    Objects.requireNonNull(control, "control");
    return new CallContext(control, clock, sleeper, () -> closed, text -> {
      if (warned.add(text)) {
        LOG.warning(text);
        control.listener().warning(text);
      }
    });
  }

  /** Cancels this client's calls in flight; the last client of the JVM releases the shared pool and thread. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    runner.cancelAll();
    SharedHttp.release();
  }
}
