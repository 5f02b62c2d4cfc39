package io.github.criteojdbc.sandbox.report;

import java.util.Iterator;
import java.util.List;

/** A computed result held in memory: the aggregated rows of a report. */
public record ListTable(List<ExportColumn> columns, List<Object[]> rowList) implements ExportTable {

  public ListTable {
    columns = List.copyOf(columns);
    rowList = List.copyOf(rowList);
  }

  @Override
  public long rowCount() {
    return rowList.size();
  }

  @Override
  public Iterator<Object[]> rows() {
    return rowList.stream().map(Object[]::clone).iterator();
  }
}
