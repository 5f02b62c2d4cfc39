package io.github.criteojdbc.server;

import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.metrics.noop.NoopMetricsSystem;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.Handler;
import org.apache.calcite.avatica.remote.ProtobufHandler;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * Answers a plain-HTTP request sent to the TLS port with an HTTP error, in plain text, before
 * closing: the JDK's HTTPS server would close without a word, which the stock Avatica client takes
 * for a server that dropped a kept-alive connection, and retries without end. An Avatica POST gets
 * Avatica's error response (HTTP 500, SQLState 08001), whose message the client shows; anything
 * else gets a 400 in text. A connection whose first byte opens a TLS record is TLS as before.
 *
 * <p>It works as an {@link SSLEngine} around the real one, because the JDK's HTTPS server reads
 * and writes a connection only through its engine: on plain text, its unwrap swallows the request
 * and reports the engine closed, and the wrap of the closing writes the answer unencrypted.
 */
final class PlainHttpAnswer {
  static final String WRONG_SCHEME_STATE = "08001";
  /** Enough for any request head; a longer one is answered without reading the rest. */
  private static final int MAX_HEAD_BYTES = 16 * 1024;
  /** Read before answering, so that closing does not reset the connection before the client reads. */
  private static final int MAX_BODY_BYTES = 1024 * 1024;
  private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d{1,9})\\s*$");
  private static final Pattern HOST = Pattern.compile("(?im)^host:\\s*([A-Za-z0-9.:\\[\\]-]{1,300})\\s*$");

  private PlainHttpAnswer() {
  }

  /** {@code tls}, whose engines also answer a plain-HTTP request. */
  static SSLContext around(SSLContext tls) {
    return new AnsweringContext(new Spi(tls), tls);
  }

  /** The HTTP response to a plain request whose head (so far) is {@code head}. */
  static byte[] answer(String head) {
    Matcher host = HOST.matcher(head);
    String address = host.find() ? host.group(1) : "host:port";
    String message = "The server at http://" + address + " speaks HTTPS; use https://" + address;
    if (head.startsWith("POST ")) {
      Handler.HandlerResponse<byte[]> error = new ProtobufHandler(null, new ProtobufTranslationImpl(),
          NoopMetricsSystem.getInstance()).convertToErrorResponse(
              new AvaticaRuntimeException(message, -1, WRONG_SCHEME_STATE, AvaticaSeverity.ERROR));
      return response(error.getStatusCode() + " Server Error", "application/octet-stream", error.getResponse());
    }
    return response("400 Bad Request", "text/plain; charset=utf-8",
        (WRONG_SCHEME_STATE + "\n" + message).getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] response(String status, String contentType, byte[] body) {
    byte[] head = ("HTTP/1.1 " + status + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length
        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }

  private static final class AnsweringContext extends SSLContext {
    AnsweringContext(SSLContextSpi spi, SSLContext tls) {
      super(spi, tls.getProvider(), tls.getProtocol());
    }
  }

  private static final class Spi extends SSLContextSpi {
    private final SSLContext tls;

    Spi(SSLContext tls) {
      this.tls = tls;
    }

    @Override protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr)
        throws KeyManagementException {
      tls.init(km, tm, sr);
    }

    @Override protected SSLSocketFactory engineGetSocketFactory() {
      return tls.getSocketFactory();
    }

    @Override protected SSLServerSocketFactory engineGetServerSocketFactory() {
      return tls.getServerSocketFactory();
    }

    @Override protected SSLEngine engineCreateSSLEngine() {
      return new Engine(tls.createSSLEngine());
    }

    @Override protected SSLEngine engineCreateSSLEngine(String host, int port) {
      return new Engine(tls.createSSLEngine(host, port));
    }

    @Override protected SSLSessionContext engineGetServerSessionContext() {
      return tls.getServerSessionContext();
    }

    @Override protected SSLSessionContext engineGetClientSessionContext() {
      return tls.getClientSessionContext();
    }

    @Override protected SSLParameters engineGetDefaultSSLParameters() {
      return tls.getDefaultSSLParameters();
    }

    @Override protected SSLParameters engineGetSupportedSSLParameters() {
      return tls.getSupportedSSLParameters();
    }
  }

  /** The real engine, until the first bytes of the connection show plain text instead of a TLS record. */
  private static final class Engine extends SSLEngine {
    private enum Mode { UNDECIDED, TLS, PLAIN, ANSWERED }

    private final SSLEngine tls;
    private Mode mode = Mode.UNDECIDED;
    private final StringBuilder head = new StringBuilder();
    private long bodyExpected = -1;
    private long bodyRead;
    private byte[] answer;
    private int answerSent;

    Engine(SSLEngine tls) {
      super(tls.getPeerHost(), tls.getPeerPort());
      this.tls = tls;
    }

    @Override public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length)
        throws SSLException {
      if (mode == Mode.UNDECIDED && src.hasRemaining()) {
        mode = isUpperCaseLetter(src.get(src.position())) ? Mode.PLAIN : Mode.TLS;
      }
      if (mode != Mode.PLAIN) {
        return tls.unwrap(src, dsts, offset, length);
      }
      int consumed = src.remaining();
      readPlain(src);
      if (!wholeRequestRead()) {
        return new SSLEngineResult(SSLEngineResult.Status.OK, SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING,
            consumed, 0);
      }
      answer = answer(head.toString());
      mode = Mode.ANSWERED;
      return new SSLEngineResult(SSLEngineResult.Status.CLOSED, SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING,
          consumed, 0);
    }

    private static boolean isUpperCaseLetter(byte b) {
      return b >= 'A' && b <= 'Z';
    }

    private void readPlain(ByteBuffer src) {
      while (src.hasRemaining()) {
        byte b = src.get();
        if (bodyExpected < 0) {
          head.append((char) (b & 0xff));
          if (endsWithBlankLine(head)) {
            Matcher length = CONTENT_LENGTH.matcher(head);
            bodyExpected = Math.min(MAX_BODY_BYTES, length.find() ? Long.parseLong(length.group(1)) : 0);
          } else if (head.length() >= MAX_HEAD_BYTES) {
            bodyExpected = 0;
          }
        } else {
          bodyRead++;
        }
      }
    }

    private static boolean endsWithBlankLine(StringBuilder text) {
      int n = text.length();
      return n >= 4 && text.charAt(n - 4) == '\r' && text.charAt(n - 3) == '\n' && text.charAt(n - 2) == '\r'
          && text.charAt(n - 1) == '\n';
    }

    private boolean wholeRequestRead() {
      return bodyExpected >= 0 && bodyRead >= bodyExpected;
    }

    @Override public SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst)
        throws SSLException {
      if (mode != Mode.ANSWERED) {
        return tls.wrap(srcs, offset, length, dst);
      }
      int remaining = answer.length - answerSent;
      if (remaining > 0 && dst.remaining() < remaining) {
        return new SSLEngineResult(SSLEngineResult.Status.BUFFER_OVERFLOW,
            SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING, 0, 0);
      }
      dst.put(answer, answerSent, remaining);
      answerSent = answer.length;
      return new SSLEngineResult(SSLEngineResult.Status.CLOSED, SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING, 0,
          remaining);
    }

    @Override public Runnable getDelegatedTask() {
      return tls.getDelegatedTask();
    }

    @Override public void closeInbound() throws SSLException {
      if (mode != Mode.ANSWERED) {
        tls.closeInbound();
      }
    }

    @Override public boolean isInboundDone() {
      return mode == Mode.ANSWERED || tls.isInboundDone();
    }

    @Override public void closeOutbound() {
      tls.closeOutbound();
    }

    @Override public boolean isOutboundDone() {
      return mode == Mode.ANSWERED ? answerSent == answer.length : tls.isOutboundDone();
    }

    @Override public String[] getSupportedCipherSuites() {
      return tls.getSupportedCipherSuites();
    }

    @Override public String[] getEnabledCipherSuites() {
      return tls.getEnabledCipherSuites();
    }

    @Override public void setEnabledCipherSuites(String[] suites) {
      tls.setEnabledCipherSuites(suites);
    }

    @Override public String[] getSupportedProtocols() {
      return tls.getSupportedProtocols();
    }

    @Override public String[] getEnabledProtocols() {
      return tls.getEnabledProtocols();
    }

    @Override public void setEnabledProtocols(String[] protocols) {
      tls.setEnabledProtocols(protocols);
    }

    @Override public SSLSession getSession() {
      return tls.getSession();
    }

    @Override public SSLSession getHandshakeSession() {
      return tls.getHandshakeSession();
    }

    @Override public void beginHandshake() throws SSLException {
      tls.beginHandshake();
    }

    @Override public SSLEngineResult.HandshakeStatus getHandshakeStatus() {
      return mode == Mode.PLAIN || mode == Mode.ANSWERED ? SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING
          : tls.getHandshakeStatus();
    }

    @Override public void setUseClientMode(boolean mode) {
      tls.setUseClientMode(mode);
    }

    @Override public boolean getUseClientMode() {
      return tls.getUseClientMode();
    }

    @Override public void setNeedClientAuth(boolean need) {
      tls.setNeedClientAuth(need);
    }

    @Override public boolean getNeedClientAuth() {
      return tls.getNeedClientAuth();
    }

    @Override public void setWantClientAuth(boolean want) {
      tls.setWantClientAuth(want);
    }

    @Override public boolean getWantClientAuth() {
      return tls.getWantClientAuth();
    }

    @Override public void setEnableSessionCreation(boolean flag) {
      tls.setEnableSessionCreation(flag);
    }

    @Override public boolean getEnableSessionCreation() {
      return tls.getEnableSessionCreation();
    }

    @Override public SSLParameters getSSLParameters() {
      return tls.getSSLParameters();
    }

    @Override public void setSSLParameters(SSLParameters parameters) {
      tls.setSSLParameters(parameters);
    }

    @Override public String getApplicationProtocol() {
      return tls.getApplicationProtocol();
    }

    @Override public String getHandshakeApplicationProtocol() {
      return tls.getHandshakeApplicationProtocol();
    }

    @Override public void setHandshakeApplicationProtocolSelector(
        BiFunction<SSLEngine, List<String>, String> selector) {
      tls.setHandshakeApplicationProtocolSelector(selector);
    }

    @Override public BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
      return tls.getHandshakeApplicationProtocolSelector();
    }
  }
}
