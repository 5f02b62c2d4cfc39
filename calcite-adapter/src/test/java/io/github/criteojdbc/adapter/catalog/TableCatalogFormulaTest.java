package io.github.criteojdbc.adapter.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.stream.Collectors;

/**
 * A ratio's formula from additive metrics is read from the catalog only with the address of the
 * API documentation that defines it, and only over counts, whose quotient needs no rounding.
 */
class TableCatalogFormulaTest {
  private static JsonNode catalog(String formula) throws IOException {
    return new ObjectMapper().readTree("{\"table\": \"t\", \"columns\": ["
        + "{\"name\": \"clicks\", \"api\": \"Clicks\", \"role\": \"metric\", \"type\": \"BIGINT\","
        + " \"aggregation\": \"ADDITIVE\"},"
        + "{\"name\": \"displays\", \"api\": \"Displays\", \"role\": \"metric\", \"type\": \"BIGINT\","
        + " \"aggregation\": \"ADDITIVE\"},"
        + "{\"name\": \"cost\", \"api\": \"AdvertiserCost\", \"role\": \"metric\", \"type\": \"DECIMAL\","
        + " \"aggregation\": \"ADDITIVE\"},"
        + "{\"name\": \"ratio\", \"api\": \"Ratio\", \"role\": \"metric\", \"type\": \"DOUBLE\","
        + " \"aggregation\": \"NON_ADDITIVE\", \"formula\": " + formula + "}]}");
  }

  @Test void formulaOfTwoCountsWithItsSourceIsRead() throws IOException {
    TableCatalog parsed = TableCatalog.parse(catalog("{\"numerator\": \"Clicks\", \"denominator\": "
        + "\"Displays\", \"factor\": 1000, \"source\": \"https://example.org/doc\"}"));

    assertThat(parsed.column("ratio").flatMap(ColumnDef::formula))
        .contains(new Formula("Clicks", "Displays", 1000, "https://example.org/doc"));
    assertThat(parsed.column("ratio").orElseThrow().rollsUp()).isTrue();
  }

  @Test void formulaWithoutASourceIsRefused() {
    assertThatThrownBy(() -> TableCatalog.parse(catalog(
        "{\"numerator\": \"Clicks\", \"denominator\": \"Displays\"}")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the formula of ratio needs a source");
  }

  @Test void formulaOverMoneyIsRefusedAsItsRoundingIsNotDocumented() {
    assertThatThrownBy(() -> TableCatalog.parse(catalog("{\"numerator\": \"AdvertiserCost\", "
        + "\"denominator\": \"Clicks\", \"source\": \"https://example.org/doc\"}")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AdvertiserCost, which is not an additive count metric");
  }

  @Test void statisticsCatalogDerivesOnlyTheClickThroughRateAsCriteoDefinesIt() {
    TableCatalog statistics = TableCatalog.load("statistics.json");

    assertThat(statistics.columns().stream().filter(c -> c.formula().isPresent())
        .collect(Collectors.toMap(ColumnDef::name, c -> c.formula().orElseThrow())))
        .containsOnlyKeys("click_through_rate")
        .containsValue(new Formula("Clicks", "Displays", 1,
            "https://support.criteo.com/hc/en-us/articles/208280169-Criteo-Glossary"));
  }
}
