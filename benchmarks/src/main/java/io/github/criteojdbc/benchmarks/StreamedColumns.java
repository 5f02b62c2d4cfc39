package io.github.criteojdbc.benchmarks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The streaming benchmark's query and the Java values each of its columns becomes, read the three
 * ways that are compared: through the driver's {@link ResultSet} getters, from a Jackson token
 * stream, and from a Jackson tree. Every way folds the same values into the same checksum, so the
 * benchmark can check that all of them produced identical values.
 */
final class StreamedColumns {
  static final String QUERY = "SELECT advertiser_id, campaign_id, day, clicks, displays, advertiser_cost,"
      + " click_through_rate FROM statistics"
      + " WHERE day BETWEEN CURRENT_DATE - INTERVAL '40' DAY AND CURRENT_DATE - INTERVAL '20' DAY";

  /** How a value is read, by the output column's API name; SKIP for columns the output adds unasked. */
  enum Kind { STRING, DATE, LONG, DECIMAL, DOUBLE, SKIP }

  private static final Map<String, Kind> KINDS = Map.of(
      "AdvertiserId", Kind.STRING, "CampaignId", Kind.STRING, "Day", Kind.DATE, "Clicks", Kind.LONG,
      "Displays", Kind.LONG, "AdvertiserCost", Kind.DECIMAL, "ClickThroughRate", Kind.DOUBLE);

  private StreamedColumns() {
  }

  static Kind kindOf(String apiName) {
    return KINDS.getOrDefault(apiName, Kind.SKIP);
  }

  static Kind[] kinds(List<String> apiNames) {
    return apiNames.stream().map(StreamedColumns::kindOf).toArray(Kind[]::new);
  }

  /** Reads every column of every row with the typed getter of its SQL type. */
  static long fromResultSet(ResultSet rows) throws SQLException {
    long sum = 0;
    while (rows.next()) {
      sum += text(rows.getString(1)) + text(rows.getString(2)) + date(rows.getDate(3))
          + rows.getLong(4) + rows.getLong(5) + decimal(rows.getBigDecimal(6)) + real(rows.getDouble(7));
    }
    return sum;
  }

  /** Reads the value at the parser's current token as {@code kind}. */
  static long fromToken(JsonParser parser, JsonToken token, Kind kind) throws IOException {
    if (token == JsonToken.VALUE_NULL || kind == Kind.SKIP) {
      return 0;
    }
    boolean number = token.isNumeric();
    return switch (kind) {
      case STRING -> text(parser.getText());
      case DATE -> date(Date.valueOf(LocalDate.parse(parser.getText())));
      case LONG -> number ? parser.getLongValue() : Long.parseLong(parser.getText());
      case DECIMAL -> decimal(number ? parser.getDecimalValue() : new BigDecimal(parser.getText()));
      case DOUBLE -> real(number ? parser.getDoubleValue() : Double.parseDouble(parser.getText()));
      case SKIP -> 0;
    };
  }

  /** Reads a tree node as {@code kind}. */
  static long fromNode(JsonNode node, Kind kind) {
    if (node.isNull() || kind == Kind.SKIP) {
      return 0;
    }
    boolean number = node.isNumber();
    return switch (kind) {
      case STRING -> text(node.asText());
      case DATE -> date(Date.valueOf(LocalDate.parse(node.asText())));
      case LONG -> number ? node.longValue() : Long.parseLong(node.asText());
      case DECIMAL -> decimal(number ? node.decimalValue() : new BigDecimal(node.asText()));
      case DOUBLE -> real(number ? node.doubleValue() : Double.parseDouble(node.asText()));
      case SKIP -> 0;
    };
  }

  private static long text(String value) {
    return value == null ? 0 : value.hashCode();
  }

  private static long date(Date value) {
    return value == null ? 0 : value.toLocalDate().toEpochDay();
  }

  private static long decimal(BigDecimal value) {
    return value == null ? 0 : value.hashCode();
  }

  private static long real(double value) {
    return Double.doubleToLongBits(value);
  }
}
