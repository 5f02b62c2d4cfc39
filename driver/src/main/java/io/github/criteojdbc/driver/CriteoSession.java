package io.github.criteojdbc.driver;

import io.github.criteojdbc.adapter.AdapterSettings;
import io.github.criteojdbc.adapter.CriteoSchema;
import io.github.criteojdbc.adapter.exec.ReportCache;
import io.github.criteojdbc.adapter.exec.ReportContext;
import io.github.criteojdbc.adapter.exec.ReportJournal;
import io.github.criteojdbc.adapter.state.DriverStateSchema;
import io.github.criteojdbc.client.CriteoClient;
import io.github.criteojdbc.client.CriteoClientConfig;
import io.github.criteojdbc.client.CriteoException;
import io.github.criteojdbc.client.QueryControl;
import io.github.criteojdbc.client.ReportListener;
import io.github.criteojdbc.client.http.ReportCallBudget;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What one connection owns besides Calcite's connection: its API client, its use of the embedded
 * sandbox, and the router of its warnings. Closing it cancels the client's calls in flight.
 */
final class CriteoSession implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(CriteoSession.class.getName());

  private final ConnectionSettings settings;
  private final CriteoClient client;
  private final Optional<EmbeddedSandbox.Lease> sandbox;
  private final WarningRouter warnings = new WarningRouter();
  private final ReportContext context;

  private CriteoSession(ConnectionSettings settings, CriteoClient client, Optional<EmbeddedSandbox.Lease> sandbox,
      List<String> fallbackAdvertisers, Optional<ReportCache> ownCache, ReportJournal journal) {
    this.settings = settings;
    this.client = client;
    this.sandbox = sandbox;
    ReportCache cache = ownCache.orElseGet(() -> settings.reportCache(warnings));
    // Only reports kept on disk outlive the emulator; in memory they stay the reports of its port.
    AdapterSettings adapterSettings = settings.adapterSettings(fallbackAdvertisers, warnings);
    this.context = sandbox.isPresent() && ownCache.isEmpty() && settings.cacheMode().equals("disk")
        ? new ReportContext(client, adapterSettings, cache, journal, sandbox.get().account())
        : new ReportContext(client, adapterSettings, cache, journal);
  }

  /**
   * A session whose reports go to {@code journal} and to {@code ownCache}, which the driver's
   * connections share, or without one to the cache its {@code cache} property chooses; whose
   * report calls ask {@code budget}, or without one the JVM's budget of the application.
   */
  static CriteoSession open(ConnectionSettings settings, Optional<ReportCache> ownCache, ReportJournal journal,
      Optional<ReportCallBudget> budget) throws SQLException {
    if (!settings.sandbox()) {
      CriteoClientConfig config = settings.clientConfig();
      LOG.fine(() -> "connecting to " + config.baseUrl() + " as " + config.clientId());
      return new CriteoSession(settings, client(config, budget), Optional.empty(), List.of(), ownCache, journal);
    }
    EmbeddedSandbox.Lease lease = EmbeddedSandbox.acquire();
    try {
      CriteoClientConfig config = settings.clientConfig(lease.baseUrl(), lease.clientId(), lease.clientSecret());
      LOG.fine(() -> "connecting to the embedded sandbox at " + config.baseUrl());
      return new CriteoSession(settings, client(config, budget), Optional.of(lease), lease.advertiserIds(),
          ownCache, journal);
    } catch (SQLException | RuntimeException e) {
      lease.close();
      throw e;
    }
  }

  private static CriteoClient client(CriteoClientConfig config, Optional<ReportCallBudget> budget) {
    return budget.map(shared -> CriteoClient.create(config, shared)).orElseGet(() -> CriteoClient.create(config));
  }

  ConnectionSettings settings() {
    return settings;
  }

  WarningRouter warnings() {
    return warnings;
  }

  CriteoSchema schema() {
    return new CriteoSchema(context);
  }

  DriverStateSchema stateSchema() {
    return new DriverStateSchema(context);
  }

  /** Whether a token can be had (cached or fetched); creates no report. */
  boolean isValid(int timeoutSeconds) {
    Optional<Instant> deadline = timeoutSeconds > 0
        ? Optional.of(Instant.now().plusSeconds(timeoutSeconds)) : Optional.empty();
    try {
      client.verifyCredentials(QueryControl.of(() -> false, deadline, ReportListener.NONE));
      return true;
    } catch (CriteoException | IllegalStateException e) {
      LOG.fine(() -> "connection check failed: " + e.getMessage());
      return false;
    }
  }

  List<ReportJournal.Record> reportsSince(Instant from) {
    return context.journal().recent(context).stream().filter(r -> !r.startedAt().isBefore(from)).toList();
  }

  @Override public void close() {
    try {
      client.close();
    } finally {
      sandbox.ifPresent(EmbeddedSandbox.Lease::close);
    }
  }
}
