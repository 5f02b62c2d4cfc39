package io.github.criteojdbc.corpus;

import java.sql.ResultSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads every cell of a result through every getter of its type ({@link CellReadings}) and keeps the getters that
 * disagree with {@code getObject}: one line per column and getter, with its first disagreeing value.
 */
final class GetterDisagreements implements CellObserver {
  private final Set<String> problems = new LinkedHashSet<>();
  private final Set<String> reported = new HashSet<>();

  @Override
  public void observe(ResultSet rs, int column, String label, String typeName, ValueKind kind) {
    List<CellReading> readings = CellReadings.read(rs, column, kind);
    CellReading reference = readings.get(0);
    for (CellReading reading : readings) {
      if (!reading.agreesWith(reference) && reported.add(label + "/" + reading.getter())) {
        problems.add(label + " (" + typeName + "): " + reading.getter() + " gave " + reading.value()
            + " where getObject gave " + reference.value());
      }
    }
  }

  Set<String> problems() {
    return Set.copyOf(problems);
  }
}
