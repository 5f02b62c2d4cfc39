package io.github.criteojdbc.sandbox.data;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Deterministic pseudo-randomness: every synthetic value is a pure function of its keys, so history never
 * changes as the clock moves and two runs (or two machines) see the same data.
 */
public final class Hashing {
  private static final long ROOT_SEED = 0x5EED_C0FF_EE15_2026L;

  private Hashing() {}

  /** SplitMix64's finaliser: a well-spread 64-bit mix of one value. */
  public static long mix(long value) {
    long z = value + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Combines keys in order; {@code seed(a, b) != seed(b, a)}. */
  public static long seed(long... keys) {
    long h = ROOT_SEED;
    for (long key : keys) {
      h = mix(h ^ key);
    }
    return h;
  }

  /** A stable key for a name, used to give every measure and dimension its own stream of values. */
  public static long salt(String name) {
    long h = ROOT_SEED;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h = mix(h ^ b);
    }
    return h;
  }

  /** A uniform double in [0, 1) from the high 53 bits. */
  public static double unit(long hash) {
    return (hash >>> 11) * 0x1.0p-53;
  }

  /** A second, independent uniform double in [0, 1) from the same hash. */
  public static double secondUnit(long hash) {
    return unit(mix(hash));
  }

  public static <T> T pick(List<T> options, long hash) {
    return options.get((int) Math.floorMod(hash, (long) options.size()));
  }

  /** Rounds down or up at random in proportion to the fraction, so sums of many rounded values stay unbiased. */
  public static long stochasticRound(double value, double uniform) {
    return (long) Math.floor(value + uniform);
  }
}
