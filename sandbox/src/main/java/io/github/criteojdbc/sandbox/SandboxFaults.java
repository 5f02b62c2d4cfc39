package io.github.criteojdbc.sandbox;

import io.github.criteojdbc.sandbox.report.DownloadFaults;
import io.github.criteojdbc.sandbox.report.ReportVariant;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

/**
 * Switches that make the sandbox misbehave on purpose, to test how clients cope. Thread-safe and changeable
 * while the server runs; every setter returns {@code this} so switches chain. "Next n" switches count down as
 * they fire. Report-shaping switches (pending, failure, expiry, synthetic rows) apply to reports created while
 * they are set; download switches apply to downloads started while they are set. {@link #reset()} restores the
 * defaults.
 */
public final class SandboxFaults {
  static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(900);

  private Duration tokenLifetime;
  private OptionalInt pendingPolls;
  private ReportVariant pinnedVariant;
  private Duration pendingFor;
  private boolean neverFinish;
  private final Countdown failingReports = new Countdown();
  private String failureMessage;
  private final Countdown expiringReports = new Countdown();
  private final Countdown expiringAfterDone = new Countdown();
  private int rateLimitPerMinute;
  private final Countdown throttledCalls = new Countdown();
  private boolean throttleWithResetHeader;
  private final Map<Endpoint, Integer> failingCalls = new EnumMap<>(Endpoint.class);
  private final Map<Endpoint, Integer> droppedCalls = new EnumMap<>(Endpoint.class);
  private final Map<Endpoint, Integer> lostResponses = new EnumMap<>(Endpoint.class);
  private double serverErrorProbability;
  private Random serverErrorRandom;
  private final Countdown truncatedDownloads = new Countdown();
  private final Countdown malformedDownloads = new Countdown();
  private String droppedColumn;
  private final Countdown droppedColumnOutputs = new Countdown();
  private final Countdown mismatchedOutputs = new Countdown();
  private Duration latency;
  private Duration delayPerThousandRows;
  private long syntheticOutputRows;
  private boolean deprecationHeaders;
  private boolean withoutCatalogReadScope;

  SandboxFaults() {
    reset();
  }

  /** Restores every switch to its default: no faults, 900 s tokens, reports varying as their serial says. */
  public synchronized SandboxFaults reset() {
    tokenLifetime = DEFAULT_TOKEN_LIFETIME;
    pendingPolls = OptionalInt.empty();
    pinnedVariant = null;
    pendingFor = Duration.ZERO;
    neverFinish = false;
    failingReports.set(0);
    failureMessage = null;
    expiringReports.set(0);
    expiringAfterDone.set(0);
    rateLimitPerMinute = 0;
    throttledCalls.set(0);
    throttleWithResetHeader = false;
    failingCalls.clear();
    droppedCalls.clear();
    lostResponses.clear();
    serverErrorProbability = 0;
    serverErrorRandom = null;
    truncatedDownloads.set(0);
    malformedDownloads.set(0);
    droppedColumn = null;
    droppedColumnOutputs.set(0);
    mismatchedOutputs.set(0);
    latency = Duration.ZERO;
    delayPerThousandRows = Duration.ZERO;
    syntheticOutputRows = 0;
    deprecationHeaders = false;
    withoutCatalogReadScope = false;
    return this;
  }

  /** The lifetime of tokens issued from now on ({@code expires_in}); default 900 s. */
  public synchronized SandboxFaults tokenLifetime(Duration lifetime) {
    this.tokenLifetime = positiveOrZero(lifetime);
    return this;
  }

  /** The next {@code n} token requests fail with 500. */
  public SandboxFaults failNextTokenRequests(int n) {
    return failNextCalls(Endpoint.TOKEN, n);
  }

  /**
   * New reports answer Pending to this many status calls before showing their outcome, whatever their variant
   * says; by default each report's variant decides (0 to 3).
   */
  public synchronized SandboxFaults pendingPolls(int n) {
    this.pendingPolls = OptionalInt.of(count(n));
    return this;
  }

