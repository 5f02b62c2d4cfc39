package io.github.criteojdbc.driver;

import static io.github.criteojdbc.driver.ConnectionRequestTest.properties;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.util.Arrays;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CriteoDriverTest {
  private final CriteoDriver driver = new CriteoDriver();

  @Test
  void connectReturnsNullForAnotherDriversUrl() throws Exception {
    assertThat(driver.connect("jdbc:postgresql://localhost/db", properties())).isNull();
    assertThat(driver.connect("jdbc:calcite:", properties())).isNull();
    assertThat(driver.connect(null, properties())).isNull();
  }

  @Test
  void acceptsOnlyItsOwnPrefix() throws Exception {
    assertThat(driver.acceptsURL("jdbc:criteo:")).isTrue();
    assertThat(driver.acceptsURL("jdbc:criteo:sandbox=true")).isTrue();
    assertThat(driver.acceptsURL("jdbc:calcite:")).isFalse();
    assertThat(driver.acceptsURL(null)).isFalse();
  }

  @Test
  void isFoundByServiceLoaderAndDriverManager() throws Exception {
    assertThat(ServiceLoader.load(Driver.class).stream().map(ServiceLoader.Provider::type))
        .contains(CriteoDriver.class);
    assertThat(DriverManager.getDriver("jdbc:criteo:sandbox=true")).isInstanceOf(CriteoDriver.class);
  }

  @Test
  void reportsItsBuildVersion() {
    assertThat(driver.getMajorVersion()).isZero();
    assertThat(driver.getMinorVersion()).isEqualTo(1);
    assertThat(driver.jdbcCompliant()).isFalse();
  }

  @Test
  void propertyInfoDescribesEveryProperty() {
    DriverPropertyInfo[] infos = driver.getPropertyInfo("jdbc:criteo:", properties());

    assertThat(infos).extracting(info -> info.name)
        .containsExactlyElementsOf(Arrays.stream(DriverProperty.values()).map(DriverProperty::key).toList());
    assertThat(infos).allSatisfy(info -> assertThat(info.description).isNotBlank());
    Map<String, DriverPropertyInfo> byName = byName(infos);
    assertThat(byName.get("fileFormat").choices).containsExactly("csv", "json");
    assertThat(byName.get("sandbox").choices).containsExactly("true", "false");
    assertThat(byName.get("timezone").value).isEqualTo("UTC");
    assertThat(byName.get("pollIntervalSeconds").description).contains("Default: 5");
  }

  @Test
  void propertyInfoShowsGivenValuesButNeverSecrets() {
    Map<String, DriverPropertyInfo> byName = byName(driver.getPropertyInfo(
        "jdbc:criteo:timezone=Europe/Paris;proxyPassword=proxy-pw-31c", properties("user", "app-1", "password", "s3cret")));

    assertThat(byName.get("timezone").value).isEqualTo("Europe/Paris");
    assertThat(byName.get("clientId").value).isEqualTo("app-1");
    assertThat(byName.get("clientSecret").value).isNull();
    assertThat(byName.get("proxyPassword").value).isNull();
    assertThat(byName.values()).extracting(CriteoDriverTest::everythingShown)
        .noneMatch(text -> text.contains("s3cret") || text.contains("proxy-pw-31c"));
  }

  @Test
  void propertyInfoNeverShowsASecretGivenInTheUrl() {
    DriverPropertyInfo[] infos = driver.getPropertyInfo("jdbc:criteo:clientId=app-1;clientSecret=url-s3cret-77",
        properties());

    assertThat(byName(infos).get("clientId").value).as("the URL was read").isEqualTo("app-1");
    assertThat(infos).extracting(CriteoDriverTest::everythingShown).noneMatch(text -> text.contains("url-s3cret-77"));
  }

  private static String everythingShown(DriverPropertyInfo info) {
    return info.name + "=" + info.value + " " + info.description + " " + Arrays.toString(info.choices);
  }

  @Test
  void credentialsAreRequiredUnlessSandbox() {
    Map<String, DriverPropertyInfo> real = byName(driver.getPropertyInfo("jdbc:criteo:", null));
    Map<String, DriverPropertyInfo> sandbox = byName(driver.getPropertyInfo("jdbc:criteo:sandbox=true", null));

    assertThat(real.get("clientId").required).isTrue();
    assertThat(real.get("clientSecret").required).isTrue();
    assertThat(sandbox.get("clientId").required).isFalse();
    assertThat(real.get("timezone").required).isFalse();
  }

  @Test
  void propertyInfoToleratesNullAndHalfTypedUrls() {
    assertThat(driver.getPropertyInfo(null, null)).hasSize(DriverProperty.values().length);
    assertThat(driver.getPropertyInfo("jdbc:criteo:timezone='Europe/Par", null))
        .hasSize(DriverProperty.values().length);
    assertThat(driver.getPropertyInfo("jdbc:other:", properties())).hasSize(DriverProperty.values().length);
  }

  private static Map<String, DriverPropertyInfo> byName(DriverPropertyInfo[] infos) {
    return Arrays.stream(infos).collect(Collectors.toMap(info -> info.name, Function.identity()));
  }
}
