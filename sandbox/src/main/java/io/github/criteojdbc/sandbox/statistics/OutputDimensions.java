package io.github.criteojdbc.sandbox.statistics;

import io.github.criteojdbc.sandbox.catalog.AsyncDimension;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The dimension columns of an output: the requested dimensions in order, where asking for either half of an
 * id/name pair brings both, id first, at the position of the first one asked for (criteo-api.md §3.1).
 */
final class OutputDimensions {
  private OutputDimensions() {}

  static List<AsyncDimension> of(List<AsyncDimension> requested) {
    Set<AsyncDimension> columns = new LinkedHashSet<>();
    for (AsyncDimension dimension : requested) {
      dimension.pair().ifPresentOrElse(pair -> {
        boolean isId = dimension.kind() == AsyncDimension.Kind.ID;
        columns.add(isId ? dimension : pair);
        columns.add(isId ? pair : dimension);
      }, () -> columns.add(dimension));
    }
    return List.copyOf(columns);
  }
}
