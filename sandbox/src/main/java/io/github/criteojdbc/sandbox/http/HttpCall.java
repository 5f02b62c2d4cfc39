package io.github.criteojdbc.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/** One request and its response: the request as read, and the only ways the sandbox answers. */
public final class HttpCall {
  /** Answered when the server closed the connection without sending a status line. */
  public static final int NO_RESPONSE = 0;
  private static final int STREAM_BUFFER_BYTES = 64 * 1024;

  private final HttpExchange exchange;
  private final byte[] body;
  private final String traceId;
  private final IntConsumer beforeResponse;
  private int status = NO_RESPONSE;
  private boolean loseResponse;

  /**
   * @param beforeResponse told the status just before the status line goes out, so whoever records calls has
   *     recorded this one by the time the client sees the answer
   */
  public HttpCall(HttpExchange exchange, byte[] body, String traceId, IntConsumer beforeResponse) {
    this.exchange = exchange;
    this.body = body.clone();
    this.traceId = traceId;
    this.beforeResponse = beforeResponse;
  }

  public String method() {
    return exchange.getRequestMethod();
  }

  public String rawPath() {
    return exchange.getRequestURI().getRawPath();
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The status sent so far, {@link #NO_RESPONSE} until a status line went out. */
  public int status() {
    return status;
  }

  /** The call is still carried out, but its connection closes where the status line would go out. */
  public void loseResponse() {
    loseResponse = true;
  }

  public void setHeader(String name, String value) {
    exchange.getResponseHeaders().set(name, value);
  }

  public void sendJson(int statusCode, Object document) {
    try {
      byte[] bytes = Json.MAPPER.writeValueAsBytes(document);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      respond(statusCode, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException clientWentAway) {
      exchange.close();
    }
  }

  /** Sends the API error envelope: {@code {"errors":[...],"warnings":[]}}. */
  public void sendProblems(int statusCode, List<Problem> problems) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("errors", problems.stream().map(this::problemJson).toList());
    envelope.put("warnings", List.of());
    sendJson(statusCode, envelope);
  }

  /** Streams a chunked body; nothing is buffered beyond a small write buffer. */
  public void sendStream(int statusCode, String contentType, BodyWriter writer) {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    try {
      respond(statusCode, 0);
      OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), STREAM_BUFFER_BYTES);
      try {
        writer.writeTo(out);
      } catch (ConnectionAbort abort) {
        out.flush();
        throw abort;
      }
      out.close();
    } catch (IOException | UncheckedIOException clientWentAway) {
      throw new ConnectionAbort("client closed the connection: " + clientWentAway.getMessage());
    }
  }

  /** A body length of 0 means chunked. */
  private void respond(int statusCode, long bodyLength) throws IOException {
    if (loseResponse) {
      throw new ConnectionAbort("response to " + method() + " " + rawPath() + " lost on purpose");
    }
    status = statusCode;
    beforeResponse.accept(statusCode);
    exchange.sendResponseHeaders(statusCode, bodyLength);
  }

  private Map<String, Object> problemJson(Problem problem) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("traceId", traceId);
    json.put("type", problem.type());
    json.put("code", problem.code());
    json.put("title", problem.title());
    json.put("detail", problem.detail());
    if (problem.field() != null) {
      json.put("source", Map.of("field", problem.field()));
    }
    return json;
  }
}
