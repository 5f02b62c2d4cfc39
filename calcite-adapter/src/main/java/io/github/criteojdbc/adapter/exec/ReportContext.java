package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.adapter.AdapterSettings;
import io.github.criteojdbc.client.CriteoClient;

import java.util.Objects;

/**
 * What the tables of one connection share at run time: the API client, settings, cache and the
 * journal of the reports read.
 */
public final class ReportContext {
  private final CriteoClient client;
  private final AdapterSettings settings;
  private final ReportCache cache;
  private final ReportJournal journal;
  private final String application;

  /** The application is the client id at the API root. */
  public ReportContext(CriteoClient client, AdapterSettings settings, ReportCache cache,
      ReportJournal journal) {
    this(client, settings, cache, journal, client.config().clientId() + "@" + client.config().baseUrl());
  }

  /**
   * {@code account} names whose data the reports are, where the client id and API root do not
   * (an emulator whose address changes with every start but whose data does not).
   */
  public ReportContext(CriteoClient client, AdapterSettings settings, ReportCache cache,
      ReportJournal journal, String account) {
    this.client = Objects.requireNonNull(client, "client");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.application = Objects.requireNonNull(account, "account") + " API " + client.config().apiVersion();
  }

  public CriteoClient client() {
    return client;
  }

  public AdapterSettings settings() {
    return settings;
  }

  public ReportCache cache() {
    return cache;
  }

  public ReportJournal journal() {
    return journal;
  }

  /**
   * Identifies the application whose cached reports a request belongs to: its account and API
   * version.
   */
  public String application() {
    return application;
  }
}
