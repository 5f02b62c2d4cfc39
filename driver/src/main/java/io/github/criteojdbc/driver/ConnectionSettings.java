package io.github.criteojdbc.driver;

import io.github.criteojdbc.adapter.CriteoTypeSystem;
import static io.github.criteojdbc.driver.DriverProperty.ADVERTISER_IDS;
import static io.github.criteojdbc.driver.DriverProperty.APPLICATION_LABEL;
import static io.github.criteojdbc.driver.DriverProperty.ALLOWED_ADVERTISER_IDS;
import static io.github.criteojdbc.driver.DriverProperty.API_VERSION;
import static io.github.criteojdbc.driver.DriverProperty.BASE_URL;
import static io.github.criteojdbc.driver.DriverProperty.CACHE;
import static io.github.criteojdbc.driver.DriverProperty.CACHE_DIR;
import static io.github.criteojdbc.driver.DriverProperty.CACHE_MAX_MEGABYTES;
import static io.github.criteojdbc.driver.DriverProperty.CACHE_TTL_SECONDS;
import static io.github.criteojdbc.driver.DriverProperty.COALESCE_WINDOW_SECONDS;
import static io.github.criteojdbc.driver.DriverProperty.CATALOG_WAIT;
import static io.github.criteojdbc.driver.DriverProperty.CLIENT_ID;
import static io.github.criteojdbc.driver.DriverProperty.CLIENT_SECRET;
import static io.github.criteojdbc.driver.DriverProperty.CURRENCY;
import static io.github.criteojdbc.driver.DriverProperty.DEFAULT_LOOKBACK_DAYS;
import static io.github.criteojdbc.driver.DriverProperty.FILE_FORMAT;
import static io.github.criteojdbc.driver.DriverProperty.LOG_LEVEL;
import static io.github.criteojdbc.driver.DriverProperty.MAX_CALLS_PER_MINUTE;
import static io.github.criteojdbc.driver.DriverProperty.POLL_INTERVAL_SECONDS;
import static io.github.criteojdbc.driver.DriverProperty.PROXY_HOST;
import static io.github.criteojdbc.driver.DriverProperty.PROXY_PASSWORD;
import static io.github.criteojdbc.driver.DriverProperty.PROXY_PORT;
import static io.github.criteojdbc.driver.DriverProperty.PROXY_USER;
import static io.github.criteojdbc.driver.DriverProperty.REALTIME_CACHE_TTL_SECONDS;
import static io.github.criteojdbc.driver.DriverProperty.RECENT_CACHE_TTL_SECONDS;
import static io.github.criteojdbc.driver.DriverProperty.REPORT_TIMEOUT_SECONDS;
import static io.github.criteojdbc.driver.DriverProperty.SANDBOX;
import static io.github.criteojdbc.driver.DriverProperty.TIMEZONE;
import static io.github.criteojdbc.driver.DriverProperty.TOKEN_URL;

import io.github.criteojdbc.adapter.AdapterSettings;
import io.github.criteojdbc.client.CriteoClientConfig;
import io.github.criteojdbc.adapter.exec.DiskReportStore;
import io.github.criteojdbc.adapter.exec.ReportCache;
import io.github.criteojdbc.adapter.exec.SharedEntryStore;
import io.github.criteojdbc.client.ProxySettings;
import io.github.criteojdbc.client.Secret;

import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.stream.Collectors;

/**
 * The validated settings of one connection. Every invalid value fails the connection with an
 * {@link SQLException} (SQLState {@code HY024}) that names the property and says what it accepts.
 */
final class ConnectionSettings {
  static final String INVALID_PROPERTY_STATE = "HY024";
  static final String MISSING_CREDENTIALS_STATE = "28000";

  private static final Duration SANDBOX_POLL_INTERVAL = Duration.ofMillis(50);
  /** The longest duration a seconds property accepts: a year. */
  static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(365L * 24 * 3600);
  private static final BigDecimal MIN_SECONDS = new BigDecimal("0.001");

  private final ConnectionRequest request;
  private final boolean sandbox;
  private final Optional<URI> baseUrl;
  private final Optional<URI> tokenUrl;
  private final List<String> advertiserIds;
  private final Optional<List<String>> allowedAdvertiserIds;
  private final ZoneId timezone;
  private final Optional<String> currency;
  private final Duration pollInterval;
  private final Duration reportTimeout;
  private final int maxCallsPerMinute;
  private final Duration cacheTtl;
  private final Duration recentCacheTtl;
  private final Duration coalesceWindow;
  private final Duration realtimeCacheTtl;
  private final String cacheMode;
  private final Path cacheDir;
  private final long cacheMaxBytes;
  private final String fileFormat;
  private final int defaultLookbackDays;
  private final boolean catalogWait;
  private final String apiVersion;
  private final Optional<ProxySettings> proxy;
  private final Optional<Level> logLevel;
  private final Optional<String> applicationLabel;

