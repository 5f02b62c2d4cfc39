package io.github.criteojdbc.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.client.Secret;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccessTokenTest {
  final Instant issued = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void fifteenMinuteTokenIsReplacedOneMinuteBeforeExpiry() {
    AccessToken token = AccessToken.issued(Secret.of("t"), issued, Duration.ofSeconds(900));

    assertThat(token.usableAt(issued.plusSeconds(839))).isTrue();
    assertThat(token.usableAt(issued.plusSeconds(840))).isFalse();
  }

  @Test
  void shortTokenIsReplacedWithTenPercentOfItsLifetimeLeft() {
    AccessToken token = AccessToken.issued(Secret.of("t"), issued, Duration.ofSeconds(100));

    assertThat(token.refreshAt()).isEqualTo(issued.plusSeconds(90));
  }
}
