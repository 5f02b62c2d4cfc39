package io.github.criteojdbc.driver;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The connection properties of {@code jdbc:criteo:}, as documented in the README. Names are
 * matched ignoring case; {@code user} and {@code password} are the JDBC spellings of the
 * credentials, so SQL clients keep the secret in their password store.
 */
public enum DriverProperty {
  CLIENT_ID("clientId", List.of("user"), null, false,
      "OAuth2 client id of your Criteo app (the JDBC user). Not needed with sandbox=true. With server, your login"
          + " to the team server."),
  CLIENT_SECRET("clientSecret", List.of("password"), null, true,
      "OAuth2 client secret of your Criteo app (the JDBC password). Never logged. With server, your password on"
          + " the team server."),
  SERVER("server", null,
      "https://host:port of a criteo-jdbc team server: queries run there, on its credentials, cache and budget"
          + " (thin mode). Log in with user and password, or bearerToken; only timezone, currency and"
          + " defaultLookbackDays may be set besides."),
  BEARER_TOKEN("bearerToken", List.of(), null, true, "With server: your bearer token on the team server, instead of"
      + " user and password. Never logged."),
  TRUSTSTORE("truststore", null, "With server: a PKCS12 or JKS file of the certificates to trust; the JVM's when"
      + " unset."),
  TRUSTSTORE_PASSWORD("truststorePassword", List.of(), null, true, "With server: the truststore's password."),
  BASE_URL("baseUrl", "https://api.criteo.com", "API root; must be https."),
  TOKEN_URL("tokenUrl", null, "OAuth2 token endpoint; {baseUrl}/oauth2/token when unset."),
  ADVERTISER_IDS("advertiserIds", null,
      "Comma-separated advertiser ids used when a query does not filter on advertiser_id."),
  ALLOWED_ADVERTISER_IDS("allowedAdvertiserIds", null,
      "Comma-separated advertiser ids the connection may read; a query on another is refused (SQLState 42501)"
          + " before any call. Unset: any advertiser of the app."),
  TIMEZONE("timezone", "UTC",
      "IANA time zone of every report (Europe/Paris...): days and hours are in this zone, and so is CURRENT_DATE."),
  CURRENCY("currency", null, "ISO-4217 currency of money columns (EUR, USD...); the API's default when unset."),
  SANDBOX("sandbox", "false",
      "true: query the embedded emulator with synthetic data; no account or credentials needed.",
      "true", "false"),
  POLL_INTERVAL_SECONDS("pollIntervalSeconds", "5",
      "Delay before the first report status poll, in seconds (decimals allowed); never below 5 against"
          + " the real API. 0.05 with sandbox=true."),
  REPORT_TIMEOUT_SECONDS("reportTimeoutSeconds", "900", "How long a query waits for its reports, in seconds."),
  MAX_CALLS_PER_MINUTE("maxCallsPerMinute", "40",
      "Budget of report API calls per minute, shared by every connection of the same app in this JVM."),
  CACHE_TTL_SECONDS("cacheTtlSeconds", "172800",
      "How long a finished report's rows are reused, in seconds (days Criteo no longer restates, for"
          + " statistics); 0 turns the cache off."),
  RECENT_CACHE_TTL_SECONDS("recentCacheTtlSeconds", "120",
      "Reuse time, in seconds, for the days of a report within the last 120 hours, which Criteo may still"
          + " restate."),
  COALESCE_WINDOW_SECONDS("coalesceWindowSeconds", "0.2",
      "How long a statistics query about to create a report waits for other connections' queries of the"
          + " same advertisers, dates and filters, so that one report answers them all; 0 never waits."),
  REALTIME_CACHE_TTL_SECONDS("realtimeCacheTtlSeconds", "60", "Reuse time, in seconds, for mpo_realtime."),
  CACHE("cache", null,
      "Where finished reports are kept: disk (in memory and in files under cacheDir, so the next JVM reuses"
          + " them), memory (this JVM only) or off. Default disk; memory with sandbox=true or an API on a"
          + " loopback address, whose data may differ at its next start.",
      "disk", "memory", "off"),
  CACHE_DIR("cacheDir", null,
      "Folder of the disk cache, yours only; default $XDG_CACHE_HOME/criteo-jdbc when XDG_CACHE_HOME is set, else"
          + " ~/.cache/criteo-jdbc (Linux), ~/Library/Caches/criteo-jdbc (macOS), %LOCALAPPDATA%\\criteo-jdbc"
          + " (Windows)."),
  CACHE_MAX_MEGABYTES("cacheMaxMegabytes", "512",
      "Size bound of the disk cache in MB; the reports used longest ago are deleted beyond it."),
  FILE_FORMAT("fileFormat", "csv", "File format asked of the MPO real-time export.", "csv", "json"),
  DEFAULT_LOOKBACK_DAYS("defaultLookbackDays", "7",
      "Days of data a statistics or audience_performance query reads when it has no date filter"
          + " (a warning says so)."),
  CATALOG_WAIT("catalogWait", "true",
      "Whether catalog_batch_report queries wait while the batch is still being processed.", "true", "false"),
  API_VERSION("apiVersion", "preview", "First path segment of the API calls."),
  PROXY_HOST("proxyHost", null,
      "HTTP proxy host; the JVM's https.proxyHost/https.proxyPort apply when unset."),
  PROXY_PORT("proxyPort", null, "HTTP proxy port; required with proxyHost."),
  PROXY_USER("proxyUser", null, "User for proxy basic authentication."),
  PROXY_PASSWORD("proxyPassword", List.of(), null, true, "Password for proxy basic authentication."),
  APPLICATION_LABEL("applicationLabel", null,
      "How criteo_driver.budget names the application, instead of clientId@baseUrl; a team server shows its"
          + " clients a digest when unset, never its client id."),
  LOG_LEVEL("logLevel", null,
      "Level of the io.github.criteojdbc java.util.logging logger, printed to stderr when set.",
      "OFF", "ERROR", "WARN", "INFO", "DEBUG", "TRACE", "SEVERE", "WARNING", "FINE", "FINEST");

