package io.github.criteojdbc.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.metrics.noop.NoopMetricsSystem;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.Handler;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.remote.ProtobufHandler;
import org.apache.calcite.avatica.remote.ProtobufTranslation;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Avatica protocol over HTTP, protobuf serialization: each POST is authenticated, then its
 * request runs through Avatica's own {@link ProtobufHandler} and {@link LocalService} on a
 * {@link UserMeta} of the authenticated user. Refusals answer with an Avatica error response, so
 * the stock Avatica client shows their text.
 */
final class AvaticaEndpoint implements HttpHandler {
  static final String AUTHENTICATION_STATE = "28000";

  private static final Logger LOG = Logger.getLogger(AvaticaEndpoint.class.getName());
  private static final String BASIC_CHALLENGE = "Basic realm=\"criteo-jdbc\", charset=\"UTF-8\"";
  private static final String BEARER_CHALLENGE = "Bearer realm=\"criteo-jdbc\"";

  private final Authenticator authenticator;
  private final ServerConnections connections;
  private final int maxRequestBytes;
  private final ProtobufTranslation translation = new ProtobufTranslationImpl();

  AvaticaEndpoint(Authenticator authenticator, ServerConnections connections, int maxRequestBytes) {
    this.authenticator = authenticator;
    this.connections = connections;
    this.maxRequestBytes = maxRequestBytes;
  }

  @Override public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.getResponseHeaders().set("Allow", "POST");
        send(exchange, 405, new byte[0]);
        return;
      }
      Authenticator.Outcome outcome = authenticator.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
      Optional<String> user = outcome.user();
      if (user.isEmpty()) {
        // A request without credentials is how every Avatica client starts; only wrong ones are news.
        LOG.log(outcome.credentialsGiven() ? Level.INFO : Level.FINE, () -> "refused a request from "
            + exchange.getRemoteAddress().getAddress().getHostAddress() + ": " + outcome.refusal());
        refuse(exchange, outcome);
        return;
      }
      Optional<byte[]> body = read(exchange.getRequestBody());
      if (body.isEmpty()) {
        Handler.HandlerResponse<byte[]> tooLarge = handler(null).badRequestErrorResponse(new AvaticaRuntimeException(
            "Request larger than server.maxRequestBytes=" + maxRequestBytes, -1, "54000", AvaticaSeverity.ERROR));
        send(exchange, 413, tooLarge.getResponse());
        return;
      }
      Handler.HandlerResponse<byte[]> response = handler(new LocalService(new UserMeta(user.get(), connections),
          NoopMetricsSystem.getInstance())).apply(body.get());
      send(exchange, response.getStatusCode(), response.getResponse());
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "serving a request failed", e);
      throw e;
    }
  }

  /**
   * A request without credentials gets a challenge, which is when the Avatica client sends them.
   * Wrong credentials get Avatica's error response, since the Avatica client shows the text of
   * an error response (HTTP 500) but only the status of a 401.
   */
  private void refuse(HttpExchange exchange, Authenticator.Outcome outcome) throws IOException {
    AvaticaRuntimeException refusal = new AvaticaRuntimeException(outcome.refusal(), -1, AUTHENTICATION_STATE,
        AvaticaSeverity.ERROR);
    if (outcome.credentialsGiven()) {
      Handler.HandlerResponse<byte[]> response = handler(null).convertToErrorResponse(refusal);
      send(exchange, response.getStatusCode(), response.getResponse());
      return;
    }
    exchange.getResponseHeaders().add("WWW-Authenticate", BASIC_CHALLENGE);
    exchange.getResponseHeaders().add("WWW-Authenticate", BEARER_CHALLENGE);
    Handler.HandlerResponse<byte[]> response = handler(null).unauthenticatedErrorResponse(refusal);
    send(exchange, response.getStatusCode(), response.getResponse());
  }

  private ProtobufHandler handler(Service service) {
    return new ProtobufHandler(service, translation, NoopMetricsSystem.getInstance());
  }

  private Optional<byte[]> read(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      if (body.size() + n > maxRequestBytes) {
        return Optional.empty();
      }
      body.write(buffer, 0, n);
    }
    return Optional.of(body.toByteArray());
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
