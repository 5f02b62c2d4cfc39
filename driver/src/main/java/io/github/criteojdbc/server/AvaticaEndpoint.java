package io.github.criteojdbc.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.Meta;
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
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
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

  /**
   * Field 15, varint 0: a protobuf field no Avatica message has, which parsers skip. Sent while a
   * query runs, it finds a client that went away (the write fails) before the answer is ready.
   */
  private static final byte[] KEEPALIVE = {(byte) (15 << 3), 0};
  private static final Duration KEEPALIVE_INTERVAL = Duration.ofSeconds(1);

  private final Authenticator authenticator;
  private final ServerConnections connections;
  private final int maxRequestBytes;
  private final ScheduledExecutorService keepalives;
  private final ProtobufTranslation translation = new ProtobufTranslationImpl();

  AvaticaEndpoint(Authenticator authenticator, ServerConnections connections, int maxRequestBytes,
      ScheduledExecutorService keepalives) {
    this.authenticator = authenticator;
    this.connections = connections;
    this.maxRequestBytes = maxRequestBytes;
    this.keepalives = keepalives;
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
        send(exchange, 413, clean(tooLarge).getResponse());
        return;
      }
      ProtobufHandler handler = handler(new LocalService(new UserMeta(user.get(), connections),
          NoopMetricsSystem.getInstance()));
      Optional<Meta.StatementHandle> execution = execution(body.get());
      if (execution.isPresent()) {
        sendKeepingAlive(exchange, user.get(), execution.get(), () -> handler.apply(body.get()));
        return;
      }
      Handler.HandlerResponse<byte[]> response = clean(handler.apply(body.get()));
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
      Handler.HandlerResponse<byte[]> response = clean(handler(null).convertToErrorResponse(refusal));
      send(exchange, response.getStatusCode(), response.getResponse());
      return;
    }
    exchange.getResponseHeaders().add("WWW-Authenticate", BASIC_CHALLENGE);
    exchange.getResponseHeaders().add("WWW-Authenticate", BEARER_CHALLENGE);
    Handler.HandlerResponse<byte[]> response = clean(handler(null).unauthenticatedErrorResponse(refusal));
    send(exchange, response.getStatusCode(), response.getResponse());
  }

  /** The statement a request executes, for a request that may wait on reports. */
  private Optional<Meta.StatementHandle> execution(byte[] body) {
    Service.Request request;
    try {
      request = translation.parseRequest(body);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    if (request instanceof Service.ExecuteRequest) {
      return Optional.ofNullable(((Service.ExecuteRequest) request).statementHandle);
    }
    if (request instanceof Service.PrepareAndExecuteRequest) {
      Service.PrepareAndExecuteRequest execute = (Service.PrepareAndExecuteRequest) request;
      return Optional.of(new Meta.StatementHandle(execute.connectionId, execute.statementId, null));
    }
    return Optional.empty();
  }

  /**
   * Answers 200 at once, then writes a {@link #KEEPALIVE} every second until the answer (an
   * error response too, which Avatica's client reads whatever the status) is ready. A keepalive
   * that cannot be written means the client went away: its statement is cancelled, which stops the
   * polling of its reports.
   */
  private void sendKeepingAlive(HttpExchange exchange, String user, Meta.StatementHandle statement,
      Supplier<Handler.HandlerResponse<byte[]>> answer) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    AtomicBoolean clientGone = new AtomicBoolean();
    ScheduledFuture<?> beats = keepalives.scheduleWithFixedDelay(() -> {
      synchronized (out) {
        if (clientGone.get()) {
          return;
        }
        try {
          out.write(KEEPALIVE);
          out.flush();
        } catch (IOException e) {
          clientGone.set(true);
          LOG.info(() -> "the client of " + user + " went away during a query; cancelling statement "
              + statement.id + " of connection " + statement.connectionId);
          cancel(user, statement);
        }
      }
    }, KEEPALIVE_INTERVAL.toMillis(), KEEPALIVE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    byte[] response;
    try {
      response = clean(answer.get()).getResponse();
    } finally {
      beats.cancel(false);
    }
    synchronized (out) {
      if (!clientGone.get()) {
        out.write(response);
        out.close();
      }
    }
  }

  private void cancel(String user, Meta.StatementHandle statement) {
    try {
      connections.get(user, statement.connectionId).existingStatement(statement.connectionId, statement.id)
          .cancel();
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.FINE, "cancelling the statement of a client that went away failed", e);
    }
  }

  /** Every answer goes through here: an error keeps its message and SQLState, never the server's stack traces. */
  private Handler.HandlerResponse<byte[]> clean(Handler.HandlerResponse<byte[]> response) throws IOException {
    return ErrorResponses.withoutStackTraces(translation, response);
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