  private static final Map<String, DriverProperty> BY_LOWER_CASE_NAME = Arrays.stream(values())
      .flatMap(p -> p.spellings().stream().map(name -> Map.entry(name.toLowerCase(Locale.ROOT), p)))
      .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

  private final String key;
  private final List<String> aliases;
  private final String defaultText;
  private final boolean secret;
  private final String description;
  private final List<String> choices;

  DriverProperty(String key, String defaultText, String description, String... choices) {
    this(key, List.of(), defaultText, false, description, choices);
  }

  DriverProperty(String key, List<String> aliases, String defaultText, boolean secret, String description,
      String... choices) {
    this.key = key;
    this.aliases = aliases;
    this.defaultText = defaultText;
    this.secret = secret;
    this.description = description;
    this.choices = List.of(choices);
  }

  /** The property named {@code name} or one of its aliases, ignoring case. */
  public static Optional<DriverProperty> forName(String name) {
    return Optional.ofNullable(BY_LOWER_CASE_NAME.get(name.toLowerCase(Locale.ROOT)));
  }

  public static String knownNames() {
    return Arrays.stream(values()).map(DriverProperty::key).collect(Collectors.joining(", "));
  }

  /** The name documented and shown by SQL clients. */
  public String key() {
    return key;
  }

  List<String> spellings() {
    return Stream.concat(Stream.of(key), aliases.stream()).collect(Collectors.toList());
  }

  /** The default as documented, or null when there is none. */
  public String defaultText() {
    return defaultText;
  }

  /** Whether the value is a credential that must never be shown or logged. */
  public boolean isSecret() {
    return secret;
  }

  public String description() {
    return description;
  }

  public List<String> choices() {
    return choices;
  }
}
