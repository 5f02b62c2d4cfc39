package io.github.criteojdbc.driver;

import io.github.criteojdbc.adapter.AdvertiserNotGrantedException;
import io.github.criteojdbc.adapter.QueryRejectedException;
import io.github.criteojdbc.client.CriteoApiException;
import io.github.criteojdbc.client.CriteoAuthException;
import io.github.criteojdbc.client.CriteoException;
import io.github.criteojdbc.client.ReportCancelledException;
import io.github.criteojdbc.client.ReportTimeoutException;

import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidatorException;

import java.io.IOException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what Calcite, the adapter and the client throw into {@link SQLException}s whose message is
 * the one that explains the problem (not Calcite's "Error while executing SQL ..." wrapping) and
 * whose SQLState a tool can act on. The original exception stays the cause. Every JDBC method of
 * the driver ends in {@link #translate}, so nothing else reaches the application: not Calcite's
 * runtime exceptions, and not the errors its generated code lets escape
 * ({@link ExceptionInInitializerError}, {@link LinkageError}, {@link AssertionError}). The
 * driver's README lists the SQLStates.
 */
final class SqlErrors {
  static final String SYNTAX_OR_ACCESS_RULE = "42000";
  static final String INSUFFICIENT_PRIVILEGE = "42501";
  static final String UNDEFINED_OBJECT = "42704";
  static final String COLUMN_NOT_FOUND = "42S22";
  static final String TIMEOUT = "HYT00";
  static final String CANCELLED = "HY008";
  static final String AUTHORIZATION = "28000";
  static final String UNABLE_TO_CONNECT = "08001";
  static final String CONNECTION_FAILURE = "08006";
  static final String CONNECTION_CLOSED = "08003";
  static final String RATE_LIMITED = "53400";
  static final String READ_ONLY = "25006";
  static final String NOT_SUPPORTED = "0A000";
  static final String INVALID_CAST = "22018";
  static final String DIVISION_BY_ZERO = "22012";
  static final String OUT_OF_RANGE = "22003";
  static final String INVALID_DATETIME = "22007";
  static final String STATEMENT_CLOSED = "HY010";
  static final String RESULT_SET_CLOSED = "24000";
  static final String INVALID_COLUMN_INDEX = "07009";
  static final String INVALID_ATTRIBUTE = "HY024";
  static final String GENERAL = "HY000";

  /** Longer messages (Calcite's planner dumps run to 100,000 characters) are cut to this. */
  static final int MAX_MESSAGE_LENGTH = 1_000;

  /** Avatica's message when a cancelled statement's result set is read. */
  private static final String AVATICA_CANCELLED = "Statement canceled";
  private static final Pattern NUMBER_INPUT = Pattern.compile("For input string: \"(.*)\"(?s:.*)");

  private SqlErrors() {
  }

  /**
   * The SQLException for what a JDBC call threw. The JVM's own failures (out of memory...) are
   * rethrown as they are; a stack overflow (a query nested too deeply to plan) is translated.
   */
  static SQLException translate(Throwable thrown) {
    if (thrown instanceof VirtualMachineError && !(thrown instanceof StackOverflowError)) {
      throw (VirtualMachineError) thrown;
    }
    if (thrown instanceof SQLException && ((SQLException) thrown).getSQLState() != null
        && !GENERAL.equals(((SQLException) thrown).getSQLState())) {
      // Already says what went wrong (the driver's own, or translated on the way up).
      SQLException sql = (SQLException) thrown;
      return sql.getMessage() == null || sql.getMessage().length() <= MAX_MESSAGE_LENGTH ? sql
          : new SQLException(cap(sql.getMessage()), sql.getSQLState(), sql);
    }
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
      SQLException sql = (SQLException) thrown;
      String message = sql.getMessage();
      return message != null && message.length() > MAX_MESSAGE_LENGTH
          ? new SQLException(cap(message), sql.getSQLState() != null ? sql.getSQLState() : GENERAL, sql)
          : sql;
    }
    if (thrown instanceof StackOverflowError) {
      return new SQLException("The query is nested too deeply for the query engine; simplify it", GENERAL, thrown);
    }
    if (thrown instanceof Error) {
      return new SQLException(cap("Internal error of the query engine (" + thrown.getClass().getName()
          + (thrown.getMessage() != null ? ": " + thrown.getMessage() : "") + ")"), GENERAL, thrown);
    }
    return new SQLException(cap(messageOf(thrown)), GENERAL, thrown);
  }

  /** The text of a message cut to {@link #MAX_MESSAGE_LENGTH} characters. */
  static String cap(String message) {
    if (message == null || message.length() <= MAX_MESSAGE_LENGTH) {
      return message;
    }
    return message.substring(0, MAX_MESSAGE_LENGTH) + "... (" + (message.length() - MAX_MESSAGE_LENGTH)
        + " more characters)";
  }

  static SQLException closedConnection() {
    return new SQLNonTransientConnectionException("The connection is closed", CONNECTION_CLOSED);
  }

  static SQLException closedStatement() {
    return new SQLException("The statement is closed", STATEMENT_CLOSED);
  }

  static SQLException closedResultSet() {
    return new SQLException("The result set is closed", RESULT_SET_CLOSED);
  }

  static SQLFeatureNotSupportedException readOnly(String what) {
    return new SQLFeatureNotSupportedException("The driver is read-only: " + what + " is not supported", NOT_SUPPORTED);
  }

  static SQLFeatureNotSupportedException notSupported(String what) {
    return new SQLFeatureNotSupportedException(what + " is not supported by the driver", NOT_SUPPORTED);
  }

  private static SQLException translateOne(Throwable t, Throwable thrown) {
    if (t instanceof AdvertiserNotGrantedException) {
      return new SQLSyntaxErrorException(t.getMessage(), INSUFFICIENT_PRIVILEGE, thrown);
    }
    if (t instanceof QueryRejectedException) {
      return new SQLSyntaxErrorException(t.getMessage(), SYNTAX_OR_ACCESS_RULE, thrown);
    }
    if (t instanceof CriteoAuthException) {
      return new SQLInvalidAuthorizationSpecException(t.getMessage(),
          ((CriteoAuthException) t).httpStatus() == 403 ? INSUFFICIENT_PRIVILEGE : AUTHORIZATION, thrown);
    }
    if (t instanceof CriteoApiException) {
      return apiError((CriteoApiException) t, thrown);
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
    if (t instanceof SqlParseException) {
      return new SQLSyntaxErrorException(cap(withPosition(t.getMessage(), ((SqlParseException) t).getPos())),
          SYNTAX_OR_ACCESS_RULE, thrown);
    }
    if (t instanceof CalciteContextException || t instanceof SqlValidatorException) {
      return new SQLSyntaxErrorException(cap(t.getMessage()), SYNTAX_OR_ACCESS_RULE, thrown);
    }
    if (t instanceof RelOptPlanner.CannotPlanException) {
      return new SQLFeatureNotSupportedException("The query engine cannot run this query: "
          + cap(firstLine(t.getMessage())), NOT_SUPPORTED, thrown);
    }
    if (t instanceof NumberFormatException) {
      return new SQLDataException(numberFormatMessage(t.getMessage()), INVALID_CAST, thrown);
    }
    if (t instanceof ArithmeticException) {
      return arithmetic(t, thrown);
    }
    if (t instanceof SQLException && AVATICA_CANCELLED.equals(t.getMessage())) {
      return new SQLException("The query was cancelled", CANCELLED, thrown);
    }
    return null;
  }

  /** SQLStates by HTTP status; the client's message says what to check. */
  private static SQLException apiError(CriteoApiException e, Throwable thrown) {
    int status = e.httpStatus();
    String message = e.getMessage();
    if (status >= 500) {
      return new SQLTransientConnectionException(message, CONNECTION_FAILURE, thrown);
    }
    switch (status) {
      case 400:
      case 422:
        return new SQLSyntaxErrorException(message, SYNTAX_OR_ACCESS_RULE, thrown);
      case 409:
        return new SQLSyntaxErrorException(message + (message.contains("conflict") ? "" : "; the request's"
            + " parameters conflict: change the query's filters or columns"), SYNTAX_OR_ACCESS_RULE, thrown);
      case 403:
        return new SQLInvalidAuthorizationSpecException(message, INSUFFICIENT_PRIVILEGE, thrown);
      case 404:
        return new SQLSyntaxErrorException(message + (message.contains("Check") ? ""
            : ". The report or endpoint was not found: check baseUrl and apiVersion"), UNDEFINED_OBJECT, thrown);
      case 410:
        return new SQLFeatureNotSupportedException(message, NOT_SUPPORTED, thrown);
      case 429:
        return new SQLTransientException(message + (message.contains("rate limited") ? ""
            : ". Criteo's rate limit was reached: wait a minute and run the query again"), RATE_LIMITED, thrown);
      default:
        return new SQLException(message, GENERAL, thrown);
    }
  }

  private static SQLException arithmetic(Throwable t, Throwable thrown) {
    String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
    if (message.contains("by zero")) {
      return new SQLDataException("Division by zero", DIVISION_BY_ZERO, thrown);
    }
    if (message.contains("overflow") || message.contains("out of range")) {
      return new SQLDataException("Numeric value out of range (" + t.getMessage() + ")", OUT_OF_RANGE, thrown);
    }
    return new SQLDataException(cap(t.getMessage()), "22000", thrown);
  }

  private static String numberFormatMessage(String message) {
    if (message != null) {
      Matcher input = NUMBER_INPUT.matcher(message);
      if (input.matches()) {
        return "Invalid character value for cast: '" + cap(input.group(1)) + "' is not a number";
      }
    }
    return "Invalid character value for cast: a text value is not a number"
        + (message != null && !message.isEmpty() ? " (" + cap(message) + ")" : "");
  }

  private static String withPosition(String message, SqlParserPos pos) {
    String text = message != null ? message : "Syntax error";
    if (pos == null || pos.getLineNum() <= 0 || text.contains(" line ")) {
      return text;
    }
    return text + " at line " + pos.getLineNum() + ", column " + pos.getColumnNum();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no plan";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  private static String messageOf(Throwable thrown) {
    return thrown.getMessage() != null ? thrown.getMessage() : thrown.getClass().getSimpleName();
  }
}
