package io.github.criteojdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.sandbox.catalog.AsyncDimension;
import io.github.criteojdbc.sandbox.catalog.Metric;
import io.github.criteojdbc.sandbox.catalog.MetricCatalog;
import io.github.criteojdbc.sandbox.catalog.MetricKind;
import io.github.criteojdbc.sandbox.data.BaseMeasures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MetricCatalogTest {
  private final MetricCatalog catalog = MetricCatalog.async();

  @Test
  void thereAre255AsyncMetricsAnd40AsyncDimensions() {
    assertThat(catalog.metrics()).hasSize(255);
    assertThat(AsyncDimension.apiNames()).hasSize(40).doesNotHaveDuplicates();
  }

  @Test
  void everyAdditiveMetricIsABaseMeasureOfItsKind() {
    for (Metric metric : catalog.metrics()) {
      if (metric.isAdditive()) {
        int index = BaseMeasures.standard().indexOrFail(metric.name());
        assertThat(BaseMeasures.standard().isMoney(index)).as(metric.name()).isEqualTo(metric.kind() == MetricKind.MONEY);
      }
    }
  }

  @Test
  void everyRatioDividesTwoBaseMeasures() {
    for (Metric metric : catalog.metrics()) {
      if (metric.kind() == MetricKind.RATIO) {
        assertThat(BaseMeasures.standard().index(metric.numerator())).as(metric.name()).isPresent();
        assertThat(BaseMeasures.standard().index(metric.denominator())).as(metric.name()).isPresent();
      }
    }
  }

  @Test
  void ratiosOfMoneyPerCountAreMoneyAndOtherRatiosAreNumbers() {
    assertThat(catalog.byName("Cpc").orElseThrow().outputType()).isEqualTo("Money");
    assertThat(catalog.byName("CostPerOrderPc30d").orElseThrow().outputType()).isEqualTo("Money");
    assertThat(catalog.byName("ECpm").orElseThrow().factor()).isEqualTo(1000);
    assertThat(catalog.byName("RoasPc30d").orElseThrow().outputType()).isEqualTo("Number");
    assertThat(catalog.byName("ClickThroughRate").orElseThrow().outputType()).isEqualTo("Number");
  }

  @Test
  void theReadmeListsEveryMetricWithItsKind() throws IOException {
    String readme = Files.readString(Path.of("README.md"));

    for (Metric metric : catalog.metrics()) {
      assertThat(readme).as(metric.name()).contains("| `" + metric.name() + "` | " + metric.kind().name().toLowerCase());
    }
  }
}