  /**
   * New reports answer in this variant instead of the one their serial number picks, e.g. {@code
   * ReportVariant.spec()} or {@code ReportVariant.spec().withMetadataKey("metaData")} for a focused test;
   * {@code pendingPolls(n)} still overrides its number of Pending polls. {@code null} lets reports vary again.
   */
  public synchronized SandboxFaults pinVariant(ReportVariant variant) {
    this.pinnedVariant = variant;
    return this;
  }

  /** New reports stay Pending until this long after their creation, however often they are polled. */
  public synchronized SandboxFaults pendingFor(Duration duration) {
    this.pendingFor = positiveOrZero(duration);
    return this;
  }

  /** While on, no report or export leaves Pending. */
  public synchronized SandboxFaults neverFinish(boolean on) {
    this.neverFinish = on;
    return this;
  }

  /** The next {@code n} new reports end in status Failure with this message. */
  public synchronized SandboxFaults failNextReports(int n, String message) {
    failingReports.set(count(n));
    this.failureMessage = Objects.requireNonNull(message);
    return this;
  }

  /** The next {@code n} new reports end in status Expired instead of Done; their output answers expired. */
  public synchronized SandboxFaults expireNextReports(int n) {
    expiringReports.set(count(n));
    return this;
  }

  /** The next {@code n} new reports reach Done, but their first download answers expired and they turn Expired. */
  public synchronized SandboxFaults expireAfterDone(int n) {
    expiringAfterDone.set(count(n));
    return this;
  }

  /**
   * At most this many report calls (create, status, output of every report endpoint) per client id in any
   * sliding 60 s window; more get 429 {@code too-many-requests}. While set, every report call carries the
   * {@code x-ratelimit-*} headers. 0 (default) switches the limit off.
   */
  public synchronized SandboxFaults rateLimitPerMinute(int limit) {
    this.rateLimitPerMinute = count(limit);
    return this;
  }

  /** The next {@code n} report calls get 429, with an {@code x-ratelimit-reset} one second ahead or without it. */
  public synchronized SandboxFaults throttleNext(int n, boolean withResetHeader) {
    throttledCalls.set(count(n));
    this.throttleWithResetHeader = withResetHeader;
    return this;
  }

  /** The next {@code n} calls of this kind fail with 500 and an {@code internal-error} envelope. */
  public synchronized SandboxFaults failNextCalls(Endpoint kind, int n) {
    failingCalls.put(Objects.requireNonNull(kind), count(n));
    return this;
  }

  /** The next {@code n} calls of this kind have their connection closed without any response. */
  public synchronized SandboxFaults dropNextCalls(Endpoint kind, int n) {
    droppedCalls.put(Objects.requireNonNull(kind), count(n));
    return this;
  }

  /**
   * The next {@code n} calls of this kind are carried out (a create creates its report) but their connection is
   * closed before the response: the client cannot tell whether the call took effect.
   */
  public synchronized SandboxFaults loseNextResponses(Endpoint kind, int n) {
    lostResponses.put(Objects.requireNonNull(kind), count(n));
    return this;
  }

  /** Each report call fails with 500 with this probability, drawn from a generator with this seed. */
  public synchronized SandboxFaults randomServerErrors(double probability, long seed) {
    if (probability < 0 || probability > 1) {
      throw new IllegalArgumentException("probability must be within [0, 1]: " + probability);
    }
    this.serverErrorProbability = probability;
    this.serverErrorRandom = new Random(seed);
    return this;
  }

  /** The next {@code n} downloads stop after half their rows and close the connection mid-body. */
  public synchronized SandboxFaults truncateNextDownloads(int n) {
    truncatedDownloads.set(count(n));
    return this;
  }

  /** The next {@code n} downloads carry invalid JSON or CSV after half their rows (the response itself completes). */
  public synchronized SandboxFaults malformedNextDownloads(int n) {
    malformedDownloads.set(count(n));
    return this;
  }

  /** The next {@code n} downloads leave out this column (matched ignoring case) from metadata/header and rows. */
  public synchronized SandboxFaults dropColumnFromNextOutputs(String column, int n) {
    this.droppedColumn = Objects.requireNonNull(column);
    droppedColumnOutputs.set(count(n));
    return this;
  }

  /** The next {@code n} downloads list one column fewer in their metadata/header than their rows carry. */
  public synchronized SandboxFaults metadataMismatchNext(int n) {
    mismatchedOutputs.set(count(n));
    return this;
  }

