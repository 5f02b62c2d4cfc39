package io.github.criteojdbc.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same query reads the same values, through every getter, in a JVM whose default zone is UTC (this one, see
 * the module's surefire {@code argLine}), Europe/Paris or America/Los_Angeles, with reports in UTC and in
 * {@link CorpusConnection#REPORT_ZONE}. The two other JVMs run the whole corpus once each, in parallel with this
 * one, so the fork costs two JVM starts for the whole corpus.
 */
class JvmZoneIndependenceTest {
  private static final List<String> OTHER_ZONES = List.of("Europe/Paris", "America/Los_Angeles");

  @TestFactory
  Stream<DynamicTest> sameValuesInEveryJvmZone(@TempDir Path directory) throws Exception {
    assertThat(java.util.TimeZone.getDefault().getID()).as("this JVM's zone").isEqualTo("UTC");
    CorpusDates dates = CorpusDates.current();
    List<ForkedJvm> forks = new ArrayList<>();
    for (String zone : OTHER_ZONES) {
      forks.add(ForkedJvm.start(zone, dates.anchor(), directory));
    }
    Map<String, Map<String, List<String>>> utcJvm = CorpusSnapshot.take(Corpus.load(dates));
    List<DynamicTest> tests = new ArrayList<>();
    for (ForkedJvm fork : forks) {
      Map<String, Map<String, List<String>>> other = CorpusSnapshot.read(fork.awaitSnapshot());
      utcJvm.forEach((setting, answers) -> answers.forEach((id, rows) -> tests.add(dynamicTest(
          id + ": same values in a " + fork.zone() + " JVM as in a UTC JVM, " + setting,
          () -> assertThat(RowMultiset.difference("the UTC JVM", asRows(rows), "the " + fork.zone() + " JVM",
              asRows(other.get(setting).get(id)))).isEmpty()))));
    }
    return tests.stream();
  }

  private static List<List<String>> asRows(List<String> snapshotRows) {
    return snapshotRows.stream().map(List::of).toList();
  }
}
