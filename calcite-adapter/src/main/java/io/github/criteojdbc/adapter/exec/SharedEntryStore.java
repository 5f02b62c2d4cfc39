package io.github.criteojdbc.adapter.exec;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Bytes under a name, by application, that the servers of a team share (such as Redis), each kept
 * until its expiry. Names and applications are digests: they say nothing of the account or the
 * request. An implementation that cannot reach its store answers empty and keeps nothing, so that
 * queries go on without it.
 */
public interface SharedEntryStore {
  Optional<byte[]> get(String application, String name);

  /** The names of the unexpired entries of one application, with their expiry: an entry written again has another. */
  Map<String, Instant> index(String application);

  /** The entries of {@code names} that are there. */
  Map<String, byte[]> getAll(String application, Collection<String> names);

  void put(String application, String name, byte[] entry, Instant expiresAt);

  /**
   * Takes {@code name} for {@code ttl}, unless another holder has it: the servers of a team so
   * fetch a report once. True also when the store cannot be reached, so that queries go on.
   */
  boolean claim(String application, String name, Duration ttl);

  /** Gives back a name this store claimed; a name another holder has is left alone. */
  void release(String application, String name);
}
