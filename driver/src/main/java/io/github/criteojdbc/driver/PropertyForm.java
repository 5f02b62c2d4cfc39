package io.github.criteojdbc.driver;

import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;

/** The rows of {@link CriteoDriver#getPropertyInfo}: never fails, never shows a secret. */
final class PropertyForm {
  private PropertyForm() {
  }

  /** The properties given so far; a URL that does not parse yet (the user is typing) counts as empty. */
  static ConnectionRequest request(String urlSuffix, Properties info) {
    try {
      return ConnectionRequest.parse(urlSuffix, info);
    } catch (SQLException e) {
      return ConnectionRequest.of(new Properties(), info);
    }
  }

  static DriverPropertyInfo describe(DriverProperty property, ConnectionRequest request) {
    String value = property.isSecret() ? null : request.get(property).orElse(property.defaultText());
    DriverPropertyInfo info = new DriverPropertyInfo(property.key(), value);
    info.description = property.defaultText() == null ? property.description()
        : property.description() + " Default: " + property.defaultText() + ".";
    info.choices = property.choices().isEmpty() ? null : property.choices().toArray(new String[0]);
    info.required = isCredential(property) && !request.get(DriverProperty.SANDBOX).map("true"::equalsIgnoreCase)
        .orElse(false);
    return info;
  }

  private static boolean isCredential(DriverProperty property) {
    return property == DriverProperty.CLIENT_ID || property == DriverProperty.CLIENT_SECRET;
  }
}
