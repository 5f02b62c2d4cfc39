package io.github.criteojdbc.sandbox.mpo;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The MPO export metrics, accepted in any letter case. */
public enum MpoMetric {
  CLICKS("clicks"),
  DISPLAYS("displays"),
  COST("cost");

  public static final List<MpoMetric> DEFAULTS = List.of(CLICKS, DISPLAYS, COST);

  private final String columnName;

  MpoMetric(String columnName) {
    this.columnName = columnName;
  }

  public String columnName() {
    return columnName;
  }

  public static Optional<MpoMetric> byName(String name) {
    return Arrays.stream(values()).filter(value -> value.columnName.equalsIgnoreCase(name)).findFirst();
  }
}
