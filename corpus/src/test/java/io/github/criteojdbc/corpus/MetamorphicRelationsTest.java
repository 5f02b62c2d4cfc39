package io.github.criteojdbc.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Relations every corpus query must satisfy, whatever its values: one dynamic test per (query, relation), named
 * {@code <query id>: <relation>}, so a report shows exactly which client shape breaks which promise. The rows of
 * the query itself are the reference of every relation; none of them needs an expected value.
 */
class MetamorphicRelationsTest {
  private static final List<CorpusCase> CORPUS = Corpus.load(CorpusDates.current());
  private static final int LIMIT = 3;
  /** DBeaver's default result-set fetch size and row cap. */
  private static final int MAX_ROWS = 200;
  private static final Map<String, QueryAnswer> ANSWERS = new ConcurrentHashMap<>();

  @TestFactory
  Stream<DynamicTest> selectStarFromTheQueryGivesItsRows() {
    return forEach(c -> true, "SELECT * FROM (q) t has q's rows", c -> {
      Rows wrapped = CorpusQueries.rows(connection(), DerivedQueries.selectAllFrom(c.sql()));
      assertSameRows("q", answer(c), "SELECT * FROM (q) t", wrapped);
    });
  }

  @TestFactory
  Stream<DynamicTest> countOfTheQueryIsItsRowCount() {
    return forEach(c -> true, "SELECT COUNT(*) FROM (q) t is q's row count", c ->
        assertThat(CorpusQueries.count(connection(), DerivedQueries.countFrom(c.sql())))
            .as("SELECT COUNT(*) FROM (q) t").isEqualTo(answer(c).size()));
  }

  @TestFactory
  Stream<DynamicTest> aPredicateSplitsTheRowsIntoTrueFalseAndUnknown() {
    return forEach(c -> c.outerPredicate().isPresent(), "q WHERE p, WHERE NOT p, WHERE p IS NULL partition q", c -> {
      String p = c.outerPredicate().orElseThrow();
      List<List<String>> union = new ArrayList<>();
      for (String condition : List.of("(" + p + ")", "NOT (" + p + ")", "(" + p + ") IS NULL")) {
        union.addAll(CorpusQueries.rows(connection(), DerivedQueries.filtered(c.sql(), condition)).rows());
      }
      Rows q = answer(c);
      assertSameRows("q", q, "the three parts for p = " + p, new Rows(q.columns(), union));
    });
  }

  @TestFactory
  Stream<DynamicTest> limitGivesThatManyOfTheRows() {
    return forEach(c -> true, "q LIMIT " + LIMIT + " is min(" + LIMIT + ", |q|) of q's rows", c ->
        assertSubMultiset(answer(c), CorpusQueries.rows(connection(), DerivedQueries.limited(c.sql(), LIMIT)),
            LIMIT, "q LIMIT " + LIMIT));
  }

  @TestFactory
  Stream<DynamicTest> maxRowsGivesThatManyOfTheRows() {
    return forEach(c -> true, "setMaxRows(" + MAX_ROWS + ") gives min(" + MAX_ROWS + ", |q|) of q's rows", c ->
        assertSubMultiset(answer(c), CorpusQueries.rowsWithMaxRows(connection(), c.sql(), MAX_ROWS), MAX_ROWS,
            "q with setMaxRows(" + MAX_ROWS + ")"));
  }

  @TestFactory
  Stream<DynamicTest> everyGetterReadsTheSameValue() {
    return forEach(c -> true, "every getter agrees with getObject", c ->
        assertThat(answerWithGetters(c).getterProblems()).as("getters that disagree").isEmpty());
  }

  @TestFactory
  Stream<DynamicTest> everyGetterReadsTheSameValueWhenReportsAreInAnotherZone() {
    return forEach(c -> true, "every getter agrees with getObject, timezone=" + CorpusConnection.REPORT_ZONE, c ->
        assertThat(QueryAnswer.of(CorpusConnection.reportZone(), c.sql()).getterProblems())
            .as("getters that disagree").isEmpty());
  }

  @TestFactory
  Stream<DynamicTest> boundParametersAnswerAsTheLiterals() {
    return forEach(c -> c.preparedForm().isPresent(), "the PreparedStatement with bound values has q's rows", c -> {
      PreparedForm form = c.preparedForm().orElseThrow();
      assertSameRows("q with literals", answer(c), "prepared " + form.parameters(),
          CorpusQueries.rows(connection(), form));
    });
  }

  interface Check {
    void run(CorpusCase c) throws Exception;
  }

  private static Stream<DynamicTest> forEach(java.util.function.Predicate<CorpusCase> applies, String relation,
      Check check) {
    return CORPUS.stream().filter(applies)
        .map(c -> dynamicTest(c.id() + ": " + relation, () -> check.run(c)));
  }

  /** q's rows; read once per run, except for a time-dependent q, read again next to each derived query. */
  private static Rows answer(CorpusCase c) throws SQLException {
    return answerWithGetters(c).rowsOrThrow();
  }

  private static QueryAnswer answerWithGetters(CorpusCase c) throws SQLException {
    if (c.timeDependent()) {
      return QueryAnswer.of(connection(), c.sql());
    }
    QueryAnswer known = ANSWERS.get(c.id());
    if (known == null) {
      known = QueryAnswer.of(connection(), c.sql());
      ANSWERS.put(c.id(), known);
    }
    return known;
  }

  private static void assertSameRows(String expectedName, Rows expected, String actualName, Rows actual) {
    assertThat(actual.columns()).as(actualName + " columns").hasSize(expected.columns().size());
    assertThat(RowMultiset.difference(expectedName, expected.rows(), actualName, actual.rows()))
        .as("rows of " + actualName + " against " + expectedName).isEmpty();
  }

  private static void assertSubMultiset(Rows all, Rows part, int n, String partName) {
    assertThat(part.size()).as("rows of " + partName + " (q has " + all.size() + ")")
        .isEqualTo(Math.min(n, all.size()));
    assertThat(RowMultiset.of(part.rows()).minus(RowMultiset.of(all.rows())))
        .as("rows of " + partName + " that q does not have").isEmpty();
  }

  private static Connection connection() throws SQLException {
    return CorpusConnection.utc();
  }
}
