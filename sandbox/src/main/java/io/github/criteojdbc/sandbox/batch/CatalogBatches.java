package io.github.criteojdbc.sandbox.batch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The catalog batches whose reports the sandbox serves. Tests register batches here; a few
 * {@linkplain #SAMPLE_TOKENS sample batches} are registered when the sandbox starts. Every report call on a batch
 * counts as one poll and moves it along {@code ACCEPTED} → {@code IN_PROGRESS} → its final status.
 */
public final class CatalogBatches {
  /** The spec: "The report is available for 4 days". */
  public static final Duration RETENTION = Duration.ofDays(4);
  /** Tokens of the sample batches every sandbox starts with. */
  public static final String VALIDATED_SAMPLE = "sandbox-batch-validated";
  public static final String WITH_ERRORS_SAMPLE = "sandbox-batch-with-errors";
  public static final String FAILED_SAMPLE = "sandbox-batch-failed";
  public static final String EXPIRED_SAMPLE = "sandbox-batch-expired";

  private final Clock clock;
  private final Map<String, Registered> batches = new ConcurrentHashMap<>();

  public CatalogBatches(Clock clock) {
    this.clock = clock;
    registerSamples();
  }

  /** Registers (or replaces) a batch; its poll count starts at zero. */
  public CatalogBatch register(CatalogBatch batch) {
    batches.put(batch.operationToken(), new Registered(batch, new AtomicInteger()));
    return batch;
  }

  /** A registered batch, expired or not, for tests that compute expected rows. */
  public Optional<CatalogBatch> batch(String operationToken) {
    return Optional.ofNullable(batches.get(operationToken)).map(Registered::batch);
  }

  /** What a report call on this token sees, counting it as a poll. */
  public Lookup poll(String operationToken) {
    Registered registered = batches.get(operationToken);
    if (registered == null) {
      return new Lookup.Unknown();
    }
    CatalogBatch batch = registered.batch();
    Instant expiry = batch.importRequestTime().plus(RETENTION);
    if (!clock.instant().isBefore(expiry)) {
      return new Lookup.Expired(expiry);
    }
    int poll = registered.polls().incrementAndGet();
    BatchStatus status = poll <= batch.acceptedPolls() ? BatchStatus.ACCEPTED
        : poll <= batch.acceptedPolls() + batch.inProgressPolls() ? BatchStatus.IN_PROGRESS
        : batch.finalStatus();
    return new Lookup.Found(batch, status);
  }

  /** The result of a report call on a token. */
  public sealed interface Lookup {
    record Found(CatalogBatch batch, BatchStatus status) implements Lookup {}

    record Expired(Instant expiredAt) implements Lookup {}

    record Unknown() implements Lookup {}
  }

  private record Registered(CatalogBatch batch, AtomicInteger polls) {}

  /** Deterministic batches sent an hour (or five days, for the expired one) before the sandbox started. */
  private void registerSamples() {
    Instant anHourAgo = clock.instant().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    register(CatalogBatch.builder(VALIDATED_SAMPLE, anHourAgo).products(3, 2, 1).build());
    register(CatalogBatch.builder(WITH_ERRORS_SAMPLE, anHourAgo).products(5, 3, 0)
        .error("SKU-1001", "MissingImages", "imageLink: field is required", false)
        .error("SKU-1001", "InvalidProductUrl", "link: 'htp://shop.example/1001' is not a valid URL", false)
        .error("SKU-1002", "OverlargeID", "id: longer than 240 characters", false)
        .warning("SKU-1003", "InvalidBadgeUrl", "adultBadgeLink: 'badge' is not a valid URL", false)
        .build());
    register(CatalogBatch.builder(FAILED_SAMPLE, anHourAgo).products(2, 0, 0)
        .error("SKU-2001", "ConfigurationError", "merchant 123 has no catalog configured", true)
        .failed().build());
    register(CatalogBatch.builder(EXPIRED_SAMPLE, anHourAgo.minus(Duration.ofDays(5))).products(1, 1, 0).build());
  }
}
