package io.github.criteojdbc.driver;

import io.github.criteojdbc.adapter.QueryRejectedException;
import io.github.criteojdbc.client.CriteoApiException;
import io.github.criteojdbc.client.CriteoAuthException;
import io.github.criteojdbc.client.CriteoException;
import io.github.criteojdbc.client.ReportCancelledException;
import io.github.criteojdbc.client.ReportTimeoutException;

import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.validate.SqlValidatorException;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * Turns what Calcite, the adapter and the client throw into {@link SQLException}s whose message is
 * the one that explains the problem (not Calcite's "Error while executing SQL ..." wrapping) and
 * whose SQLState a tool can act on. The original exception stays the cause.
 */
final class SqlErrors {
  static final String SYNTAX_OR_ACCESS_RULE = "42000";
  static final String TIMEOUT = "HYT00";
  static final String CANCELLED = "HY008";
  static final String AUTHORIZATION = "28000";
  static final String CONNECTION_FAILURE = "08006";
  static final String GENERAL = "HY000";

  /** Avatica's message when a cancelled statement's result set is read. */
  private static final String AVATICA_CANCELLED = "Statement canceled";

  private SqlErrors() {
  }

  static SQLException translate(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      SQLException translated = translateOne(t, thrown);
      if (translated != null) {
        return translated;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    if (thrown instanceof SQLException) {
      return (SQLException) thrown;
    }
    return new SQLException(messageOf(thrown), GENERAL, thrown);
  }

  private static SQLException translateOne(Throwable t, Throwable thrown) {
    if (t instanceof QueryRejectedException) {
      return new SQLSyntaxErrorException(t.getMessage(), SYNTAX_OR_ACCESS_RULE, thrown);
    }
    if (t instanceof CriteoAuthException) {
      return new SQLInvalidAuthorizationSpecException(t.getMessage(), AUTHORIZATION, thrown);
    }
    if (t instanceof CriteoApiException) {
      int status = ((CriteoApiException) t).httpStatus();
      if (status >= 500) {
        return new SQLTransientConnectionException(t.getMessage(), CONNECTION_FAILURE, thrown);
      }
      return new SQLException(t.getMessage(), status == 400 ? SYNTAX_OR_ACCESS_RULE : GENERAL, thrown);
    }
    if (t instanceof ReportTimeoutException) {
      return new SQLTimeoutException(t.getMessage(), TIMEOUT, thrown);
    }
    if (t instanceof ReportCancelledException) {
      return new SQLException(t.getMessage(), CANCELLED, thrown);
    }
    if (t instanceof CriteoException) {
      return t.getCause() instanceof IOException
          ? new SQLNonTransientConnectionException(t.getMessage(), CONNECTION_FAILURE, thrown)
          : new SQLException(t.getMessage(), GENERAL, thrown);
    }
    if (t instanceof CalciteContextException || t instanceof SqlParseException
        || t instanceof SqlValidatorException) {
      return new SQLSyntaxErrorException(t.getMessage(), SYNTAX_OR_ACCESS_RULE, thrown);
    }
    if (t instanceof SQLException && AVATICA_CANCELLED.equals(t.getMessage())) {
      return new SQLException("The query was cancelled", CANCELLED, thrown);
    }
    return null;
  }

  private static String messageOf(Throwable thrown) {
    return thrown.getMessage() != null ? thrown.getMessage() : thrown.getClass().getSimpleName();
  }
}
