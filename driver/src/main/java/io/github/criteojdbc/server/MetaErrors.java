package io.github.criteojdbc.server;

import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;

import java.sql.SQLException;

/**
 * The error a client receives: the embedded driver's own message and SQLState, which name the
 * property or column and what to do and never carry a secret. Only the message travels, not the
 * embedded driver's exception and its causes.
 */
final class MetaErrors {
  static final String INTERNAL_STATE = "XX000";

  private MetaErrors() {
  }

  static AvaticaRuntimeException of(Exception e) {
    if (e instanceof AvaticaRuntimeException) {
      return (AvaticaRuntimeException) e;
    }
    if (e instanceof SQLException) {
      SQLException sql = (SQLException) e;
      return new AvaticaRuntimeException(sql.getMessage(), sql.getErrorCode(),
          sql.getSQLState() == null ? INTERNAL_STATE : sql.getSQLState(), AvaticaSeverity.ERROR);
    }
    return new AvaticaRuntimeException("The team server failed: " + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage()), -1, INTERNAL_STATE, AvaticaSeverity.ERROR);
  }
}
