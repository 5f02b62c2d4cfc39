package io.github.criteojdbc.adapter;

import static io.github.criteojdbc.adapter.TestConnections.SANDBOX;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.sandbox.data.HourlyFact;

import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A query whose scan ends up with a single column gives that column's values, not row arrays. */
class SingleColumnScanTest {
  private static final String ADVERTISER = "10001";
  private static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC).minusDays(9);
  private static final String WHERE = " WHERE advertiser_id = '" + ADVERTISER + "' AND day = DATE '" + DAY + "'";

  private static List<HourlyFact> facts() {
    return SANDBOX.data()
        .hourlyFacts(DAY.atStartOfDay(ZoneOffset.UTC).toInstant(),
            DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
        .filter(f -> f.advertiserId().equals(ADVERTISER))
        .collect(Collectors.toList());
  }

  /** Each row's only value, read with getObject and, as text, with getString. */
  private static List<Object> column(String sql) throws SQLException {
    List<Object> values = new ArrayList<>();
    try (TestConnections.Session session = TestConnections.open();
        Statement statement = session.connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        Object value = rs.getObject(1);
        assertThat(rs.getString(1)).isEqualTo(String.valueOf(value));
        values.add(value);
      }
    }
    return values;
  }

  @Test void aLoneMetricIsItsValue() throws SQLException {
    assertThat(column("SELECT clicks FROM statistics" + WHERE + " LIMIT 1"))
        .containsExactly(facts().stream().mapToLong(f -> f.count("Clicks")).sum());
  }

  @Test void aLoneDimensionGivesItsNames() throws SQLException {
    assertThat(column("SELECT campaign FROM statistics" + WHERE))
        .containsExactlyInAnyOrderElementsOf(facts().stream().map(f -> f.dimension("Campaign")).distinct()
            .collect(Collectors.toList()));
  }

  @Test void aLoneExpressionOverOneColumnGivesItsValues() throws SQLException {
    assertThat(column("SELECT SUBSTRING(campaign, 1, 4) FROM statistics" + WHERE))
        .containsExactlyInAnyOrderElementsOf(facts().stream().map(f -> f.dimension("Campaign"))
            .distinct().map(name -> name.substring(0, Math.min(4, name.length()))).collect(Collectors.toList()));
  }
}
