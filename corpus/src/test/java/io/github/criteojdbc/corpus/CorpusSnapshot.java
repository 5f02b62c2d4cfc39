package io.github.criteojdbc.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every corpus query's answer as this JVM reads it, through every getter, for driver settings: the report zone
 * UTC and {@link CorpusConnection#REPORT_ZONE}. A JVM in another zone must write the same snapshot. Run as a
 * program, it writes its snapshot of the setting named by its second argument as JSON to the file named by its
 * first.
 */
public final class CorpusSnapshot {
  static final String UTC_REPORTS = "timezone=UTC";
  static final String ZONED_REPORTS = "timezone=" + CorpusConnection.REPORT_ZONE;

  private CorpusSnapshot() {
  }

  public static void main(String[] args) throws Exception {
    new ObjectMapper().writeValue(Path.of(args[0]).toFile(), take(Corpus.load(CorpusDates.current()), List.of(args[1])));
    System.exit(0);
  }

  /** setting → query id → rows, each cell all its getters' readings, for each of {@code settings}. */
  static Map<String, Map<String, List<String>>> take(List<CorpusCase> corpus, List<String> settings)
      throws SQLException {
    Map<String, Map<String, List<String>>> snapshot = new LinkedHashMap<>();
    for (String setting : settings) {
      snapshot.put(setting, answers(setting.equals(UTC_REPORTS) ? CorpusConnection.utc() : CorpusConnection.reportZone(),
          corpus));
    }
    return snapshot;
  }

  private static Map<String, List<String>> answers(Connection connection, List<CorpusCase> corpus) {
    Map<String, List<String>> answers = new LinkedHashMap<>();
    for (CorpusCase c : comparableAcrossRuns(corpus)) {
      answers.put(c.id(), readings(connection, c.sql()));
    }
    return answers;
  }

  static List<CorpusCase> comparableAcrossRuns(List<CorpusCase> corpus) {
    return corpus.stream().filter(c -> !c.timeDependent()).toList();
  }

  /** The rows, sorted (the order SQL leaves open may differ between runs), or the failure. */
  private static List<String> readings(Connection connection, String sql) {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          cells.add(cell(CellReadings.read(rs, i, ValueKind.of(meta.getColumnType(i)))));
        }
        rows.add(String.join(" | ", cells));
      }
      rows.sort(null);
      return rows;
    } catch (SQLException | RuntimeException e) {
      return List.of("query failed: " + e);
    }
  }

  /** The value once when every getter agrees (the common case, which keeps snapshots small), else every reading. */
  private static String cell(List<CellReading> readings) {
    boolean agree = readings.stream().allMatch(r -> r.agreesWith(readings.get(0)));
    return agree ? readings.get(0).value()
        : readings.stream().map(r -> r.getter() + "=" + r.value()).collect(Collectors.joining(" "));
  }

  static Map<String, Map<String, List<String>>> read(Path file) throws IOException {
    return new ObjectMapper().readValue(file.toFile(),
        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Map<String, List<String>>>>() { });
  }
}
