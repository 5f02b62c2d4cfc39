package io.github.criteojdbc.driver;

/**
 * Makes Calcite encode string literals in UTF-8 instead of ISO-8859-1, so that
 * {@code WHERE campaign = 'Кампания'} works. Calcite reads these settings once, when its
 * {@code CalciteSystemProperty} class loads, so they are set before the driver touches the
 * planner; a value the host already chose is kept.
 */
final class Utf8Defaults {
  private Utf8Defaults() {
  }

  static void apply() {
    setIfAbsent("calcite.default.charset", "UTF-8");
    setIfAbsent("calcite.default.nationalcharset", "UTF-8");
    setIfAbsent("calcite.default.collation.name", "UTF-8$en_US");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
