package io.github.criteojdbc.corpus;

/**
 * What one getter gave for one cell, canonically rendered, or what it threw.
 *
 * @param approximate the getter returns a double ({@code getDouble}), so it must agree with the cell's value
 *     rounded as a double, not exactly
 */
record CellReading(String getter, String value, boolean approximate) {
  private static final String THREW = "threw ";
  /** Identity hashes ({@code [Ljava.lang.Object;@1b2c3d}) differ between JVMs; what they say does not. */
  private static final java.util.regex.Pattern IDENTITY_HASH = java.util.regex.Pattern.compile("@[0-9a-f]{4,}");

  CellReading {
    value = IDENTITY_HASH.matcher(value).replaceAll("@...");
  }

  static CellReading threw(String getter, Throwable e, boolean approximate) {
    return new CellReading(getter, THREW + e.getClass().getSimpleName() + ": " + e.getMessage(), approximate);
  }

  boolean failed() {
    return value.startsWith(THREW);
  }

  /** Whether this getter says what {@code getObject} said ({@code reference}), and neither threw. */
  boolean agreesWith(CellReading reference) {
    if (failed() || reference.failed()) {
      return false;
    }
    return value.equals(approximate ? CanonicalValue.approximateOf(reference.value()) : reference.value());
  }
}
