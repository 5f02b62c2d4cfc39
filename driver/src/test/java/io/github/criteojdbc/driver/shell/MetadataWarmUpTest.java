package io.github.criteojdbc.driver.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.junit.jupiter.api.Test;

class MetadataWarmUpTest {
  @Test
  void compilesEveryHandlerItWarms() {
    List<MetadataHandler<?>> handlers = MetadataWarmUp.compile();

    assertThat(handlers).hasSameSizeAs(MetadataWarmUp.EVERY_QUERY).doesNotContainNull();
    for (int i = 0; i < handlers.size(); i++) {
      assertThat(handlers.get(i)).isInstanceOf(MetadataWarmUp.EVERY_QUERY.get(i));
    }
  }
}
