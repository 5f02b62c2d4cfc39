package io.github.criteojdbc.driver.shell;

import java.util.List;

import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.JaninoRelMetadataProvider;
import org.apache.calcite.rel.metadata.MetadataHandler;

/**
 * Compiles, on a thread of its own, the metadata handlers Calcite's planner asks for in every query.
 * Calcite generates them as Java source and compiles them with Janino once per JVM, the first time a
 * plan needs them: about a third of a second of the shell's first statement, spent on one processor
 * while the other waits. Started before sqlline, the compilation runs beside the shell's start and
 * connection instead, and the first plan finds the handlers compiled. Only class literals and
 * Calcite's handler cache are touched, so nothing here depends on the order in which the two threads
 * initialise Calcite's classes.
 */
final class MetadataWarmUp {
  /** The handlers that planning any {@code SELECT … GROUP BY} on a report table asks for. */
  static final List<Class<? extends MetadataHandler<?>>> EVERY_QUERY = List.of(
      BuiltInMetadata.Collation.Handler.class,
      BuiltInMetadata.NonCumulativeCost.Handler.class,
      BuiltInMetadata.NodeTypes.Handler.class,
      BuiltInMetadata.Predicates.Handler.class,
      BuiltInMetadata.ColumnUniqueness.Handler.class,
      BuiltInMetadata.RowCount.Handler.class,
      BuiltInMetadata.Selectivity.Handler.class,
      BuiltInMetadata.DistinctRowCount.Handler.class);

  private MetadataWarmUp() {
  }

  static void startInBackground() {
    Thread thread = new Thread(MetadataWarmUp::compileQuietly, "criteo-shell-metadata-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  /** The handlers, compiled and kept in Calcite's cache, where the planner's own lookups find them. */
  static List<MetadataHandler<?>> compile() {
    return EVERY_QUERY.stream().<MetadataHandler<?>>map(JaninoRelMetadataProvider.DEFAULT::revise).toList();
  }

  /**
   * A handler that fails to compile here fails the same way when the planner compiles it, where the
   * statement reports it; the shell's output must not get a second, earlier copy of that failure.
   */
  private static void compileQuietly() {
    try {
      compile();
    } catch (RuntimeException | LinkageError ignored) {
      // The planner compiles the handler itself, and reports the failure with the statement.
    }
  }
}
