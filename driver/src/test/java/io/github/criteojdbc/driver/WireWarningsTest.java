package io.github.criteojdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.SQLWarning;

class WireWarningsTest {
  @Test void aChainTravelsWithItsMessagesStatesCodesAndOrder() {
    SQLWarning first = new SQLWarning("waiting about 12 s\tfor the budget\nof 40 calls; 50% spent", "01000");
    first.setNextWarning(new SQLWarning("Ünïcode & = + signs", "01ABC", 7));

    SQLWarning decoded = WireWarnings.decode(new String(WireWarnings.encode(first), StandardCharsets.UTF_8));

    assertThat(decoded.getMessage()).isEqualTo(first.getMessage());
    assertThat(decoded.getSQLState()).isEqualTo("01000");
    SQLWarning second = decoded.getNextWarning();
    assertThat(second.getMessage()).isEqualTo(first.getNextWarning().getMessage());
    assertThat(second.getSQLState()).isEqualTo("01ABC");
    assertThat(second.getErrorCode()).isEqualTo(7);
    assertThat((Object) second.getNextWarning()).isNull();
  }

  @Test void noWarningsTravelAsNone() {
    assertThat((Object) WireWarnings.decode(new String(WireWarnings.encode(null), StandardCharsets.UTF_8))).isNull();
  }
}
