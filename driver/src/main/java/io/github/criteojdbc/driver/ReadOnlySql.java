package io.github.criteojdbc.driver;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses statements that would change data or schema before Calcite parses or plans them: the
 * report tables are read-only, and Calcite's answer to a {@code DELETE} is a planner dump of
 * 100,000 characters. Looks only at the statement's first keyword (after comments, parentheses
 * and an {@code EXPLAIN ... FOR}); anything else, including a misspelt keyword, goes to the
 * parser, which reports it with its position.
 */
final class ReadOnlySql {
  /** Keywords that start a statement that is not a query. */
  private static final Set<String> MODIFYING = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "CREATE",
      "DROP", "ALTER", "TRUNCATE", "GRANT", "REVOKE", "RENAME", "REPLACE", "COMMENT", "CALL", "SET", "RESET",
      "COPY", "LOAD", "REFRESH", "VACUUM", "ANALYZE", "LOCK", "BEGIN", "START");

  private ReadOnlySql() {
  }

  /** Fails with SQLState 25006 when {@code sql} is not a query. */
  static void check(String sql) throws SQLException {
    if (sql == null) {
      throw new SQLException("The SQL text is null", SqlErrors.SYNTAX_OR_ACCESS_RULE);
    }
    int at = skipNoise(sql, 0);
    String first = word(sql, at);
    if (first.equals("EXPLAIN")) {
      // EXPLAIN PLAN [options] FOR <statement>
      int cursor = at + first.length();
      for (int words = 0; words < 12 && cursor < sql.length(); words++) {
        cursor = skipNoise(sql, cursor);
        String next = word(sql, cursor);
        if (next.isEmpty()) {
          break;
        }
        cursor += next.length();
        if (next.equals("FOR")) {
          first = word(sql, skipNoise(sql, cursor));
          break;
        }
      }
    }
    if (MODIFYING.contains(first)) {
      throw new SQLException("The driver is read-only: " + first + " statements are not supported; only SELECT"
          + " queries (and EXPLAIN PLAN FOR SELECT ...) run on the report tables", SqlErrors.READ_ONLY);
    }
  }

  private static int skipNoise(String sql, int from) {
    int at = from;
    while (at < sql.length()) {
      char c = sql.charAt(at);
      if (Character.isWhitespace(c) || c == '(' || c == ';') {
        at++;
      } else if (sql.startsWith("--", at)) {
        int end = sql.indexOf('\n', at);
        at = end < 0 ? sql.length() : end + 1;
      } else if (sql.startsWith("/*", at)) {
        int end = sql.indexOf("*/", at + 2);
        at = end < 0 ? sql.length() : end + 2;
      } else {
        break;
      }
    }
    return at;
  }

  private static String word(String sql, int from) {
    int end = from;
    while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
      end++;
    }
    return sql.substring(from, end).toUpperCase(Locale.ROOT);
  }
}
