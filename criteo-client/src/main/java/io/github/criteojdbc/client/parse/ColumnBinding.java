package io.github.criteojdbc.client.parse;

import io.github.criteojdbc.client.ColumnRequest;
import io.github.criteojdbc.client.OutputColumn;
import io.github.criteojdbc.client.ReportFormatException;
import io.github.criteojdbc.client.RowShape;
import io.github.criteojdbc.client.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Where each requested column comes from in the output's column order (matched case-insensitively). */
public final class ColumnBinding {
  private static final int[] NONE = new int[0];

  private final List<OutputColumn> outputColumns;
  /** For each output column, the requested positions it fills (usually zero or one). */
  private final int[][] targetsByOutput;
  /** The type of each requested position, read once per value. */
  private final ValueType[] types;

  private ColumnBinding(List<OutputColumn> outputColumns, RowShape shape, int[][] targetsByOutput) {
    this.outputColumns = outputColumns;
    this.targetsByOutput = targetsByOutput;
    this.types = shape.columns().stream().map(ColumnRequest::type).toArray(ValueType[]::new);
  }

  /** @throws ReportFormatException listing missing and available columns if a required one is absent */
  public static ColumnBinding bind(List<OutputColumn> outputColumns, RowShape shape, String reportId) {
    List<List<Integer>> targets = new ArrayList<>();
    outputColumns.forEach(c -> targets.add(new ArrayList<>()));
    List<String> missing = new ArrayList<>();
    List<ColumnRequest> requested = shape.columns();
    for (int i = 0; i < requested.size(); i++) {
      int source = indexOf(outputColumns, requested.get(i).apiName());
      if (source >= 0) {
        targets.get(source).add(i);
      } else if (requested.get(i).required()) {
        missing.add(requested.get(i).apiName());
      }
    }
    if (!missing.isEmpty()) {
      throw new ReportFormatException("Report " + reportId + " output lacks required column(s) " + missing
          + "; available: " + outputColumns.stream().map(OutputColumn::name).toList()
          + ". The API did not return what was asked; check the dimension/metric names");
    }
    int[][] byOutput = new int[outputColumns.size()][];
    for (int j = 0; j < byOutput.length; j++) {
      byOutput[j] = targets.get(j).isEmpty() ? NONE : targets.get(j).stream().mapToInt(Integer::intValue).toArray();
    }
    return new ColumnBinding(List.copyOf(outputColumns), shape, byOutput);
  }

  private static int indexOf(List<OutputColumn> columns, String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    for (int j = 0; j < columns.size(); j++) {
      String candidate = columns.get(j).name();
      if (candidate != null && candidate.toLowerCase(Locale.ROOT).equals(wanted)) {
        return j;
      }
    }
    return -1;
  }

  public List<OutputColumn> outputColumns() {
    return outputColumns;
  }

  public int outputWidth() {
    return targetsByOutput.length;
  }

  public int rowWidth() {
    return types.length;
  }

  /** Requested positions that output column {@code outputIndex} fills; empty when nobody asked for it. */
  public int[] targetsOf(int outputIndex) {
    return targetsByOutput[outputIndex];
  }

  public ValueType typeAt(int rowIndex) {
    return types[rowIndex];
  }

  public String outputName(int outputIndex) {
    return outputColumns.get(outputIndex).name();
  }
}
