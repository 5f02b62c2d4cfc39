package io.github.criteojdbc.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Expected values from an independent engine: each corpus case with a {@code reference} query must give, through
 * the driver, the rows H2 computes with that hand-written SQL over the sandbox's raw facts ({@link
 * ReferenceDatabase}), as multisets, canonically rendered (money exact to the API's decimals, ratios to about
 * 1e-10).
 */
class ReferenceEngineTest {
  private static final CorpusDates DATES = CorpusDates.current();
  private static ReferenceDatabase reference;

  @BeforeAll
  static void loadRawFacts() throws Exception {
    reference = ReferenceDatabase.load(DATES);
  }

  @AfterAll
  static void close() throws Exception {
    reference.close();
  }

  @TestFactory
  Stream<DynamicTest> answersAsAnSqlEngineOverTheRawFacts() {
    List<CorpusCase> cases = Corpus.load(DATES).stream()
        .filter(c -> c.referenceSql().isPresent() && !c.timeDependent()).toList();
    assertThat(cases).as("cases with a reference query").hasSizeGreaterThanOrEqualTo(20);
    return cases.stream().map(c -> dynamicTest(c.id() + ": equals the H2 reference over the raw facts", () -> {
      Rows expected = CorpusQueries.rows(reference.connection(), c.referenceSql().orElseThrow());
      Rows actual = CorpusQueries.rows(CorpusConnection.utc(), c.sql());
      assertThat(expected.size()).as("reference rows (a reference that finds nothing proves nothing)").isPositive();
      assertThat(actual.columns()).as("columns").hasSize(expected.columns().size());
      assertThat(RowMultiset.difference("the H2 reference", expected.rows(), "the driver", actual.rows()))
          .as("driver rows against the reference").isEmpty();
    }));
  }
}
