package io.github.criteojdbc.client.parse;

import static io.github.criteojdbc.client.parse.Rows.body;
import static io.github.criteojdbc.client.parse.Rows.drain;
import static io.github.criteojdbc.client.parse.Rows.shape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.criteojdbc.client.OutputColumn;
import io.github.criteojdbc.client.ReportFormatException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MpoParsersTest {
  static final String CSV_SAMPLE = """
      "advertiserId","campaignId","clicks","displays","cost"
      321,12345,1873,800247,992.21671380425
      321,56789,17927,5275096,3460.71409576333
      """;

  @Test
  void csvHeaderNamesMatchTheSpecCasingCaseInsensitively() throws IOException {
    RowParser parser = MpoCsvParser.open(body(CSV_SAMPLE), shape("AdvertiserId:STRING", "Clicks:LONG", "Cost:DECIMAL"), "e-1");

    assertThat(parser.outputColumns()).extracting(OutputColumn::name)
        .containsExactly("advertiserId", "campaignId", "clicks", "displays", "cost");
    assertThat(drain(parser)).containsExactly(
        List.of("321", 1873L, new BigDecimal("992.21671380425")),
        List.of("321", 17927L, new BigDecimal("3460.71409576333")));
  }

  @Test
  void csvQuotedValuesWithCommasAndTimestampsWithOffsets() throws IOException {
    String csv = "SellerName,Hour,Clicks\n"
        + "\"Shop, Inc.\",2026-01-09T08:00:00+01:00,3\n"
        + "\"Other \"\"quoted\"\"\",2026-01-09 09:00:00,\n";
    long eightAm = LocalDateTime.of(2026, 1, 9, 8, 0).toEpochSecond(ZoneOffset.UTC) * 1000;

    List<List<Object>> rows = drain(MpoCsvParser.open(body(csv), shape("SellerName:STRING", "Hour:TIMESTAMP", "Clicks:LONG"), "e-1"));

    assertThat(rows.get(0)).containsExactly("Shop, Inc.", eightAm, 3L);
    assertThat(rows.get(1)).containsExactly("Other \"quoted\"", eightAm + 3_600_000, null);
  }

  @Test
  void csvRecordCutShortFails() throws IOException {
    String cut = CSV_SAMPLE.substring(0, CSV_SAMPLE.indexOf("17927"));
    RowParser parser = MpoCsvParser.open(body(cut), shape("Clicks:LONG"), "e-1");

    assertThat(parser.next()).containsExactly(1873L);
    assertThatThrownBy(parser::next).isInstanceOf(ReportFormatException.class)
        .hasMessageContaining("row 2 has 3 values but the output declares 5 columns");
  }

  @Test
  void csvCutInsideAQuotedValueFails() throws IOException {
    String cut = "\"advertiserId\",\"sellerName\"\n321,\"Shop";
    RowParser parser = MpoCsvParser.open(body(cut), shape("SellerName:STRING"), "e-1");

    assertThatThrownBy(parser::next).isInstanceOf(ReportFormatException.class).hasMessageContaining("cut short");
  }

  @Test
  void emptyCsvFails() {
    assertThatThrownBy(() -> MpoCsvParser.open(body(""), shape("Clicks:LONG"), "e-1"))
        .isInstanceOf(ReportFormatException.class).hasMessageContaining("no header row");
  }

  @Test
  void csvWithHeaderOnlyHasNoRows() throws IOException {
    assertThat(drain(MpoCsvParser.open(body("advertiserId,clicks\n"), shape("Clicks:LONG"), "e-1"))).isEmpty();
  }

  @Test
  void csvMissingRequiredColumnFails() {
    assertThatThrownBy(() -> MpoCsvParser.open(body(CSV_SAMPLE), shape("SellerId:STRING"), "e-1"))
        .isInstanceOf(ReportFormatException.class).hasMessageContaining("[SellerId]");
  }

  @Test
  void jsonExportReadsColumnsRowsAndChecksTheCount() throws IOException {
    String json = """
        {"columns":["advertiserId","campaignId","clicks","displays","cost"],
         "data":[[321,12345,17927,5275096,3460.71409576333],[321,56789,1873,800247,992.21671380425]],
         "rows":2}""";

    assertThat(drain(MpoJsonParser.open(body(json), shape("CampaignId:STRING", "Cost:DECIMAL"), "e-1"))).containsExactly(
        List.of("12345", new BigDecimal("3460.71409576333")), List.of("56789", new BigDecimal("992.21671380425")));
  }

  @Test
  void jsonExportWithFewerRowsThanDeclaredFails() {
    String json = """
        {"columns":["clicks"],"data":[[1]],"rows":2}""";

    assertThatThrownBy(() -> drain(MpoJsonParser.open(body(json), shape("Clicks:LONG"), "e-1")))
        .isInstanceOf(ReportFormatException.class).hasMessageContaining("declares 2 rows but holds 1");
  }

  @Test
  void jsonExportWithRowsBeforeColumnsIsSpooled() throws IOException {
    String json = """
        {"rows":1,"data":[[7,"x"]],"columns":["clicks","sellerName"]}""";

    assertThat(drain(MpoJsonParser.open(body(json), shape("SellerName:STRING", "Clicks:INTEGER"), "e-1")))
        .containsExactly(List.of("x", 7));
  }

  @Test
  void jsonExportCutShortFails() throws IOException {
    RowParser parser = MpoJsonParser.open(body("{\"columns\":[\"clicks\"],\"data\":[[1],[2"), shape("Clicks:LONG"), "e-1");

    assertThat(parser.next()).containsExactly(1L);
    assertThatThrownBy(parser::next).isInstanceOf(ReportFormatException.class).hasMessageContaining("cut short");
  }
}