  /** Every request waits this long before it is handled. */
  public synchronized SandboxFaults latency(Duration delay) {
    this.latency = positiveOrZero(delay);
    return this;
  }

  /** Downloads pause this long after every thousand rows. */
  public synchronized SandboxFaults slowDownloads(Duration perThousandRows) {
    this.delayPerThousandRows = positiveOrZero(perThousandRows);
    return this;
  }

  /**
   * New statistics reports output exactly {@code n} generated rows of the requested columns, streamed in constant
   * memory (for volume tests); 0 (default) switches back to real aggregation.
   */
  public synchronized SandboxFaults syntheticOutputRows(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("row count must not be negative: " + n);
    }
    this.syntheticOutputRows = n;
    return this;
  }

  /** While on, every versioned API response carries {@code Deprecation: true} and a {@code Sunset} date. */
  public synchronized SandboxFaults deprecationHeaders(boolean on) {
    this.deprecationHeaders = on;
    return this;
  }

  /** While on, the catalog batch report answers 403, as for an app without {@code MarketingSolutions_Catalog_Read}. */
  public synchronized SandboxFaults withoutCatalogReadScope(boolean on) {
    this.withoutCatalogReadScope = on;
    return this;
  }

  synchronized Duration tokenLifetime() {
    return tokenLifetime;
  }

  synchronized OptionalInt pendingPolls() {
    return pendingPolls;
  }

  synchronized Optional<ReportVariant> pinnedVariant() {
    return Optional.ofNullable(pinnedVariant);
  }

  synchronized Duration pendingFor() {
    return pendingFor;
  }

  synchronized boolean neverFinish() {
    return neverFinish;
  }

  synchronized Optional<String> takeReportFailure() {
    return failingReports.take() ? Optional.of(failureMessage) : Optional.empty();
  }

  synchronized boolean takeReportExpiry() {
    return expiringReports.take();
  }

  synchronized boolean takeExpireAfterDone() {
    return expiringAfterDone.take();
  }

  synchronized int rateLimitPerMinute() {
    return rateLimitPerMinute;
  }

  /** Empty when the call is not throttled; else whether to send {@code x-ratelimit-reset}. */
  synchronized Optional<Boolean> takeThrottle() {
    return throttledCalls.take() ? Optional.of(throttleWithResetHeader) : Optional.empty();
  }

  synchronized boolean takeFailure(Endpoint kind) {
    return takeOne(failingCalls, kind);
  }

  synchronized boolean takeDrop(Endpoint kind) {
    return takeOne(droppedCalls, kind);
  }

  synchronized boolean takeLostResponse(Endpoint kind) {
    return takeOne(lostResponses, kind);
  }

  synchronized boolean takeRandomServerError() {
    return serverErrorRandom != null && serverErrorRandom.nextDouble() < serverErrorProbability;
  }

  synchronized DownloadFaults takeDownloadFaults() {
    return new DownloadFaults(truncatedDownloads.take(), malformedDownloads.take(),
        droppedColumnOutputs.take() ? droppedColumn : null, mismatchedOutputs.take(), delayPerThousandRows);
  }

  synchronized Duration latency() {
    return latency;
  }

  synchronized long syntheticOutputRows() {
    return syntheticOutputRows;
  }

  synchronized boolean deprecationHeaders() {
    return deprecationHeaders;
  }

  synchronized boolean withoutCatalogReadScope() {
    return withoutCatalogReadScope;
  }

  /** A "next n" switch; guarded by the lock of its {@link SandboxFaults}. */
  private static final class Countdown {
    private int left;

    void set(int n) {
      left = n;
    }

    boolean take() {
      if (left == 0) {
        return false;
      }
      left--;
      return true;
    }
  }

  private static boolean takeOne(Map<Endpoint, Integer> counters, Endpoint kind) {
    int left = counters.getOrDefault(kind, 0);
    if (left == 0) {
      return false;
    }
    counters.put(kind, left - 1);
    return true;
  }

  private static int count(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("count must not be negative: " + n);
    }
    return n;
  }

  private static Duration positiveOrZero(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative: " + duration);
    }
    return duration;
  }
}
