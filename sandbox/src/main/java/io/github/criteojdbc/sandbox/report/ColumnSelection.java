package io.github.criteojdbc.sandbox.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Which columns a download writes in its header/metadata and which in its rows, after the column faults: a
 * dropped column leaves both, a metadata mismatch removes the last column from the header only.
 */
record ColumnSelection(List<Integer> headerColumns, List<Integer> rowColumns) {

  static ColumnSelection of(List<ExportColumn> columns, DownloadFaults faults) {
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      if (!columns.get(i).name().equalsIgnoreCase(String.valueOf(faults.droppedColumn()))) {
        kept.add(i);
      }
    }
    List<Integer> header = faults.metadataMismatch() && !kept.isEmpty() ? kept.subList(0, kept.size() - 1) : kept;
    return new ColumnSelection(List.copyOf(header), List.copyOf(kept));
  }
}