  private ConnectionSettings(ConnectionRequest request) throws SQLException {
    this.request = request;
    this.sandbox = bool(SANDBOX);
    this.baseUrl = url(BASE_URL);
    this.tokenUrl = url(TOKEN_URL);
    this.advertiserIds = request.get(ADVERTISER_IDS).map(ConnectionSettings::commaSeparated).orElse(List.of());
    this.allowedAdvertiserIds = request.get(ALLOWED_ADVERTISER_IDS).map(ConnectionSettings::commaSeparated);
    this.timezone = zone();
    this.currency = currencyCode();
    this.pollInterval = request.get(POLL_INTERVAL_SECONDS).isPresent() || !sandbox
        ? seconds(POLL_INTERVAL_SECONDS, false) : SANDBOX_POLL_INTERVAL;
    this.reportTimeout = seconds(REPORT_TIMEOUT_SECONDS, false);
    this.maxCallsPerMinute = positiveInt(MAX_CALLS_PER_MINUTE);
    this.cacheTtl = seconds(CACHE_TTL_SECONDS, true);
    this.recentCacheTtl = seconds(RECENT_CACHE_TTL_SECONDS, true);
    this.coalesceWindow = seconds(COALESCE_WINDOW_SECONDS, true);
    this.realtimeCacheTtl = seconds(REALTIME_CACHE_TTL_SECONDS, true);
    this.cacheMode = request.get(CACHE).isPresent() ? choice(CACHE)
        : sandbox || baseUrl.filter(ConnectionSettings::isLoopback).isPresent() ? "memory" : "disk";
    this.cacheDir = directory(CACHE_DIR).orElseGet(UserCacheFolder::ofThisUser);
    this.cacheMaxBytes = positiveInt(CACHE_MAX_MEGABYTES) * 1024L * 1024L;
    this.fileFormat = choice(FILE_FORMAT);
    this.defaultLookbackDays = positiveInt(DEFAULT_LOOKBACK_DAYS);
    this.catalogWait = bool(CATALOG_WAIT);
    this.apiVersion = text(API_VERSION);
    this.proxy = proxySettings();
    this.applicationLabel = request.get(APPLICATION_LABEL);
    this.logLevel = request.get(LOG_LEVEL).isPresent() ? Optional.of(LogLevels.parse(choice(LOG_LEVEL)))
        : Optional.empty();
    if (sandbox && baseUrl.isPresent()) {
      throw invalid("sandbox=true starts a local emulator and cannot be combined with baseUrl; remove one of"
          + " them");
    }
  }

  static ConnectionSettings from(ConnectionRequest request) throws SQLException {
    return new ConnectionSettings(request);
  }

  boolean sandbox() {
    return sandbox;
  }

  Optional<Level> logLevel() {
    return logLevel;
  }

  String apiVersion() {
    return apiVersion;
  }

  ZoneId timezone() {
    return timezone;
  }

  /** Names the user gave that this driver does not know; they are ignored with a warning. */
  List<String> unknownKeys() {
    return List.copyOf(request.unknownKeys());
  }

  /** The client settings against the real API; fails when the credentials are missing. */
  CriteoClientConfig clientConfig() throws SQLException {
    String clientId = request.get(CLIENT_ID).orElseThrow(() -> missingCredential(CLIENT_ID, "client id"));
    String secret = request.get(CLIENT_SECRET).orElseThrow(() -> missingCredential(CLIENT_SECRET, "client secret"));
    CriteoClientConfig.Builder builder = clientConfigBuilder().clientId(clientId).clientSecret(Secret.of(secret));
    baseUrl.ifPresent(builder::baseUrl);
    tokenUrl.ifPresent(builder::tokenUrl);
    return build(builder);
  }

  /** The client settings against a local emulator, with the emulator's own credentials. */
  CriteoClientConfig clientConfig(URI emulatorUrl, String clientId, String clientSecret) throws SQLException {
    return build(clientConfigBuilder().baseUrl(emulatorUrl).clientId(clientId).clientSecret(Secret.of(clientSecret)));
  }

  private CriteoClientConfig.Builder clientConfigBuilder() {
    CriteoClientConfig.Builder builder = CriteoClientConfig.builder()
        .apiVersion(apiVersion)
        .maxCallsPerMinute(maxCallsPerMinute)
        .pollInterval(pollInterval)
        .reportTimeout(reportTimeout);
    proxy.ifPresent(builder::proxy);
    return builder;
  }

