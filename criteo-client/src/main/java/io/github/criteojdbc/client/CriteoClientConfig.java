package io.github.criteojdbc.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/** Immutable settings of a {@link CriteoClient}. Build with {@link #builder()}. */
public final class CriteoClientConfig {
  /** Criteo asks callers not to poll more often than every 5-10 s; only a loopback emulator may go faster. */
  public static final Duration MIN_REMOTE_POLL_INTERVAL = Duration.ofSeconds(5);

  private static final URI DEFAULT_BASE_URL = URI.create("https://api.criteo.com");
  private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

  private final URI baseUrl;
  private final URI tokenUrl;
  private final String clientId;
  private final Secret clientSecret;
  private final String apiVersion;
  private final int maxCallsPerMinute;
  private final Duration pollInterval;
  private final Duration reportTimeout;
  private final int maxRetries;
  private final Duration retryBackoff;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Optional<ProxySettings> proxy;
  private final String userAgent;

  private CriteoClientConfig(Builder b) {
    this.baseUrl = withoutTrailingSlash(b.baseUrl);
    requireHttpsUnlessLoopback("baseUrl", baseUrl);
    this.tokenUrl = b.tokenUrl != null ? b.tokenUrl : URI.create(baseUrl + "/oauth2/token");
    requireHttpsUnlessLoopback("tokenUrl", tokenUrl);
    if (b.clientId == null || b.clientId.isBlank()) {
      throw new IllegalArgumentException("clientId is missing: set the OAuth2 client id of your Criteo app");
    }
    if (b.clientSecret == null || b.clientSecret.isEmpty()) {
      throw new IllegalArgumentException(
          "clientSecret is missing: set the OAuth2 client secret of your Criteo app");
    }
    this.clientId = b.clientId.trim();
    this.clientSecret = b.clientSecret;
    if (b.apiVersion == null || b.apiVersion.isBlank() || b.apiVersion.contains("/")) {
      throw new IllegalArgumentException("apiVersion must be one path segment such as 'preview', got '"
          + b.apiVersion + "'");
    }
    this.apiVersion = b.apiVersion;
    this.maxCallsPerMinute = requireAtLeast("maxCallsPerMinute", b.maxCallsPerMinute, 1);
    this.maxRetries = requireAtLeast("maxRetries", b.maxRetries, 0);
    Duration requestedPoll = requirePositive("pollInterval", b.pollInterval);
    this.pollInterval = isLoopback(baseUrl) || requestedPoll.compareTo(MIN_REMOTE_POLL_INTERVAL) >= 0
        ? requestedPoll : MIN_REMOTE_POLL_INTERVAL;
    this.reportTimeout = requirePositive("reportTimeout", b.reportTimeout);
    this.retryBackoff = requirePositive("retryBackoff", b.retryBackoff);
    this.connectTimeout = requirePositive("connectTimeout", b.connectTimeout);
    this.readTimeout = requirePositive("readTimeout", b.readTimeout);
    this.proxy = Optional.ofNullable(b.proxy);
    this.userAgent = b.userAgent != null ? b.userAgent : "criteo-jdbc/" + Version.VALUE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** API root, without a trailing slash; defaults to {@code https://api.criteo.com}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** OAuth2 token endpoint; defaults to {@code baseUrl + "/oauth2/token"}. */
  public URI tokenUrl() {
    return tokenUrl;
  }

  public String clientId() {
    return clientId;
  }

  public Secret clientSecret() {
    return clientSecret;
  }

  /** First path segment of every API call; the async endpoints live under {@code preview}. */
  public String apiVersion() {
    return apiVersion;
  }

  /** Client-side budget of report calls (create, status, output) per sliding minute, per application. */
  public int maxCallsPerMinute() {
    return maxCallsPerMinute;
  }

  /** Delay before the first status poll; later polls back off ×1.5 up to 60 s. */
  public Duration pollInterval() {
    return pollInterval;
  }

  /** How long one report may take from create to {@code Done}. */
  public Duration reportTimeout() {
    return reportTimeout;
  }

  /** Retries after a 5xx, an I/O error or a 429 before a call fails. */
  public int maxRetries() {
    return maxRetries;
  }

  /** Base of the exponential retry backoff (doubled per attempt, with jitter, capped at 30 s). */
  public Duration retryBackoff() {
    return retryBackoff;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Longest silence allowed while reading a response. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** An explicit proxy; when absent the JVM's proxy settings ({@code https.proxyHost}...) apply. */
  public Optional<ProxySettings> proxy() {
    return proxy;
  }

  public String userAgent() {
    return userAgent;
  }

  /** Whether {@link #baseUrl()} points at this machine (an emulator), which lifts the poll floor. */
  public boolean isLoopback() {
    return isLoopback(baseUrl);
  }

  static boolean isLoopback(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.equals("[::1]") || h.equals("::1")
        || IPV4_LOOPBACK.matcher(h).matches();
  }

  private static void requireHttpsUnlessLoopback(String name, URI uri) {
    if (uri.getHost() == null || uri.getScheme() == null) {
      throw new IllegalArgumentException(name + " must be an absolute URL such as https://api.criteo.com, got '"
          + uri + "'");
    }
    boolean https = uri.getScheme().equalsIgnoreCase("https");
    boolean plainLoopback = uri.getScheme().equalsIgnoreCase("http") && isLoopback(uri);
    if (!https && !plainLoopback) {
      throw new IllegalArgumentException(name + " must use https (plain http is only allowed for a loopback"
          + " emulator), got '" + uri + "'");
    }
  }

  private static URI withoutTrailingSlash(URI uri) {
    Objects.requireNonNull(uri, "baseUrl");
    String text = uri.toString();
    return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
  }

  private static int requireAtLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
    }
    return value;
  }

  private static Duration requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
    }
    return value;
  }

  @Override
  public String toString() {
    return "CriteoClientConfig{baseUrl=" + baseUrl + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId
        + ", clientSecret=" + clientSecret + ", apiVersion=" + apiVersion
        + ", maxCallsPerMinute=" + maxCallsPerMinute + ", pollInterval=" + pollInterval
        + ", reportTimeout=" + reportTimeout + ", maxRetries=" + maxRetries + ", retryBackoff=" + retryBackoff
        + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
        + ", proxy=" + proxy.map(ProxySettings::toString).orElse("(JVM default)")
        + ", userAgent=" + userAgent + "}";
  }

  /** Collects settings; {@link #build()} validates them. */
  public static final class Builder {
    private URI baseUrl = DEFAULT_BASE_URL;
    private URI tokenUrl;
    private String clientId;
    private Secret clientSecret;
    private String apiVersion = "preview";
    private int maxCallsPerMinute = 40;
    private Duration pollInterval = Duration.ofSeconds(5);
    private Duration reportTimeout = Duration.ofSeconds(900);
    private int maxRetries = 4;
    private Duration retryBackoff = Duration.ofSeconds(1);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private ProxySettings proxy;
    private String userAgent;

    private Builder() {}

    public Builder baseUrl(URI baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    public Builder baseUrl(String baseUrl) {
      return baseUrl(URI.create(baseUrl));
    }

    public Builder tokenUrl(URI tokenUrl) {
      this.tokenUrl = tokenUrl;
      return this;
    }

    public Builder tokenUrl(String tokenUrl) {
      return tokenUrl(URI.create(tokenUrl));
    }

    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    public Builder clientSecret(Secret clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    public Builder clientSecret(String clientSecret) {
      return clientSecret(clientSecret == null ? null : Secret.of(clientSecret));
    }

    public Builder apiVersion(String apiVersion) {
      this.apiVersion = apiVersion;
      return this;
    }

    public Builder maxCallsPerMinute(int maxCallsPerMinute) {
      this.maxCallsPerMinute = maxCallsPerMinute;
      return this;
    }

    /** Values under 5 s are raised to 5 s unless {@code baseUrl} is a loopback address. */
    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = pollInterval;
      return this;
    }

    public Builder reportTimeout(Duration reportTimeout) {
      this.reportTimeout = reportTimeout;
      return this;
    }

    public Builder maxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    public Builder retryBackoff(Duration retryBackoff) {
      this.retryBackoff = retryBackoff;
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = readTimeout;
      return this;
    }

    public Builder proxy(ProxySettings proxy) {
      this.proxy = proxy;
      return this;
    }

    public Builder userAgent(String userAgent) {
      this.userAgent = userAgent;
      return this;
    }

    public CriteoClientConfig build() {
      return new CriteoClientConfig(this);
    }
  }

  /** The module version, filtered in by Maven at build time. */
  private static final class Version {
    static final String VALUE = load();

    private static String load() {
      try (InputStream in = CriteoClientConfig.class.getResourceAsStream("criteo-client.properties")) {
        if (in == null) {
          return "dev";
        }
        Properties properties = new Properties();
        properties.load(in);
        return properties.getProperty("version", "dev");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
