package io.github.criteojdbc.server;

import io.github.criteojdbc.driver.DriverProperty;

import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.BuiltInConnectionProperty;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The connection properties a client of the team server may choose: how it reads the reports
 * (time zone, currency, default look-back), never whose reports, where from, or what they cost.
 * Credentials, the API's URL, cache and budget settings are the server's alone; a client setting
 * one, or a property this driver does not know, is refused before any connection opens. The Avatica
 * driver's own settings (its URL, serialization, login...) and the JDBC {@code user}/{@code
 * password}, which SQL tools fill with the login to the server, are the transport's and are never
 * passed on.
 */
final class ClientProperties {
  static final Set<DriverProperty> CLIENT_CHOSEN = EnumSet.of(DriverProperty.TIMEZONE, DriverProperty.CURRENCY,
      DriverProperty.DEFAULT_LOOKBACK_DAYS);
  static final String REFUSED_STATE = "42501";

  private static final Set<String> TRANSPORT_KEYS = transportKeys();

  private ClientProperties() {
  }

  /** The properties to pass on to the embedded driver; refuses any other. */
  static Properties check(Map<String, String> clientInfo) {
    Properties chosen = new Properties();
    if (clientInfo == null) {
      return chosen;
    }
    for (Map.Entry<String, String> entry : clientInfo.entrySet()) {
      String name = entry.getKey();
      if (TRANSPORT_KEYS.contains(name.toLowerCase(Locale.ROOT))) {
        continue;
      }
      Optional<DriverProperty> property = DriverProperty.forName(name);
      if (property.isEmpty()) {
        throw refused("Unknown connection property " + name + ": a client of the team server may set only "
            + allowedNames());
      }
      if (!CLIENT_CHOSEN.contains(property.get())) {
        throw refused("Connection property " + property.get().key() + " is set by the team server's configuration"
            + " and cannot be set by a client; a client may set only " + allowedNames());
      }
      if (entry.getValue() != null) {
        chosen.setProperty(property.get().key(), entry.getValue());
      }
    }
    return chosen;
  }

  static String allowedNames() {
    return CLIENT_CHOSEN.stream().map(DriverProperty::key).collect(Collectors.joining(", "));
  }

  private static AvaticaRuntimeException refused(String message) {
    return new AvaticaRuntimeException(message, -1, REFUSED_STATE, AvaticaSeverity.ERROR);
  }

  private static Set<String> transportKeys() {
    Set<String> keys = Arrays.stream(BuiltInConnectionProperty.values())
        .map(p -> p.camelName().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    keys.add("user");
    keys.add("password");
    // Avatica's timeZone is also the reports' zone here, which a client may choose.
    CLIENT_CHOSEN.forEach(p -> keys.remove(p.key().toLowerCase(Locale.ROOT)));
    return Set.copyOf(keys);
  }
}
