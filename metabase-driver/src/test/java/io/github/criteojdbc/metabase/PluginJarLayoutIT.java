package io.github.criteojdbc.metabase;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginJarLayoutIT {
  @Test
  void manifestIsAtTheJarRoot() {
    assertThat(PluginJar.text("metabase-plugin.yaml")).contains("name: criteo");
  }

  @Test
  void namespaceShipsAsSourceWhereRequireLooksForIt() {
    assertThat(PluginJar.text("metabase/driver/criteo.clj")).startsWith("(ns metabase.driver.criteo");
  }

  @Test
  void driverClassNamedByTheInitStepLoadsFromThePluginAlone() throws SQLException {
    assertThat(PluginJar.driver().acceptsURL("jdbc:criteo:sandbox=true")).isTrue();
  }

  @Test
  void serviceFileListsOnlyOurDriver() {
    assertThat(PluginJar.text("META-INF/services/java.sql.Driver").strip()).isEqualTo(PluginJar.DRIVER_CLASS);
  }

  @Test
  void everyClassIsOursOrRelocatedUnderOurPrefix() {
    List<String> foreign = PluginJar.entryNames().stream()
        .filter(name -> name.endsWith(".class"))
        .filter(name -> !name.startsWith("io/github/criteojdbc/"))
        .toList();
    assertThat(foreign).isEmpty();
  }

  @Test
  void calciteAndAvaticaAreInsideTheJarUnderThePrefix() {
    assertThat(PluginJar.entryNames()).contains(
        "io/github/criteojdbc/metabase/shaded/org/apache/calcite/jdbc/CalciteConnectionImpl.class",
        "io/github/criteojdbc/metabase/shaded/org/apache/calcite/avatica/AvaticaConnection.class",
        "io/github/criteojdbc/metabase/shaded/org/apache/calcite/runtime/CalciteResource.properties");
  }

  @Test
  void serviceFilesNameOnlyRelocatedInterfaces() {
    List<String> services = PluginJar.entryNames().stream()
        .filter(name -> name.startsWith("META-INF/services/") && !name.endsWith("/"))
        .map(name -> name.substring("META-INF/services/".length()))
        .filter(name -> !name.equals("java.sql.Driver"))
        .toList();
    assertThat(services).isNotEmpty().allMatch(name -> name.startsWith("io.github.criteojdbc.metabase.shaded."));
  }
}
