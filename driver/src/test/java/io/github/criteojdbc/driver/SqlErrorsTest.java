package io.github.criteojdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.sql.SQLTransientException;
import java.util.List;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
  @ParameterizedTest(name = "HTTP {0} -> {1}")
  @CsvSource({"400, 42000", "403, 42501", "404, 42704", "409, 42000", "410, 0A000", "429, 53400", "503, 08006"})
  void eachApiStatusHasItsOwnDocumentedState(int status, String state) {
    CriteoApiException error = new CriteoApiException(status, List.of(), status == 404 ? "Check baseUrl and apiVersion"
        : "");

    SQLException translated = SqlErrors.translate(calciteWrapped(error));

    assertThat(translated.getSQLState()).isEqualTo(state);
    assertThat(translated.getMessage()).contains("Criteo API error " + status);
  }

  @Test
  void refusedAccessSaysWhatToCheck() {
    SQLException translated = SqlErrors.translate(calciteWrapped(new CriteoAuthException(403, List.of())));

    assertThat(translated.getSQLState()).isEqualTo("42501");
    assertThat((Throwable) translated).hasMessageContaining("Check clientId/clientSecret or the app's advertiser access");
  }

  @Test
  void rateLimitsAfterTheRetriesAreTransientAndSayToWait() {
    SQLException translated = SqlErrors.translate(calciteWrapped(new CriteoApiException(429, List.of(), null)));

    assertThat((Throwable) translated).isInstanceOf(SQLTransientException.class).hasMessageContaining("wait");
  }

  @Test
  void aMissingEndpointSaysToCheckTheUrlAndVersion() {
    SQLException translated = SqlErrors.translate(new CriteoApiException(404, List.of(), null));

    assertThat((Throwable) translated).hasMessageContaining("check baseUrl and apiVersion");
  }

  @Test
  void errorsEscapingGeneratedCodeBecomeSqlExceptions() {
    SQLException cast = SqlErrors.translate(new ExceptionInInitializerError(
        new NumberFormatException("For input string: \"a\"")));
    SQLException assertion = SqlErrors.translate(new AssertionError("type mismatch"));
    SQLException linkage = SqlErrors.translate(new NoClassDefFoundError("Baz"));

    assertThat(cast.getSQLState()).isEqualTo("22018");
    assertThat((Throwable) cast).hasMessage("Invalid character value for cast: 'a' is not a number");
    assertThat(assertion.getSQLState()).isEqualTo("HY000");
    assertThat((Throwable) assertion).hasMessageContaining("type mismatch");
    assertThat(linkage.getSQLState()).isEqualTo("HY000");
  }

  @Test
  void theJvmsOwnFailuresAreNotHidden() {
    OutOfMemoryError oom = new OutOfMemoryError("heap");

    assertThatThrownBy(() -> SqlErrors.translate(oom)).isSameAs(oom);
  }

  @Test
  void arithmeticFailuresHaveDataExceptionStates() {
    assertThat(SqlErrors.translate(calciteWrapped(new ArithmeticException("/ by zero"))).getSQLState())
        .isEqualTo("22012");
    assertThat(SqlErrors.translate(new ArithmeticException("long overflow")).getSQLState()).isEqualTo("22003");
  }

  @Test
  void hugeMessagesAreCut() {
    String dump = "There are not enough rules to produce a node\n" + "x".repeat(110_000);

    SQLException translated = SqlErrors.translate(new SQLException(dump));
    SQLException planner = SqlErrors.translate(new RuntimeException(new org.apache.calcite.plan.RelOptPlanner
        .CannotPlanException(dump)));

    assertThat(translated.getMessage()).hasSizeLessThan(1_100);
    assertThat(planner.getMessage()).hasSizeLessThan(200).contains("not enough rules");
    assertThat(planner.getSQLState()).isEqualTo("0A000");
  }

  @Test
  void parseErrorsWithoutAPositionGetOne() {
    SqlParseException parse = new SqlParseException("Non-query expression encountered in illegal context",
        new SqlParserPos(1, 1), null, null, null);

    assertThat((Throwable) SqlErrors.translate(calciteWrapped(parse)))
        .hasMessage("Non-query expression encountered in illegal context at line 1, column 1");
  }
}
