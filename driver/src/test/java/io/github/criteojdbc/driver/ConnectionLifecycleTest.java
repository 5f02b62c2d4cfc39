package io.github.criteojdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Opening, checking and closing connections the way SQL clients do. */
class ConnectionLifecycleTest {
  @Test
  void theSandboxStopsWhenTheLastConnectionUsingItCloses() throws SQLException {
    Connection first = SandboxConnections.open();
    Connection second = SandboxConnections.open();
    assertThat(EmbeddedSandbox.running()).isPresent();

    first.close();
    assertThat(EmbeddedSandbox.running()).isPresent();
    assertThat(second.isValid(5)).isTrue();

    second.close();
    assertThat(EmbeddedSandbox.running()).isEmpty();
  }

  @Test
  void closingTwiceIsHarmless() throws SQLException {
    Connection connection = SandboxConnections.open();
    connection.close();
    connection.close();

    assertThat(connection.isClosed()).isTrue();
    assertThat(connection.isValid(1)).isFalse();
  }

  @Test
  void isValidFetchesATokenButCreatesNoReport() throws SQLException {
    try (Connection connection = SandboxConnections.open()) {
      long reports = SandboxConnections.reportsCreated();

      assertThat(connection.isValid(5)).isTrue();
      assertThat(SandboxConnections.server().requestLog().tokenRequests()).isPositive();
      assertThat(SandboxConnections.reportsCreated()).isEqualTo(reports);
    }
  }

  @Test
  void wrongCredentialsMakeIsValidFalse() throws SQLException {
    try (Connection sandbox = SandboxConnections.open();
        Connection wrong = DriverManager.getConnection("jdbc:criteo:baseUrl=" + SandboxConnections.server().baseUrl(),
            "not-a-client", "not-its-secret")) {
      assertThat(sandbox.isValid(5)).isTrue();
      assertThat(wrong.isValid(5)).isFalse();
    }
  }

  @Test
  void transactionCallsOfAReadOnlyConnectionAreHarmlessAndRemembered() throws SQLException {
    try (Connection connection = SandboxConnections.open()) {
      assertThat(connection.isReadOnly()).isTrue();
      assertThat(connection.getAutoCommit()).isTrue();
      assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_NONE);

      connection.setReadOnly(true);
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
      connection.commit();
      connection.rollback();

      assertThat(connection.isReadOnly()).isTrue();
      assertThat(connection.getAutoCommit()).as("what the tool set").isFalse();
      assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_UNCOMMITTED);
      assertThat(connection.getMetaData().isReadOnly()).isTrue();
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT 1")) {
        assertThat(rows.next()).as("queries still run with auto-commit off").isTrue();
      }
      connection.setReadOnly(false);
      assertThat(connection.isReadOnly()).isFalse();
    }
  }

  @Test
  void unknownPropertiesAreIgnoredWithAWarningListingTheKnownOnes() throws SQLException {
    try (Connection connection = SandboxConnections.open("colour=blue")) {
      assertThat(QueryTest.messages(connection.getWarnings())).singleElement().asString()
          .contains("colour").contains("clientId").contains("pollIntervalSeconds");
      connection.clearWarnings();
      assertThat(QueryTest.messages(connection.getWarnings())).isEmpty();
    }
  }

  @Test
  void aUserSuppliedModelIsNeverLoaded() throws SQLException {
    String model = "inline:{version:'1.0',defaultSchema:'evil',schemas:[{name:'evil',type:'custom',"
        + "factory:'org.apache.calcite.adapter.jdbc.JdbcSchema$Factory',operand:{jdbcUrl:'jdbc:h2:mem:x'}}]}";
    try (Connection connection = SandboxConnections.open("model=\"" + model + "\";schemaFactory=x.Evil")) {
      assertThat(connection.getSchema()).isEqualTo("criteo");
      assertThat(MetadataTest.column(connection.getMetaData().getSchemas(), "TABLE_SCHEM"))
          .containsExactly("criteo", "criteo_driver", "metadata");
      assertThat(QueryTest.messages(connection.getWarnings())).singleElement().asString()
          .contains("model").contains("schemaFactory");
    }
  }

  @Test
  void logLevelSetsTheDriversLogger() throws SQLException {
    SandboxConnections.open("logLevel=WARN").close();

    assertThat(Logger.getLogger("io.github.criteojdbc").getLevel()).isEqualTo(Level.WARNING);
  }

  @Test
  void connectionsUnwrapToCalcite() throws SQLException {
    try (Connection connection = SandboxConnections.open();
        Statement statement = connection.createStatement()) {
      assertThat(connection.isWrapperFor(org.apache.calcite.jdbc.CalciteConnection.class)).isTrue();
      assertThat(connection.unwrap(Connection.class)).isSameAs(connection);
      try (ResultSet rows = statement.executeQuery("SELECT 1")) {
        assertThat(rows.getType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
        assertThat(rows.getConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
      }
    }
  }
}
