package io.github.criteojdbc.driver;

import org.apache.calcite.avatica.ConnectStringParser;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The properties of one {@code connect} call: the URL's {@code key=value} pairs and the
 * {@link Properties} merged (properties win), names resolved ignoring case, aliases folded in.
 * Blank values count as unset, because SQL clients send an empty {@code user} for a blank field.
 */
final class ConnectionRequest {
  private final Map<DriverProperty, String> values;
  private final Set<String> unknownKeys;

  private ConnectionRequest(Map<DriverProperty, String> values, Set<String> unknownKeys) {
    this.values = values;
    this.unknownKeys = unknownKeys;
  }

  /** @param urlSuffix what follows {@code jdbc:criteo:}; may be empty */
  static ConnectionRequest parse(String urlSuffix, Properties info) throws SQLException {
    return of(ConnectStringParser.parse(urlSuffix), info);
  }

  /** @param info may be null */
  static ConnectionRequest of(Properties urlPairs, Properties info) {
    Map<DriverProperty, String> values = new EnumMap<>(DriverProperty.class);
    Set<String> unknown = new TreeSet<>();
    merge(urlPairs, values, unknown);
    if (info != null) {
      merge(info, values, unknown);
    }
    return new ConnectionRequest(values, unknown);
  }

  private static void merge(Properties source, Map<DriverProperty, String> values, Set<String> unknown) {
    // Aliases first, so that clientId beats user when one source carries both.
    List<String> names = new ArrayList<>(source.stringPropertyNames());
    names.sort(Comparator.comparing(ConnectionRequest::isCanonical).thenComparing(Comparator.naturalOrder()));
    for (String name : names) {
      String value = source.getProperty(name);
      Optional<DriverProperty> property = DriverProperty.forName(name);
      if (property.isEmpty()) {
        unknown.add(name);
      } else if (value != null && !value.isBlank()) {
        values.put(property.get(), value.trim());
      }
    }
  }

  private static boolean isCanonical(String name) {
    return DriverProperty.forName(name).map(p -> p.key().equalsIgnoreCase(name)).orElse(false);
  }

  Optional<String> get(DriverProperty property) {
    return Optional.ofNullable(values.get(property));
  }

  /** Names given that are not properties of this driver, sorted. */
  Set<String> unknownKeys() {
    return Collections.unmodifiableSet(unknownKeys);
  }
}
