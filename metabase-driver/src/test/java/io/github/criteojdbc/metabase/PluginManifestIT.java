package io.github.criteojdbc.metabase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * metabase-plugin.yaml against the spec of Metabase's manifest linter
 * ({@code bin/build-drivers/src/build_drivers/lint_manifest_file.clj}) and the loader's init steps.
 */
class PluginManifestIT {
  private static final Set<String> PROPERTY_TYPES = Set.of("string", "textFile", "boolean", "secret", "info",
      "schema-filters");
  private static final Set<String> BUILT_IN_PROPERTIES = Set.of("advanced-options-start", "default-advanced-options");
  private final Map<String, Object> manifest = new Yaml().load(PluginJar.text("metabase-plugin.yaml"));

  @Test
  void infoHasNameVersionAndDescription() {
    assertThat(map(manifest.get("info"))).extractingByKeys("name", "version", "description")
        .allMatch(value -> value instanceof String text && !text.isBlank());
  }

  @Test
  void driverIsCriteoLazyLoadedUnderSqlJdbc() {
    Map<String, Object> driver = map(manifest.get("driver"));
    assertThat(driver).containsEntry("name", "criteo").containsEntry("lazy-load", true)
        .containsEntry("parent", "sql-jdbc");
    assertThat(driver.get("display-name")).isInstanceOf(String.class);
  }

  @Test
  void initLoadsTheNamespaceThenRegistersTheDriverClass() {
    assertThat(manifest.get("init")).isEqualTo(List.of(
        Map.of("step", "load-namespace", "namespace", "metabase.driver.criteo"),
        Map.of("step", "register-jdbc-driver", "class", PluginJar.DRIVER_CLASS)));
  }

  @Test
  void everyPropertyIsABuiltInNameOrANamedMapOfAKnownType() {
    for (Object property : connectionProperties()) {
      if (property instanceof String name) {
        assertThat(name).isIn(BUILT_IN_PROPERTIES);
      } else {
        Map<String, Object> map = map(property);
        assertThat(map.get("name")).as("name of %s", map).isInstanceOf(String.class);
        assertThat(map.get("type")).as("type of %s", map.get("name")).isIn(PROPERTY_TYPES);
        assertThat(map.getOrDefault("display-name", "")).isInstanceOf(String.class);
        assertThat(map.getOrDefault("required", false)).isInstanceOf(Boolean.class);
        assertThat(map.getOrDefault("visible-if", Map.of())).isInstanceOf(Map.class);
      }
    }
  }

  @Test
  void clientSecretIsASecret() {
    assertThat(property("client-secret")).containsEntry("type", "secret").containsEntry("required", true);
  }

  @Test
  void budgetAndCachePropertiesAreAdvancedOptions() {
    for (String name : List.of("max-calls-per-minute", "cache-ttl-seconds", "default-lookback-days")) {
      assertThat(connectionProperties().indexOf(property(name)))
          .as(name).isGreaterThan(connectionProperties().indexOf("advanced-options-start"));
      assertThat(property(name)).containsEntry("visible-if", Map.of("advanced-options", true));
    }
  }

  @Test
  void connectionFormAsksForCredentialsAdvertisersZoneCurrencyAndSandbox() {
    assertThat(connectionProperties().stream().filter(Map.class::isInstance).map(p -> map(p).get("name")))
        .contains("client-id", "client-secret", "advertiser-ids", "timezone", "currency", "sandbox");
  }

  private List<Object> connectionProperties() {
    @SuppressWarnings("unchecked")
    List<Object> properties = (List<Object>) map(manifest.get("driver")).get("connection-properties");
    return properties;
  }

  private Map<String, Object> property(String name) {
    return connectionProperties().stream().filter(Map.class::isInstance).map(PluginManifestIT::map)
        .filter(p -> name.equals(p.get("name"))).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }
}
