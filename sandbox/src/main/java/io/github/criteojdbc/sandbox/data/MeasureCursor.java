package io.github.criteojdbc.sandbox.data;

/**
 * Computes the base measures of one fact at a time, remembering each value so a measure that drives several
 * others is computed once. Not thread-safe: one cursor per thread.
 */
public final class MeasureCursor {
  private final BaseMeasures measures;
  private final long[] values;
  private final int[] stamps;
  private int stamp;
  private HourlyFact fact;

  public MeasureCursor(BaseMeasures measures) {
    this.measures = measures;
    int size = measures.names().size();
    this.values = new long[size];
    this.stamps = new int[size];
  }

  public MeasureCursor moveTo(HourlyFact next) {
    fact = next;
    stamp++;
    return this;
  }

  /** The value of a base measure: a count, or EUR cents for money measures. */
  public long value(int index) {
    if (stamps[index] != stamp) {
      values[index] = measures.compute(fact, index, this);
      stamps[index] = stamp;
    }
    return values[index];
  }
}
