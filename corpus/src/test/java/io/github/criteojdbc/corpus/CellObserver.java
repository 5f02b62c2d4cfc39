package io.github.criteojdbc.corpus;

import java.sql.ResultSet;

/** Looks at each cell while a result is read, before {@code getObject} reads it for the row. */
interface CellObserver {
  CellObserver NONE = (rs, column, label, typeName, kind) -> { };

  void observe(ResultSet rs, int column, String label, String typeName, ValueKind kind);
}
