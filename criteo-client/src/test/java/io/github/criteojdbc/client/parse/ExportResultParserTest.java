package io.github.criteojdbc.client.parse;

import static io.github.criteojdbc.client.parse.Rows.body;
import static io.github.criteojdbc.client.parse.Rows.drain;
import static io.github.criteojdbc.client.parse.Rows.shape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.criteojdbc.client.OutputColumn;
import io.github.criteojdbc.client.ReportFormatException;
import io.github.criteojdbc.client.RowShape;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ExportResultParserTest {
  /** The guide's sample, with its {@code metaData} spelling. */
  static final String GUIDE_SAMPLE = """
      {
        "data": {
          "metaData": {
            "columns": [
              { "name": "CampaignId", "type": "String", "role": "Dimension" },
              { "name": "Campaign", "type": "String", "role": "Property", "relatedTo": "CampaignId" },
              { "name": "Day", "type": "String", "role": "Interval", "timezone": "Europe/Paris"},
              { "name": "Clicks", "type": "Number", "role": "Metric" },
              { "name": "Displays", "type": "Number", "role": "Metric" },
              { "name": "AdvertiserCost", "type": "Money", "role": "Metric", "currency": "EUR" }
            ],
            "rows": 2
          },
          "data": [
            [ 1111, "CampaignName1", "2022-01-01", 876, 1234, 20.10 ],
            [ 2222, "CampaignName2", "2022-01-02", 678, 4321, 22 ]
          ]
        }
      }""";

  final List<String> warnings = new ArrayList<>();

  RowParser open(String json, RowShape shape) throws IOException {
    return ExportResultParser.open(body(json), shape, "r-1", warnings::add);
  }

  @Test
  void readsTheGuideSampleWithItsMetaDataSpelling() throws IOException {
    RowParser parser = open(GUIDE_SAMPLE, shape("CampaignId:STRING", "Day:DATE", "Clicks:LONG", "AdvertiserCost:DECIMAL"));

    assertThat(parser.outputColumns()).startsWith(new OutputColumn("CampaignId", "String", "Dimension", null, null, null));
    assertThat(parser.outputColumns().get(2).timezone()).isEqualTo("Europe/Paris");
    assertThat(parser.outputColumns().get(5).currency()).isEqualTo("EUR");
    assertThat(drain(parser)).containsExactly(
        List.of("1111", (int) LocalDate.of(2022, 1, 1).toEpochDay(), 876L, new BigDecimal("20.10")),
        List.of("2222", (int) LocalDate.of(2022, 1, 2).toEpochDay(), 678L, new BigDecimal("22")));
  }

  @Test
  void acceptsTheSpecsLowerCaseMetadataKey() throws IOException {
    String json = """
        {"data":{"metadata":{"columns":[{"name":"Clicks","type":"Number"}],"rows":1},"data":[[5]]}}""";

    assertThat(drain(open(json, shape("Clicks:LONG")))).containsExactly(List.of(5L));
  }

  @Test
  void idSentAsJsonNumberReadsAsTheSameString() throws IOException {
    String json = """
        {"data":{"metadata":{"columns":[{"name":"AdSetId","type":"String"}]},"data":[[1111],[12345678901234567890]]}}""";

    assertThat(drain(open(json, shape("AdSetId:STRING")))).containsExactly(List.of("1111"), List.of("12345678901234567890"));
  }

  @Test
  void decimalsKeepEveryDigitOfTheText() throws IOException {
    String json = """
        {"data":{"metadata":{"columns":[{"name":"Cost","type":"Money"}]},
         "data":[[0.1],[3460.71409576333123456789],[1E+3],["12.30"]]}}""";

    assertThat(drain(open(json, shape("Cost:DECIMAL")))).containsExactly(
        List.of(new BigDecimal("0.1")), List.of(new BigDecimal("3460.71409576333123456789")),
        List.of(new BigDecimal("1E+3")), List.of(new BigDecimal("12.30")));
  }

  @Test
  void jsonNullReadsAsNullForEveryType() throws IOException {
    String json = """
        {"data":{"metadata":{"columns":[{"name":"A"},{"name":"B"},{"name":"C"}]},"data":[[null,null,null]]}}""";

    assertThat(drain(open(json, shape("A:STRING", "B:DECIMAL", "C:TIMESTAMP")))).containsExactly(Arrays.asList(null, null, null));
  }

  @Test
  void requestedOrderIsIndependentOfOutputOrderAndMatchingIgnoresCase() throws IOException {
    List<List<Object>> rows = drain(open(GUIDE_SAMPLE, shape("clicks:INTEGER", "CAMPAIGN:STRING")));

    assertThat(rows.get(0)).containsExactly(876, "CampaignName1");
  }

  @Test
  void optionalColumnAbsentFromTheOutputReadsNull() throws IOException {
    List<List<Object>> rows = drain(open(GUIDE_SAMPLE, shape("Clicks:LONG", "Currency:STRING?")));

    assertThat(rows.get(0)).containsExactly(876L, null);
  }

  @Test
  void missingRequiredColumnNamesWhatIsMissingAndWhatIsThere() {
    assertThatThrownBy(() -> open(GUIDE_SAMPLE, shape("Clicks:LONG", "Sales:LONG", "Revenue:DECIMAL")))
        .isInstanceOf(ReportFormatException.class)
        .hasMessageContaining("[Sales, Revenue]")
        .hasMessageContaining("CampaignId, Campaign, Day, Clicks, Displays, AdvertiserCost");
  }

  @Test
  void rowWithFewerValuesThanColumnsFails() throws IOException {
    String json = """
        {"data":{"metadata":{"columns":[{"name":"A"},{"name":"B"}]},"data":[["x","y"],["z"]]}}""";
    RowParser parser = open(json, shape("A:STRING"));

    assertThat(parser.next()).containsExactly("x");
    assertThatThrownBy(parser::next).isInstanceOf(ReportFormatException.class)
        .hasMessageContaining("row 2 has 1 values but the output declares 2 columns");
  }

  @Test
  void rowWithMoreValuesThanColumnsFails() throws IOException {
    String json = """
        {"data":{"metadata":{"columns":[{"name":"A"}]},"data":[["x","y"]]}}""";

    assertThatThrownBy(() -> drain(open(json, shape("A:STRING")))).isInstanceOf(ReportFormatException.class)
        .hasMessageContaining("row 1 has 2 values but the output declares 1 columns");
  }

  @Test
  void rowCountDifferentFromTheDeclaredOneFails() throws IOException {
    String json = """
        {"data":{"metadata":{"columns":[{"name":"A"}],"rows":3},"data":[["x"],["y"]]}}""";

    assertThatThrownBy(() -> drain(open(json, shape("A:STRING")))).isInstanceOf(ReportFormatException.class)
        .hasMessageContaining("declares 3 rows but holds 2");
  }

  @Test
  void bodyCutInsideTheRowsFailsInsteadOfEndingShort() throws IOException {
    String cut = GUIDE_SAMPLE.substring(0, GUIDE_SAMPLE.indexOf("[ 2222"));
    RowParser parser = open(cut, shape("CampaignId:STRING"));

    assertThat(parser.next()).containsExactly("1111");
    assertThatThrownBy(parser::next).isInstanceOf(ReportFormatException.class)
        .hasMessageContaining("malformed or cut short after 1 complete rows");
  }

  @Test
  void bodyCutAfterTheRowsArrayStillFails() {
    String cut = GUIDE_SAMPLE.substring(0, GUIDE_SAMPLE.lastIndexOf('}'));

    assertThatThrownBy(() -> drain(open(cut, shape("CampaignId:STRING")))).isInstanceOf(ReportFormatException.class)
        .hasMessageContaining("cut short");
  }

  @Test
  void garbageBodyFails() {
    assertThatThrownBy(() -> open("<html>Bad gateway</html>", shape("A:STRING")))
        .isInstanceOf(ReportFormatException.class).hasMessageContaining("malformed");
  }

  @Test
  void valueThatDoesNotConvertNamesColumnRowAndValue() throws IOException {
    String json = """
        {"data":{"metadata":{"columns":[{"name":"Clicks"}]},"data":[[1],["lots"]]}}""";
    RowParser parser = open(json, shape("Clicks:LONG"));
    parser.next();

    assertThatThrownBy(parser::next).isInstanceOf(ReportFormatException.class)
        .hasMessageContaining("value 'lots' in column Clicks (row 2) is not a valid LONG");
  }

  @Test
  void rowsBeforeMetadataAreSpooledThenStreamedAndTheSpoolIsDeleted() throws IOException {
    String json = """
        {"data":{"data":[[1111, 0.30],[2222, 12.345678901234567890]],
                 "metadata":{"columns":[{"name":"CampaignId"},{"name":"Cost"}],"rows":2}}}""";
    List<Path> before = spoolFiles();
    RowParser parser = open(json, shape("CampaignId:STRING", "Cost:DECIMAL"));

    assertThat(drain(parser)).containsExactly(
        List.of("1111", new BigDecimal("0.30")), List.of("2222", new BigDecimal("12.345678901234567890")));
    assertThat(spoolFiles()).isEqualTo(before);
  }

  @Test
  void topLevelWarningsGoToTheWarningSink() throws IOException {
    String json = """
        {"warnings":[{"code":"deprecated-field","detail":"Field X is deprecated"}],
         "data":{"metadata":{"columns":[{"name":"A"}]},"data":[]}}""";

    assertThat(drain(open(json, shape("A:STRING")))).isEmpty();
    assertThat(warnings).containsExactly("Criteo API warning deprecated-field: Field X is deprecated");
  }

  @Test
  void outputWithoutMetadataFails() {
    assertThatThrownBy(() -> open("{\"data\":{\"data\":[]}}", shape("A:STRING")))
        .isInstanceOf(ReportFormatException.class).hasMessageContaining("no column metadata");
  }

  private static List<Path> spoolFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(p -> p.getFileName().toString().startsWith("criteo-report-rows-")).sorted().toList();
    }
  }
}
