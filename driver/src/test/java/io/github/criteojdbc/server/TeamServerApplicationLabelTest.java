package io.github.criteojdbc.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * {@code criteo_driver.budget} names the application by its client id and API root; through the
 * team server, whose client id is not its clients' business, it shows a label instead.
 */
class TeamServerApplicationLabelTest {
  private static final String APPLICATION = "SELECT application FROM criteo_driver.budget";

  @TempDir static Path dir;
  @TempDir static Path labelledDir;
  private static TeamServerFixture fixture;

  @BeforeAll static void start() throws Exception {
    fixture = TeamServerFixture.start(dir);
  }

  @AfterAll static void stop() {
    fixture.close();
  }

  @Test void thinClientsSeeNeitherTheServersClientIdNorItsApiRoot() throws SQLException {
    try (Connection thin = fixture.thinAlice()) {
      assertThat(application(thin)).isNotBlank().doesNotContain(fixture.sandbox.clientId())
          .doesNotContain(fixture.sandbox.baseUrl().getAuthority());
    }
  }

  @Test void stockAvaticaClientsSeeNeitherTheServersClientIdNorItsApiRoot() throws SQLException {
    try (Connection avatica = fixture.alice()) {
      assertThat(application(avatica)).isNotBlank().doesNotContain(fixture.sandbox.clientId())
          .doesNotContain(fixture.sandbox.baseUrl().getAuthority());
    }
  }

  @Test void everyClientOfTheServerSeesTheSameLabel() throws SQLException {
    try (Connection thin = fixture.thinAlice(); Connection avatica = fixture.carol()) {
      assertThat(application(thin)).isEqualTo(application(avatica));
    }
  }

  @Test void embeddedConnectionsStillSeeTheClientIdAtTheApiRoot() throws SQLException {
    try (Connection embedded = fixture.embedded()) {
      assertThat(application(embedded)).contains(fixture.sandbox.clientId() + "@" + fixture.sandbox.baseUrl());
    }
  }

  @Test void theConfiguredLabelIsShownInstead() throws Exception {
    Properties extra = new Properties();
    extra.setProperty("criteo.applicationLabel", "marketing reporting app");
    try (TeamServerFixture labelled = TeamServerFixture.start(labelledDir, extra);
        Connection thin = labelled.thinAlice()) {
      assertThat(application(thin)).isEqualTo("marketing reporting app");
    }
  }

  private static String application(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(APPLICATION)) {
      assertThat(rows.next()).isTrue();
      return rows.getString(1);
    }
  }
}
