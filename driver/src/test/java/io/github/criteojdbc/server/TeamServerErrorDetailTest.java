package io.github.criteojdbc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.AvaticaSqlException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Errors reach the stock Avatica client and the thin driver with the server's message and
 * SQLState only: the stack traces that Avatica's error response can carry stay on the server.
 */
class TeamServerErrorDetailTest {
  private static final String UNKNOWN_COLUMN = "SELECT no_such_column FROM statistics";

  @TempDir static Path dir;
  private static TeamServerFixture fixture;

  @BeforeAll static void start() throws Exception {
    fixture = TeamServerFixture.start(dir);
  }

  @AfterAll static void stop() {
    fixture.close();
  }

  @Test void theStockClientsQueryErrorHasTheServersMessageAndNoStackTrace() throws Exception {
    Throwable failure;
    try (Connection connection = fixture.alice(); Statement statement = connection.createStatement()) {
      failure = catchThrowable(() -> statement.executeQuery(UNKNOWN_COLUMN));
    }

    SQLException embedded = embeddedFailure();
    assertThat(failure).isInstanceOfSatisfying(SQLException.class, e -> {
      assertThat(e.getSQLState()).isEqualTo(embedded.getSQLState());
      assertThat(e.getMessage()).contains(embedded.getMessage());
    });
    assertThat(serverStackTraces(failure)).containsOnly(List.of());
  }

  @Test void theStockClientsLoginRefusalHasNoStackTrace() {
    Throwable failure = catchThrowable(() -> fixture.basic(TeamServerFixture.ALICE, "wrong password").close());

    assertThat(failure).hasMessageContaining("Wrong user name or password");
    assertThat(serverStackTraces(failure)).containsOnly(List.of());
  }

  @Test void theThinClientsQueryErrorIsTheServersMessageAndNoStackTrace() throws Exception {
    Throwable failure;
    try (Connection connection = fixture.thinAlice(); Statement statement = connection.createStatement()) {
      failure = catchThrowable(() -> statement.executeQuery(UNKNOWN_COLUMN));
    }

    SQLException embedded = embeddedFailure();
    assertThat(failure).isInstanceOfSatisfying(SQLException.class, e -> {
      assertThat(e.getSQLState()).isEqualTo(embedded.getSQLState());
      assertThat(e.getMessage()).isEqualTo(embedded.getMessage());
    });
    assertThat(serverStackTraces(failure)).containsOnly(List.of());
  }

  private static SQLException embeddedFailure() throws SQLException {
    try (Connection connection = fixture.embedded(); Statement statement = connection.createStatement()) {
      return (SQLException) catchThrowable(() -> statement.executeQuery(UNKNOWN_COLUMN));
    }
  }

  /** The server's stack traces each Avatica exception in {@code failure}'s causes carries; one list at least. */
  private static List<List<String>> serverStackTraces(Throwable failure) {
    List<List<String>> traces = new ArrayList<>();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof AvaticaSqlException) {
        traces.add(((AvaticaSqlException) t).getStackTraces());
      } else if (t instanceof AvaticaClientRuntimeException) {
        traces.add(((AvaticaClientRuntimeException) t).getServerExceptions());
      }
    }
    assertThat(traces).as("no Avatica exception in %s", failure).isNotEmpty();
    return traces;
  }
}
