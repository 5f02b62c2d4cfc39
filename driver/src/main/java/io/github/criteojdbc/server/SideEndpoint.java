package io.github.criteojdbc.server;

import io.github.criteojdbc.driver.WireWarnings;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.apache.calcite.avatica.remote.AvaticaRuntimeException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the Avatica protocol lacks, for the thin driver: {@code POST /criteo/cancel} stops a
 * statement's execution in flight (and the polling of its reports), {@code POST /criteo/timeout}
 * sets the query timeout of a statement's later executions, {@code POST /criteo/warnings} answers
 * the warnings of a statement (or, without {@code statement}, of the connection) and
 * {@code POST /criteo/clearWarnings} clears them. Each takes a form of {@code connection} and
 * {@code statement} ids (and {@code seconds}), logged in as the Avatica endpoint is, and acts only
 * on a connection of the user who sent it. Answers 204, the warnings as {@link WireWarnings} with
 * 200, or the SQLState on a first line and the message after it.
 */
final class SideEndpoint implements HttpHandler {
  static final String CONTEXT = "/criteo/";
  private static final Logger LOG = Logger.getLogger(SideEndpoint.class.getName());
  private static final int MAX_FORM_BYTES = 4096;
  private static final String BAD_REQUEST_STATE = "HY024";

  private final Authenticator authenticator;
  private final ServerConnections connections;

  SideEndpoint(Authenticator authenticator, ServerConnections connections) {
    this.authenticator = authenticator;
    this.connections = connections;
  }

  @Override public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.getResponseHeaders().set("Allow", "POST");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      Authenticator.Outcome outcome = authenticator.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
      if (outcome.user().isEmpty()) {
        LOG.info(() -> "refused a side request from " + exchange.getRemoteAddress().getAddress().getHostAddress()
            + ": " + outcome.refusal());
        answer(exchange, 401, AvaticaEndpoint.AUTHENTICATION_STATE, outcome.refusal());
        return;
      }
      String path = exchange.getRequestURI().getPath();
      try {
        Map<String, String> form = form(exchange.getRequestBody());
        String connectionId = required(form, "connection");
        ServerConnection connection = connections.get(outcome.user().get(), connectionId);
        if (path.equals(CONTEXT + "cancel")) {
          connection.existingStatement(connectionId, integer(form, "statement")).cancel();
          LOG.fine(() -> outcome.user().get() + " cancelled statement " + form.get("statement"));
        } else if (path.equals(CONTEXT + "timeout")) {
          connection.existingStatement(connectionId, integer(form, "statement")).queryTimeout(integer(form, "seconds"));
        } else if (path.equals(CONTEXT + "warnings")) {
          SQLWarning warnings = warnings(connection, connectionId, form);
          LOG.fine(() -> outcome.user().get() + " read the warnings of connection " + connectionId
              + (form.containsKey("statement") ? ", statement " + form.get("statement") : ""));
          answer(exchange, 200, WireWarnings.CONTENT_TYPE, WireWarnings.encode(warnings));
          return;
        } else if (path.equals(CONTEXT + "clearWarnings")) {
          clearWarnings(connection, connectionId, form);
        } else {
          answer(exchange, 404, BAD_REQUEST_STATE, "No side request " + path + ": the team server has "
              + CONTEXT + "cancel, " + CONTEXT + "timeout, " + CONTEXT + "warnings and " + CONTEXT + "clearWarnings");
          return;
        }
        exchange.sendResponseHeaders(204, -1);
      } catch (AvaticaRuntimeException e) {
        answer(exchange, 404, e.getSqlState(), e.getErrorMessage());
      } catch (SQLException e) {
        answer(exchange, 400, e.getSQLState() == null ? MetaErrors.INTERNAL_STATE : e.getSQLState(), e.getMessage());
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "serving a side request failed", e);
      throw e;
    }
  }

  /** The statement's warnings when the form names one, else the connection's. */
  private static SQLWarning warnings(ServerConnection connection, String connectionId, Map<String, String> form)
      throws SQLException {
    return form.containsKey("statement")
        ? connection.existingStatement(connectionId, integer(form, "statement")).warnings()
        : connection.embedded().getWarnings();
  }

  private static void clearWarnings(ServerConnection connection, String connectionId, Map<String, String> form)
      throws SQLException {
    if (form.containsKey("statement")) {
      connection.existingStatement(connectionId, integer(form, "statement")).clearWarnings();
    } else {
      connection.embedded().clearWarnings();
    }
  }

  private static Map<String, String> form(InputStream in) throws IOException, SQLException {
    byte[] body = in.readNBytes(MAX_FORM_BYTES + 1);
    if (body.length > MAX_FORM_BYTES) {
      throw new SQLException("A side request's form is at most " + MAX_FORM_BYTES + " bytes", BAD_REQUEST_STATE);
    }
    Map<String, String> form = new HashMap<>();
    for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  private static String required(Map<String, String> form, String name) throws SQLException {
    String value = form.get(name);
    if (value == null || value.isBlank()) {
      throw new SQLException("A side request needs the form field " + name, BAD_REQUEST_STATE);
    }
    return value;
  }

  private static int integer(Map<String, String> form, String name) throws SQLException {
    String value = required(form, name);
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new SQLException("The form field " + name + " must be a whole number, not '" + value + "'",
          BAD_REQUEST_STATE);
    }
  }

  private static void answer(HttpExchange exchange, int status, String state, String message) throws IOException {
    answer(exchange, status, "text/plain; charset=utf-8", (state + "\n" + message).getBytes(StandardCharsets.UTF_8));
  }

  private static void answer(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    // A length of 0 would mean a chunked body to the JDK's server; -1 is none.
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
