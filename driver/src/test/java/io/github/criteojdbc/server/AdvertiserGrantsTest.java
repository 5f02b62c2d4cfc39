package io.github.criteojdbc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.calcite.avatica.remote.AvaticaRuntimeException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

class AdvertiserGrantsTest {
  @TempDir Path dir;

  @Test void aGrantSetsBothTheAllowedAndTheDefaultAdvertisers() throws Exception {
    AdvertiserGrants grants = grants("# comment", "", "alice: 10001, 10002,10001");

    assertThat(grants.restrict("alice")).containsEntry("allowedAdvertiserIds", "10001,10002")
        .containsEntry("advertiserIds", "10001,10002");
  }

  @Test void withoutAGrantsFileNobodyIsRestricted() {
    assertThat(AdvertiserGrants.none().restrict("anyone")).isEmpty();
  }

  @Test void aUserTheFileDoesNotListIsRefused() throws Exception {
    AdvertiserGrants grants = grants("alice: 10001");

    assertThatThrownBy(() -> grants.restrict("bob")).isInstanceOfSatisfying(AvaticaRuntimeException.class, e -> {
      assertThat(e.getSqlState()).isEqualTo("42501");
      assertThat(e.getErrorMessage()).contains("User bob is granted no advertiser");
    });
  }

  @Test void aLineWithoutAdvertisersIsRefusedByNumber() {
    assertThatThrownBy(() -> grants("alice: 10001", "bob:")).isInstanceOfSatisfying(SQLException.class,
        e -> assertThat(e.getSQLState()).isEqualTo("HY024")).hasMessageContaining("Line 2 of the grants file");
  }

  @Test void aUserOnTwoLinesIsRefused() {
    assertThatThrownBy(() -> grants("alice: 10001", "alice: 10002")).hasMessageContaining("User alice has two lines");
  }

  private AdvertiserGrants grants(String... lines) throws Exception {
    Path file = dir.resolve("grants");
    Files.write(file, List.of(lines));
    return AdvertiserGrants.read(file);
  }
}
