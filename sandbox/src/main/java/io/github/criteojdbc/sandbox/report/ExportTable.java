package io.github.criteojdbc.sandbox.report;

import java.util.Iterator;
import java.util.List;

/**
 * The result of a report as columns and rows. Row values are typed as they go to JSON: {@code Long} and
 * {@code Integer} (ids, counts, years), {@code BigDecimal} (money), {@code Double} (ratios), {@code String},
 * {@code LocalDate}, {@code LocalDateTime}, or {@code null}.
 */
public interface ExportTable {
  List<ExportColumn> columns();

  long rowCount();

  /** A fresh pass over the rows; implementations may generate them on the fly. */
  Iterator<Object[]> rows();
}
