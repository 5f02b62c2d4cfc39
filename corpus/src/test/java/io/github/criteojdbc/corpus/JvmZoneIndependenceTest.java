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
 * the module's surefire {@code argLine}) as in a Europe/Paris JVM with reports in UTC (the JVM east of the
 * reports) and in an America/Los_Angeles JVM with reports in {@link CorpusConnection#REPORT_ZONE} (the JVM 17
 * hours west of them, where a day read in the wrong zone is another day). Each other JVM runs the whole corpus
 * once, in parallel with this one, which reads it in both settings.
 */
class JvmZoneIndependenceTest {
  private static final Map<String, String> OTHER_ZONES = Map.of(
      "Europe/Paris", CorpusSnapshot.UTC_REPORTS,
      "America/Los_Angeles", CorpusSnapshot.ZONED_REPORTS);

  @TestFactory
  Stream<DynamicTest> sameValuesInEveryJvmZone(@TempDir Path directory) throws Exception {
    assertThat(java.util.TimeZone.getDefault().getID()).as("this JVM's zone").isEqualTo("UTC");
    CorpusDates dates = CorpusDates.current();
    List<ForkedJvm> forks = new ArrayList<>();
    for (Map.Entry<String, String> zone : OTHER_ZONES.entrySet()) {
      forks.add(ForkedJvm.start(zone.getKey(), zone.getValue(), dates.anchor(), directory));
    }
    Map<String, Map<String, List<String>>> utcJvm = CorpusSnapshot.take(Corpus.load(dates),
        List.of(CorpusSnapshot.UTC_REPORTS, CorpusSnapshot.ZONED_REPORTS));
    List<DynamicTest> tests = new ArrayList<>();
    for (ForkedJvm fork : forks) {
      Map<String, Map<String, List<String>>> other = CorpusSnapshot.read(fork.awaitSnapshot());
      other.forEach((setting, answers) -> utcJvm.get(setting).forEach((id, rows) -> tests.add(dynamicTest(
          id + ": same values in a " + fork.zone() + " JVM as in a UTC JVM, " + setting,
          () -> assertThat(RowMultiset.difference("the UTC JVM", asRows(rows), "the " + fork.zone() + " JVM",
              asRows(answers.get(id)))).isEmpty()))));
    }
    return tests.stream();
  }

  private static List<List<String>> asRows(List<String> snapshotRows) {
    return snapshotRows.stream().map(List::of).toList();
  }
}
