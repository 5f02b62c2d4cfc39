package io.github.criteojdbc.server;

import static io.github.criteojdbc.server.StockAvaticaClientTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Our own driver in thin mode, {@code jdbc:criteo:server=https://...}, against a team server on loopback. */
class ThinDriverTest {
  private static final String TOP_CAMPAIGNS = "SELECT campaign_id, campaign, SUM(clicks) AS clicks,"
      + " SUM(advertiser_cost) AS cost FROM statistics WHERE day >= CURRENT_DATE - INTERVAL '7' DAY"
      + " GROUP BY campaign_id, campaign ORDER BY clicks DESC, campaign_id";
  private static final String CLICKS_BY_DAY = "SELECT day, SUM(clicks) AS clicks FROM statistics"
      + " WHERE day BETWEEN ? AND ? GROUP BY day ORDER BY day";
  private static final String MISSING_COLUMN = "SELECT no_such_column FROM statistics";

  @TempDir static Path dir;
  private static TeamServerFixture fixture;

  @BeforeAll static void start() throws Exception {
    fixture = TeamServerFixture.start(dir);
  }

  @AfterAll static void stop() {
    fixture.close();
  }

  @Test void aQueryGetsTheRowsOfTheEmbeddedDriver() throws SQLException {
    List<List<String>> thin;
    try (Connection connection = fixture.thinAlice(); Statement statement = connection.createStatement()) {
      thin = rows(statement.executeQuery(TOP_CAMPAIGNS));
    }
    try (Connection connection = fixture.embedded(); Statement statement = connection.createStatement()) {
      assertThat(thin).isNotEmpty().isEqualTo(rows(statement.executeQuery(TOP_CAMPAIGNS)));
    }
  }

  @Test void localDatesBoundToAPreparedStatementAreTheReportDays() throws SQLException {
    LocalDate last = LocalDate.now().minusDays(2);
    List<List<String>> thin;
    try (Connection connection = fixture.thinAlice();
        PreparedStatement statement = connection.prepareStatement(CLICKS_BY_DAY)) {
      statement.setObject(1, last.minusDays(3));
      statement.setObject(2, last);
      thin = rows(statement.executeQuery());
    }
    try (Connection connection = fixture.embedded();
        PreparedStatement statement = connection.prepareStatement(CLICKS_BY_DAY)) {
      statement.setObject(1, last.minusDays(3));
      statement.setObject(2, last);
      assertThat(thin).hasSize(4).isEqualTo(rows(statement.executeQuery()));
    }
  }

  @Test void metadataNamesOurDriverAndProduct() throws SQLException {
    try (Connection thin = fixture.thinAlice(); Connection embedded = fixture.embedded()) {
      DatabaseMetaData thinMetaData = thin.getMetaData();
      DatabaseMetaData embeddedMetaData = embedded.getMetaData();
      assertThat(List.of(thinMetaData.getDatabaseProductName(), thinMetaData.getDriverName(),
          thinMetaData.getDriverVersion())).isEqualTo(List.of(embeddedMetaData.getDatabaseProductName(),
          embeddedMetaData.getDriverName(), embeddedMetaData.getDriverVersion()));
      assertThat(embeddedMetaData.getDatabaseProductVersion()).startsWith(thinMetaData.getDatabaseProductVersion());
    }
  }

  @Test void metadataListsTheColumnsOfTheEmbeddedDriver() throws SQLException {
    try (Connection thin = fixture.thinAlice(); Connection embedded = fixture.embedded()) {
      assertThat(columns(thin.getMetaData())).contains("day", "clicks")
          .isEqualTo(columns(embedded.getMetaData()));
    }
  }

  private static List<String> columns(DatabaseMetaData metaData) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (ResultSet rows = metaData.getColumns(null, "criteo", "statistics", "%")) {
      while (rows.next()) {
        columns.add(rows.getString("COLUMN_NAME"));
      }
    }
    return columns;
  }

  @Test void aQueryErrorArrivesWithTheEmbeddedDriversMessageAndState() throws SQLException {
    SQLException embeddedError;
    try (Connection connection = fixture.embedded(); Statement statement = connection.createStatement()) {
      embeddedError = catchThrowableOfType(() -> statement.executeQuery(MISSING_COLUMN), SQLException.class);
    }
    try (Connection connection = fixture.thinAlice(); Statement statement = connection.createStatement()) {
      SQLException thinError = catchThrowableOfType(() -> statement.executeQuery(MISSING_COLUMN), SQLException.class);
      assertThat(thinError.getMessage()).isEqualTo(embeddedError.getMessage());
      assertThat(thinError.getSQLState()).isEqualTo(embeddedError.getSQLState());
      assertThat(thinError.getClass()).isEqualTo(embeddedError.getClass());
    }
  }

  @Test void aPropertyTheServerOwnsIsRefusedWithTheServersMessageAndState() {
    Properties properties = new Properties();
    properties.setProperty("cacheTtlSeconds", "0");
    assertThatThrownBy(() -> fixture.thinAlice(properties))
        .hasMessage("Connection property cacheTtlSeconds is set by the team server's configuration and cannot be"
            + " set by a client; a client may set only " + ClientProperties.allowedNames())
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(ClientProperties.REFUSED_STATE));
  }

  @Test void aWrongPasswordIsRefusedWithTheServersMessage() {
    assertThatThrownBy(() -> DriverManager.getConnection(fixture.thinUrl() + ";user=alice;password=wrong"))
        .hasMessage("Wrong user name or password")
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(AvaticaEndpoint.AUTHENTICATION_STATE));
  }

  @Test void aServerWhoseCertificateIsNotTrustedFailsTheHandshakeNamingTheTruststore() {
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:criteo:server=" + fixture.server.url()
        + ";user=alice;password=" + TeamServerFixture.ALICE_PASSWORD))
        .hasMessageStartingWith("The TLS handshake with the team server failed").hasMessageContaining("truststore")
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
  }

  @Test void aChosenTimezoneIsTheServerConnectionsOwn() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("timezone", "Mars/Olympus");
    SQLException embeddedError = catchThrowableOfType(() -> DriverManager.getConnection(
        "jdbc:criteo:sandbox=true;timezone=Mars/Olympus"), SQLException.class);
    assertThatThrownBy(() -> fixture.thinAlice(properties)).hasMessage(embeddedError.getMessage());
  }
}
