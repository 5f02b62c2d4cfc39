package io.github.criteojdbc.driver;

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
      List<String> fallbackAdvertisers, ReportCache cache, ReportJournal journal) {
    this.settings = settings;
    this.client = client;
    this.sandbox = sandbox;
    this.context = new ReportContext(client, settings.adapterSettings(fallbackAdvertisers, warnings), cache, journal);
  }

  /** A session whose reports go to {@code cache} and {@code journal}, which the driver's connections share. */
  static CriteoSession open(ConnectionSettings settings, ReportCache cache, ReportJournal journal)
      throws SQLException {
    if (!settings.sandbox()) {
      CriteoClientConfig config = settings.clientConfig();
      LOG.fine(() -> "connecting to " + config.baseUrl() + " as " + config.clientId());
      return new CriteoSession(settings, CriteoClient.create(config), Optional.empty(), List.of(), cache, journal);
    }
    EmbeddedSandbox.Lease lease = EmbeddedSandbox.acquire();
    try {
      CriteoClientConfig config = settings.clientConfig(lease.baseUrl(), lease.clientId(), lease.clientSecret());
      LOG.fine(() -> "connecting to the embedded sandbox at " + config.baseUrl());
      return new CriteoSession(settings, CriteoClient.create(config), Optional.of(lease), lease.advertiserIds(),
          cache, journal);
    } catch (SQLException | RuntimeException e) {
      lease.close();
      throw e;
    }
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

  @Override public void close() {
    try {
      client.close();
    } finally {
      sandbox.ifPresent(EmbeddedSandbox.Lease::close);
    }
  }
}
