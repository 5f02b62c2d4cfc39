package io.github.criteojdbc.corpus;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One query of the corpus as a client sends it, with what the relations need to derive other queries from it.
 *
 * @param id unique, names the dynamic tests
 * @param origin which client generates this shape, and where that was seen
 * @param sql the query, with {@link CorpusDates} placeholders
 * @param predicate a condition on the query's output columns (qualified by {@code t}), for the partition relation
 * @param prepared the same question with {@code ?} parameters, when a client binds them
 * @param reference the same question in H2 over the raw facts ({@link ReferenceDatabase}), written by hand
 * @param timeDependent the answer moves with the clock (relative windows reaching into the last hours), so it is
 *     compared only within one run, never across JVMs or with the reference engine
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record CorpusCase(
    String id,
    String origin,
    String sql,
    String predicate,
    PreparedForm prepared,
    String reference,
    boolean timeDependent) {

  private static final Pattern OUTER_ORDER_BY = Pattern.compile("\\bORDER\\s+BY\\b", Pattern.CASE_INSENSITIVE);

  public Optional<String> outerPredicate() {
    return Optional.ofNullable(predicate);
  }

  public Optional<PreparedForm> preparedForm() {
    return Optional.ofNullable(prepared);
  }

  public Optional<String> referenceSql() {
    return Optional.ofNullable(reference);
  }

  /**
   * Whether the query's outermost level has an {@code ORDER BY}, so its rows come in an order SQL fixes: an
   * {@code ORDER BY} within parentheses, a string literal, a quoted name or a {@code --} comment does not count.
   */
  public boolean ordersItsRows() {
    StringBuilder outermost = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < sql.length(); i++) {
      char ch = sql.charAt(i);
      if (ch == '\'' || ch == '"') {
        int end = sql.indexOf(ch, i + 1);
        i = end < 0 ? sql.length() : end;
        ch = ' ';
      } else if (ch == '-' && sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? sql.length() : end;
        ch = ' ';
      } else if (ch == '(') {
        depth++;
      } else if (ch == ')') {
        depth--;
      }
      outermost.append(depth == 0 ? ch : ' ');
    }
    return OUTER_ORDER_BY.matcher(outermost).find();
  }

  CorpusCase resolved(CorpusDates dates) {
    return new CorpusCase(id, origin, dates.resolve(sql), predicate == null ? null : dates.resolve(predicate),
        prepared == null ? null : prepared.resolved(dates), reference == null ? null : dates.resolve(reference),
        timeDependent);
  }

  @Override
  public String toString() {
    return id;
  }
}
