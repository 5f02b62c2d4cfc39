package io.github.criteojdbc.server;

import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.Handler;
import org.apache.calcite.avatica.remote.ProtobufTranslation;
import org.apache.calcite.avatica.remote.Service;

import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a client may see of an error: Avatica's handler puts the server's stack traces in every
 * error response, and for an exception that is not an {@code AvaticaRuntimeException} the messages
 * of its whole chain of causes. Only the message and SQLState of errors the server raised on
 * purpose travel; anything else becomes a generic error, and its detail goes to the server's log.
 */
final class ErrorResponses {
  static final String UNEXPECTED_MESSAGE = "The team server failed on this request; its log has the details:"
      + " try again, and tell the server's administrator if it fails again";

  private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

  private ErrorResponses() {
  }

  /** {@code response} when it is not an error, else the same error without stack traces. */
  static Handler.HandlerResponse<byte[]> withoutStackTraces(ProtobufTranslation translation,
      Handler.HandlerResponse<byte[]> response) throws IOException {
    if (response.getStatusCode() == 200) {
      return response;
    }
    Service.Response parsed = translation.parseResponse(response.getResponse());
    if (!(parsed instanceof Service.ErrorResponse)) {
      return response;
    }
    Service.ErrorResponse error = (Service.ErrorResponse) parsed;
    Service.ErrorResponse cleaned;
    if (raisedOnPurpose(error)) {
      cleaned = new Service.ErrorResponse(List.of(), error.errorMessage, error.errorCode, error.sqlState,
          error.severity, error.rpcMetadata);
    } else {
      LOG.log(Level.WARNING, () -> "a request failed unexpectedly: " + error.errorMessage + "\n"
          + String.join("\n", error.exceptions));
      cleaned = new Service.ErrorResponse(List.of(), UNEXPECTED_MESSAGE, error.errorCode, MetaErrors.INTERNAL_STATE,
          AvaticaSeverity.ERROR, error.rpcMetadata);
    }
    return new Handler.HandlerResponse<>(translation.serializeResponse(cleaned), response.getStatusCode());
  }

  /**
   * An {@code AvaticaRuntimeException}, whose message the server wrote for the client; Avatica gives
   * any other exception the unknown severity, which arrives as none.
   */
  private static boolean raisedOnPurpose(Service.ErrorResponse error) {
    return error.severity != null && error.severity != AvaticaSeverity.UNKNOWN;
  }
}
