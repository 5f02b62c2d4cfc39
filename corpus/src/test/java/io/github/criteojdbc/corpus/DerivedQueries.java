package io.github.criteojdbc.corpus;

/**
 * The queries the relations derive from a corpus query, wrapped as clients wrap it. The inner query always ends
 * with a line break, so a trailing {@code --} comment cannot swallow the closing parenthesis.
 */
final class DerivedQueries {
  private DerivedQueries() {
  }

  /** DBeaver's and Superset's wrapping; also a BI tool's "question on a saved question". */
  static String selectAllFrom(String q) {
    return "SELECT * FROM (\n" + body(q) + "\n) t";
  }

  /** DBeaver's row count and Spark's {@code count()}. */
  static String countFrom(String q) {
    return "SELECT COUNT(*) FROM (\n" + body(q) + "\n) t";
  }

  static String filtered(String q, String condition) {
    return selectAllFrom(q) + " WHERE " + condition;
  }

  /** {@code q LIMIT n}; a query that already limits itself is wrapped first. */
  static String limited(String q, int n) {
    String body = body(q);
    boolean limitsItself = body.toUpperCase(java.util.Locale.ROOT).matches("(?s).*\\b(LIMIT|FETCH|OFFSET)\\b.*");
    return (limitsItself ? selectAllFrom(body) : body + "\n") + " LIMIT " + n;
  }

  private static String body(String q) {
    return q.strip().replaceAll(";$", "");
  }
}
