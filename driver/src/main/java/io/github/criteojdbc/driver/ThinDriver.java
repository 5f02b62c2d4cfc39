package io.github.criteojdbc.driver;

import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.remote.Driver;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code jdbc:criteo:server=https://host:port}: a connection to a criteo-jdbc team server through
 * Avatica's remote protobuf client. It reports this driver's name and version, raises the
 * server's own messages and SQLStates, and its statements' {@code cancel()} and query timeout
 * reach the server's statement through the server's side endpoint ({@link ThinSideChannel}).
 * Never registered with {@code DriverManager}: {@link CriteoDriver} hands it its thin URLs.
 */
final class ThinDriver extends Driver {
  /** The properties of the transport; the others are sent to the server, which accepts only a few. */
  private static final Set<DriverProperty> TRANSPORT = EnumSet.of(DriverProperty.SERVER, DriverProperty.CLIENT_ID,
      DriverProperty.CLIENT_SECRET, DriverProperty.BEARER_TOKEN, DriverProperty.TRUSTSTORE,
      DriverProperty.TRUSTSTORE_PASSWORD);
  /**
   * Longer than a report may take on the server by default (reportTimeoutSeconds=900): a query
   * waiting on its report must not fail on the HTTP client's own timeout first.
   */
  private static final long HTTP_RESPONSE_TIMEOUT_MILLIS = 20 * 60 * 1000L;
  private static final ThinDriver INSTANCE = new ThinDriver();

  @Override protected DriverVersion createDriverVersion() {
    return CriteoDriver.version();
  }

  static Connection connect(ConnectionRequest request) throws SQLException {
    if (!request.unknownKeys().isEmpty()) {
      throw new SQLException("Unknown connection properties " + String.join(", ", request.unknownKeys())
          + ": with server, a connection may set only user, password or bearerToken, truststore,"
          + " truststorePassword, and what the team server lets a client choose (timezone, currency,"
          + " defaultLookbackDays)", SqlErrors.INSUFFICIENT_PRIVILEGE);
    }
    ThinSideChannel side = ThinSideChannel.of(request);
    side.refuseTlsPortOverPlainHttp();
    Properties sentToServer = new Properties();
    for (DriverProperty property : DriverProperty.values()) {
      if (!TRANSPORT.contains(property)) {
        request.get(property).ifPresent(value -> sentToServer.setProperty(property.key(), value));
      }
    }
    try {
      AvaticaConnection connection = (AvaticaConnection) INSTANCE.connect(avaticaUrl(request, side), sentToServer);
      return ThinProxies.connection(connection, side);
    } catch (SQLException | RuntimeException e) {
      throw ThinProxies.serverError(e);
    }
  }

  /**
   * The Avatica client's settings, in the URL: the Avatica driver sends the server a connection's
   * properties, and the login is the HTTP transport's, not the server's connection's.
   */
  private static String avaticaUrl(ConnectionRequest request, ThinSideChannel side) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("url", side.server().toString());
    settings.put("serialization", "protobuf");
    settings.put("http_response_timeout", Long.toString(HTTP_RESPONSE_TIMEOUT_MILLIS));
    request.get(DriverProperty.BEARER_TOKEN).ifPresentOrElse(token -> {
      settings.put("authentication", "BEARER");
      settings.put("bearer_token", token);
    }, () -> {
      settings.put("authentication", "BASIC");
      settings.put("avatica_user", request.get(DriverProperty.CLIENT_ID).orElse(""));
      settings.put("avatica_password", request.get(DriverProperty.CLIENT_SECRET).orElse(""));
    });
    request.get(DriverProperty.TRUSTSTORE).ifPresent(path -> {
      settings.put("truststore", path);
      settings.put("truststore_password", request.get(DriverProperty.TRUSTSTORE_PASSWORD).orElse(""));
    });
    return CONNECT_STRING_PREFIX + settings.entrySet().stream()
        .map(e -> e.getKey() + "='" + e.getValue().replace("'", "''") + "'")
        .collect(Collectors.joining(";"));
  }
}
