package io.github.criteojdbc.adapter.exec;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** An inclusive range of days, in the report time zone. */
public final class DateRange {
  private final LocalDate start;
  private final LocalDate end;

  public DateRange(LocalDate start, LocalDate end) {
    this.start = Objects.requireNonNull(start, "start");
    this.end = Objects.requireNonNull(end, "end");
    if (start.isAfter(end)) {
      throw new IllegalArgumentException("start " + start + " is after end " + end);
    }
  }

  public LocalDate start() {
    return start;
  }

  public LocalDate end() {
    return end;
  }

  public long days() {
    return ChronoUnit.DAYS.between(start, end) + 1;
  }

  @Override public boolean equals(Object o) {
    return o instanceof DateRange && start.equals(((DateRange) o).start)
        && end.equals(((DateRange) o).end);
  }

  @Override public int hashCode() {
    return Objects.hash(start, end);
  }

  @Override public String toString() {
    return start + ".." + end;
  }
}
