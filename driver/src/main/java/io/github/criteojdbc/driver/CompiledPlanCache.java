package io.github.criteojdbc.driver;

/**
 * Lets Calcite reuse the compiled code of a plan it has compiled before. Each query's plan is
 * turned into Java source and compiled with Janino, which is the largest single cost of a query
 * answered from the result cache; BI tools and SQL clients repeat the same statements, and the
 * source of a repeated statement is identical. Calcite reads the setting once, when its
 * {@code CalciteSystemProperty} class loads, so it is set before the driver touches the planner; a
 * value the host already chose is kept.
 */
final class CompiledPlanCache {
  static final String MAX_SIZE_PROPERTY = "calcite.bindable.cache.maxSize";
  static final String DEFAULT_MAX_SIZE = "256";

  private CompiledPlanCache() {
  }

  static void enable() {
    if (System.getProperty(MAX_SIZE_PROPERTY) == null) {
      System.setProperty(MAX_SIZE_PROPERTY, DEFAULT_MAX_SIZE);
    }
  }
}