  private static CriteoClientConfig build(CriteoClientConfig.Builder builder) throws SQLException {
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      // The client names the setting (baseUrl, tokenUrl, apiVersion...) in its message.
      throw new SQLException(e.getMessage(), INVALID_PROPERTY_STATE, e);
    }
  }

  /**
   * The report cache of the {@code cache} property: the JVM's cache over {@code cacheDir}, the
   * JVM's memory cache, or none. {@code warnings} hears why a folder cannot be used.
   */
  ReportCache reportCache(Consumer<String> warnings) {
    switch (cacheMode) {
    case "off":
      return ReportCache.off();
    case "memory":
      return ReportCache.shared();
    default:
      return ReportCache.onDisk(cacheDir, cacheMaxBytes, warnings);
    }
  }

  /**
   * The cache of a team server's connections: as {@link #reportCache}, but its own rather than the
   * JVM's, with {@code shared} behind memory and disk.
   */
  ReportCache teamCache(SharedEntryStore shared) throws SQLException {
    switch (cacheMode) {
    case "off":
      return ReportCache.off();
    case "memory":
      return new ReportCache(ReportCache.DEFAULT_MAX_VALUES, Clock.systemUTC(), Optional.empty(), shared);
    default:
      try {
        return new ReportCache(ReportCache.DEFAULT_MAX_VALUES, Clock.systemUTC(),
            Optional.of(DiskReportStore.open(cacheDir, cacheMaxBytes, Clock.systemUTC())), shared);
      } catch (IOException | RuntimeException e) {
        throw new SQLException("cacheDir " + cacheDir + " cannot hold cached reports (" + e.getMessage()
            + "): set criteo.cacheDir to a folder of the server's user, or criteo.cache=memory", "HY024", e);
      }
    }
  }

  /** {@code disk}, {@code memory} or {@code off}: the {@code cache} property or its default. */
  String cacheMode() {
    return cacheMode;
  }

  Path cacheDir() {
    return cacheDir;
  }

  long cacheMaxBytes() {
    return cacheMaxBytes;
  }

  /** An emulator or a test double, whose data at its next start need not be today's. */
  private static boolean isLoopback(URI uri) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
  }

  private Optional<Path> directory(DriverProperty property) throws SQLException {
    Optional<String> value = request.get(property).filter(text -> !text.isBlank());
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(value.get().trim()));
    } catch (InvalidPathException e) {
      throw invalid(property, value.get(), "a folder path of this machine");
    }
  }

  /** @param fallbackAdvertisers used when neither {@code advertiserIds} nor {@code allowedAdvertiserIds} is set */
  AdapterSettings adapterSettings(List<String> fallbackAdvertisers, WarningRouter warnings) {
    return AdapterSettings.builder()
        .advertiserIds(advertiserIds.isEmpty() ? allowedAdvertiserIds.orElse(fallbackAdvertisers) : advertiserIds)
        .allowedAdvertiserIds(allowedAdvertiserIds.orElse(null))
        .timezone(timezone)
        .currency(currency.orElse(null))
        .defaultLookbackDays(defaultLookbackDays)
        .cacheTtl(cacheTtl)
        .recentDataCacheTtl(recentCacheTtl)
        .coalesceWindow(coalesceWindow)
        .realtimeCacheTtl(realtimeCacheTtl)
        .mpoFileFormat(fileFormat)
        .catalogWait(catalogWait)
        .warnings(warnings)
        .statementMaxRows(warnings::runningMaxRows)
        .applicationLabel(applicationLabel.orElse(null))
        .build();
  }

  /**
   * The dialect a BI tool expects: identifiers match ignoring case and keep the case they were
   * typed in, double quotes quote them, and the lenient conformance accepts {@code !=},
   * {@code LIMIT}/{@code OFFSET} and {@code GROUP BY} aliases. The Babel parser lets
   * {@code day}, {@code hour} or {@code month} be column names without quotes, which core
   * Calcite's parser reserves. The time zone makes {@code CURRENT_DATE} "today" in the reports'
   * zone.
   */
  Properties calciteProperties() {
    Properties properties = new Properties();
    properties.setProperty("parserFactory", SqlBabelParserImpl.class.getName() + "#FACTORY");
    properties.setProperty("typeSystem", CriteoTypeSystem.class.getName() + "#INSTANCE");
    properties.setProperty("caseSensitive", "false");
    properties.setProperty("unquotedCasing", "UNCHANGED");
    properties.setProperty("quotedCasing", "UNCHANGED");
    properties.setProperty("quoting", "DOUBLE_QUOTE");
    properties.setProperty("conformance", "LENIENT");
    properties.setProperty("timeZone", timezone.getId());
    return properties;
  }

  private String text(DriverProperty property) {
    return request.get(property).orElse(property.defaultText());
  }

  private boolean bool(DriverProperty property) throws SQLException {
    String value = text(property);
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw invalid(property, value, "true or false");
  }

  private String choice(DriverProperty property) throws SQLException {
    String value = text(property);
    return property.choices().stream().filter(value::equalsIgnoreCase).findFirst()
        .orElseThrow(() -> invalid(property, value, "one of " + String.join(", ", property.choices())));
  }

  private int positiveInt(DriverProperty property) throws SQLException {
    String value = text(property);
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed >= 1) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted range
    }
    throw invalid(property, value, "a whole number of at least 1 and at most " + Integer.MAX_VALUE);
  }

  /**
   * A duration in seconds, decimals allowed, from a millisecond to {@link #MAX_SECONDS}: a value
   * outside that range would overflow, or round to nothing, silently.
   */
  private Duration seconds(DriverProperty property, boolean zeroAllowed) throws SQLException {
    String value = text(property);
    String range = "from 0.001 to " + MAX_SECONDS.toPlainString();
    String expected = zeroAllowed ? "a number of seconds such as 60 or 0.5 (" + range + "), or 0 to turn it off"
        : "a positive number of seconds such as 5 or 0.5, " + range;
    try {
      BigDecimal seconds = new BigDecimal(value.trim());
      int sign = seconds.signum();
      if (sign == 0 && zeroAllowed) {
        return Duration.ZERO;
      }
      if (sign > 0 && seconds.compareTo(MAX_SECONDS) <= 0 && seconds.compareTo(MIN_SECONDS) >= 0) {
        return Duration.ofMillis(seconds.movePointRight(3).longValue());
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // reported below with the accepted range
    }
    throw invalid(property, value, expected);
  }

  private Optional<URI> url(DriverProperty property) throws SQLException {
    Optional<String> value = request.get(property);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(value.get());
      if (uri.getScheme() != null && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below with the accepted form
    }
    throw invalid(property, value.get(), "an absolute https URL such as https://api.criteo.com");
  }

  private ZoneId zone() throws SQLException {
    String value = text(TIMEZONE);
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      throw invalid(TIMEZONE, value, "an IANA time zone such as UTC, Europe/Paris or America/New_York");
    }
  }

  private Optional<String> currencyCode() throws SQLException {
    Optional<String> value = request.get(CURRENCY);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Currency.getInstance(value.get().toUpperCase(Locale.ROOT)).getCurrencyCode());
    } catch (IllegalArgumentException e) {
      throw invalid(CURRENCY, value.get(), "an ISO-4217 currency code such as EUR or USD");
    }
  }

  private Optional<ProxySettings> proxySettings() throws SQLException {
    Optional<String> host = request.get(PROXY_HOST);
    Optional<String> user = request.get(PROXY_USER);
    Optional<String> password = request.get(PROXY_PASSWORD);
    if (host.isEmpty()) {
      if (user.isPresent() || password.isPresent() || request.get(PROXY_PORT).isPresent()) {
        throw invalid("proxyPort, proxyUser and proxyPassword need proxyHost; set proxyHost too");
      }
      return Optional.empty();
    }
    String portText = request.get(PROXY_PORT)
        .orElseThrow(() -> invalid("proxyHost is set but proxyPort is not; set the proxy's port"));
    int port;
    try {
      port = Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      throw invalid(PROXY_PORT, portText, "a port number from 1 to 65535");
    }
    if (port < 1 || port > 65535) {
      throw invalid(PROXY_PORT, portText, "a port number from 1 to 65535");
    }
    if (user.isPresent() != password.isPresent()) {
      throw invalid("proxyUser and proxyPassword go together; set both or neither");
    }
    return Optional.of(user.isPresent()
        ? ProxySettings.withBasicAuth(host.get(), port, user.get(), Secret.of(password.get()))
        : ProxySettings.of(host.get(), port));
  }

  private static List<String> commaSeparated(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(id -> !id.isEmpty())
        .collect(Collectors.toUnmodifiableList());
  }

  private static SQLException invalid(DriverProperty property, String value, String expected) {
    String shown = property.isSecret() ? "****" : "'" + value + "'";
    return invalid("Invalid value " + shown + " for connection property " + property.key() + ": expected "
        + expected);
  }

  private static SQLException invalid(String message) {
    return new SQLException(message, INVALID_PROPERTY_STATE);
  }

  private static SQLException missingCredential(DriverProperty property, String what) {
    return new SQLException(property.key() + " is missing: set the OAuth2 " + what + " of your Criteo app as "
        + property.key() + " (or the JDBC " + property.spellings().get(1) + "), or connect with sandbox=true to"
        + " try the driver on synthetic data", MISSING_CREDENTIALS_STATE);
  }
}
