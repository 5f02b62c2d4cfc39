package io.github.criteojdbc.client.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * What an I/O failure of a call means, worded after its cause, with the advice that fits that cause: a proxy
 * hint only where the network path is at fault, not when a server closed a connection or answered too slowly.
 */
public record TransportFailure(String cause, String advice) {

  public static TransportFailure of(IOException e) {
    String detail = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    String lower = detail.toLowerCase(Locale.ROOT);
    if (e instanceof UnknownHostException) {
      return new TransportFailure("the host name could not be resolved (" + detail + ")",
          "Check baseUrl, DNS and the proxy settings");
    }
    if (lower.contains("proxy") || lower.contains("for connect")) {
      return new TransportFailure("the proxy refused the connection (" + detail + ")",
          "Check the proxy settings (host, port, user and password)");
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException
        || (e instanceof SocketTimeoutException && lower.contains("connect"))) {
      return new TransportFailure("could not connect (" + detail + ")",
          "Check the network and the proxy settings, or try again later");
    }
    if (e instanceof SSLException) {
      return new TransportFailure("the TLS handshake failed (" + detail + ")",
          "Check baseUrl and the proxy settings");
    }
    if (e instanceof SocketTimeoutException) {
      return new TransportFailure("no answer within readTimeout (" + detail + ")",
          "Try again later, or raise readTimeout");
    }
    return new TransportFailure("the server closed the connection (" + detail + ")", "Try again later");
  }
}
