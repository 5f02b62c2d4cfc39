package io.github.criteojdbc.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** How a sandbox starts: its credentials, port, amount of history and clock. Immutable; see {@link #builder()}. */
public final class SandboxOptions {
  public static final String DEFAULT_CLIENT_ID = "sandbox-client";
  public static final String DEFAULT_CLIENT_SECRET = "sandbox-secret";
  public static final int DEFAULT_DATA_DAYS = 120;
  /** The async guide promises at least an hour of cache; the sandbox keeps results exactly that long. */
  public static final Duration DEFAULT_REPORT_TTL = Duration.ofHours(1);

  private final String clientId;
  private final String clientSecret;
  private final Map<String, String> extraClients;
  private final int port;
  private final int dataDays;
  private final Clock clock;
  private final Duration reportTtl;

  private SandboxOptions(Builder builder) {
    this.clientId = builder.clientId;
    this.clientSecret = builder.clientSecret;
    this.extraClients = Map.copyOf(builder.extraClients);
    this.port = builder.port;
    this.dataDays = builder.dataDays;
    this.clock = builder.clock;
    this.reportTtl = builder.reportTtl;
  }

  public static SandboxOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public String clientId() {
    return clientId;
  }

  public String clientSecret() {
    return clientSecret;
  }

  /** Every accepted client id with its secret, the main one included. */
  public Map<String, String> credentials() {
    Map<String, String> all = new LinkedHashMap<>();
    all.put(clientId, clientSecret);
    all.putAll(extraClients);
    return Map.copyOf(all);
  }

  public int port() {
    return port;
  }

  public int dataDays() {
    return dataDays;
  }

  public Clock clock() {
    return clock;
  }

  public Duration reportTtl() {
    return reportTtl;
  }

  /** Builds {@link SandboxOptions}; every setting has a default. */
  public static final class Builder {
    private String clientId = DEFAULT_CLIENT_ID;
    private String clientSecret = DEFAULT_CLIENT_SECRET;
    private final Map<String, String> extraClients = new LinkedHashMap<>();
    private int port;
    private int dataDays = DEFAULT_DATA_DAYS;
    private Clock clock = Clock.systemUTC();
    private Duration reportTtl = DEFAULT_REPORT_TTL;

    private Builder() {}

    public Builder clientId(String clientId) {
      this.clientId = Objects.requireNonNull(clientId);
      return this;
    }

    public Builder clientSecret(String clientSecret) {
      this.clientSecret = Objects.requireNonNull(clientSecret);
      return this;
    }

    /** Another application that may get tokens; it has its own reports and rate-limit window. */
    public Builder addClient(String id, String secret) {
      extraClients.put(Objects.requireNonNull(id), Objects.requireNonNull(secret));
      return this;
    }

    /** The loopback port to listen on; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /** Days of hourly history before today (default 120). */
    public Builder dataDays(int dataDays) {
      if (dataDays < 1) {
        throw new IllegalArgumentException("dataDays must be at least 1: " + dataDays);
      }
      this.dataDays = dataDays;
      return this;
    }

    /** The clock for "now": data window, token and report expiry, rate-limit windows (default system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** How long a report or export stays available after its creation (default one hour). */
    public Builder reportTtl(Duration reportTtl) {
      this.reportTtl = Objects.requireNonNull(reportTtl);
      return this;
    }

    public SandboxOptions build() {
      return new SandboxOptions(this);
    }
  }
}
