package io.github.criteojdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.adapter.QueryRejectedException;
import io.github.criteojdbc.client.ApiProblem;
import io.github.criteojdbc.client.CriteoApiException;
import io.github.criteojdbc.client.CriteoAuthException;
import io.github.criteojdbc.client.CriteoException;
import io.github.criteojdbc.client.ReportCancelledException;
import io.github.criteojdbc.client.ReportTimeoutException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {
  /** How Avatica wraps whatever fails during execution. */
  private static SQLException calciteWrapped(Throwable cause) {
    return new SQLException("Error while executing SQL \"select 1\": " + cause.getMessage(),
        new RuntimeException(cause.getMessage(), cause));
  }

  @Test
  void rejectedQueriesAreSyntaxErrorsWithTheAdaptersMessageOnly() {
    QueryRejectedException rejected = new QueryRejectedException("mpo_realtime needs advertiser_id = ...");

    SQLException translated = SqlErrors.translate(calciteWrapped(rejected));

    assertThat((Throwable) translated).isInstanceOf(SQLSyntaxErrorException.class)
        .hasMessage("mpo_realtime needs advertiser_id = ...");
    assertThat(translated.getSQLState()).isEqualTo("42000");
    assertThat(translated.getCause()).isInstanceOf(SQLException.class);
  }

  @Test
  void authFailuresSayWhatToCheck() {
    SQLException translated = SqlErrors.translate(calciteWrapped(new CriteoAuthException(401, List.of())));

    assertThat((Throwable) translated).isInstanceOf(SQLInvalidAuthorizationSpecException.class)
        .hasMessageContaining("Check clientId/clientSecret or the app's advertiser access");
    assertThat(translated.getSQLState()).isEqualTo("28000");
  }

  @Test
  void apiErrorsKeepCriteosCodeDetailAndTraceId() {
    CriteoApiException error = new CriteoApiException(400,
        List.of(new ApiProblem("error", "invalid-timespan", "Bad range", "Range too long", "trace-42", null)), null);

    SQLException translated = SqlErrors.translate(calciteWrapped(error));

    assertThat((Throwable) translated).hasMessageContaining("invalid-timespan").hasMessageContaining("Range too long")
        .hasMessageContaining("trace-42");
    assertThat(translated.getSQLState()).isEqualTo("42000");
  }

  @Test
  void serverErrorsAreConnectionFailures() {
    SQLException translated = SqlErrors.translate(calciteWrapped(new CriteoApiException(503, List.of(), null)));

    assertThat(translated.getSQLState()).startsWith("08");
  }

  @Test
  void networkFailuresAreConnectionFailures() {
    CriteoException unreachable = new CriteoException("cannot reach api.criteo.com", new IOException("refused"));

    assertThat(SqlErrors.translate(calciteWrapped(unreachable)).getSQLState()).startsWith("08");
  }

  @Test
  void timeoutsAreSqlTimeouts() {
    SQLException translated = SqlErrors.translate(calciteWrapped(new ReportTimeoutException("waited 900 s")));

    assertThat((Throwable) translated).isInstanceOf(SQLTimeoutException.class).hasMessage("waited 900 s");
    assertThat(translated.getSQLState()).isEqualTo("HYT00");
  }

  @Test
  void cancellationsHaveTheCancelState() {
    assertThat(SqlErrors.translate(calciteWrapped(new ReportCancelledException("cancelled"))).getSQLState())
        .isEqualTo("HY008");
    assertThat(SqlErrors.translate(new SQLException("Statement canceled")).getSQLState()).isEqualTo("HY008");
  }

  @Test
  void unknownSqlExceptionsPassThroughUnchanged() {
    SQLException original = new SQLException("next() called on closed cursor");

    assertThat((Throwable) SqlErrors.translate(original)).isSameAs(original);
  }

  @Test
  void unknownRuntimeFailuresBecomeGeneralErrors() {
    SQLException translated = SqlErrors.translate(new IllegalStateException("boom"));

    assertThat((Throwable) translated).hasMessage("boom");
    assertThat(translated.getSQLState()).isEqualTo("HY000");
  }
}
