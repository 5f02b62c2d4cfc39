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

  public ReportContext(CriteoClient client, AdapterSettings settings, ReportCache cache,
      ReportJournal journal) {
    this.client = Objects.requireNonNull(client, "client");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.journal = Objects.requireNonNull(journal, "journal");
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

  /** Identifies the application whose budget, token and cached reports a request belongs to. */
  public String application() {
    return client.config().clientId() + "@" + client.config().baseUrl();
  }
}
