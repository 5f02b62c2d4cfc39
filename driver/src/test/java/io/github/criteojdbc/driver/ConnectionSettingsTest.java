package io.github.criteojdbc.driver;

import static io.github.criteojdbc.driver.ConnectionRequestTest.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.criteojdbc.adapter.AdapterSettings;
import io.github.criteojdbc.client.CriteoClientConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectionSettingsTest {
  private static final String CREDENTIALS = "clientId=app-1;clientSecret=s3cret;";

  @Test
  void defaultsAreTheDocumentedOnes() throws Exception {
    ConnectionSettings settings = settings(CREDENTIALS);
    CriteoClientConfig client = settings.clientConfig();
    AdapterSettings adapter = settings.adapterSettings(List.of(), new WarningRouter());

    assertThat(client.baseUrl()).isEqualTo(URI.create("https://api.criteo.com"));
    assertThat(client.apiVersion()).isEqualTo("preview");
    assertThat(client.pollInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(client.reportTimeout()).isEqualTo(Duration.ofSeconds(900));
    assertThat(client.maxCallsPerMinute()).isEqualTo(40);
    assertThat(client.proxy()).isEmpty();
    assertThat(adapter.timezone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(adapter.currency()).isEmpty();
    assertThat(adapter.cacheTtl()).isEqualTo(Duration.ofDays(2));
    assertThat(adapter.recentDataCacheTtl()).isEqualTo(Duration.ofSeconds(120));
    assertThat(adapter.realtimeCacheTtl()).isEqualTo(Duration.ofSeconds(60));
    assertThat(adapter.mpoFileFormat()).isEqualTo("csv");
    assertThat(adapter.defaultLookbackDays()).isEqualTo(7);
    assertThat(adapter.catalogWait()).isTrue();
  }

  @Test
  void everyPropertyReachesTheClientAndTheAdapter() throws Exception {
    ConnectionSettings settings = settings(CREDENTIALS + "baseUrl=https://api.example.test;"
        + "tokenUrl=https://auth.example.test/token;advertiserIds=11, 12;timezone=Europe/Paris;currency=usd;"
        + "pollIntervalSeconds=7.5;reportTimeoutSeconds=60;maxCallsPerMinute=20;cacheTtlSeconds=0;"
        + "recentCacheTtlSeconds=30;realtimeCacheTtlSeconds=10;fileFormat=JSON;defaultLookbackDays=3;"
        + "catalogWait=false;apiVersion=2025-10;proxyHost=proxy.local;proxyPort=3128;proxyUser=me;"
        + "proxyPassword=pw");
    CriteoClientConfig client = settings.clientConfig();
    AdapterSettings adapter = settings.adapterSettings(List.of("99"), new WarningRouter());

    assertThat(client.baseUrl()).isEqualTo(URI.create("https://api.example.test"));
    assertThat(client.tokenUrl()).isEqualTo(URI.create("https://auth.example.test/token"));
    assertThat(client.clientId()).isEqualTo("app-1");
    assertThat(client.clientSecret().reveal()).isEqualTo("s3cret");
    assertThat(client.pollInterval()).isEqualTo(Duration.ofMillis(7500));
    assertThat(client.reportTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(client.maxCallsPerMinute()).isEqualTo(20);
    assertThat(client.apiVersion()).isEqualTo("2025-10");
    assertThat(client.proxy()).hasValueSatisfying(proxy -> {
      assertThat(proxy.host()).isEqualTo("proxy.local");
      assertThat(proxy.port()).isEqualTo(3128);
      assertThat(proxy.user()).contains("me");
    });
    assertThat(adapter.advertiserIds()).containsExactly("11", "12");
    assertThat(adapter.timezone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(adapter.currency()).contains("USD");
    assertThat(adapter.cacheTtl()).isZero();
    assertThat(adapter.recentDataCacheTtl()).isEqualTo(Duration.ofSeconds(30));
    assertThat(adapter.realtimeCacheTtl()).isEqualTo(Duration.ofSeconds(10));
    assertThat(adapter.mpoFileFormat()).isEqualTo("json");
    assertThat(adapter.defaultLookbackDays()).isEqualTo(3);
    assertThat(adapter.catalogWait()).isFalse();
  }

  @Test
  void reportsAreCachedOnDiskInTheUsersCacheFolderByDefault() throws Exception {
    ConnectionSettings settings = settings(CREDENTIALS);

    assertThat(settings.cacheMode()).isEqualTo("disk");
    assertThat((Object) settings.cacheDir()).isEqualTo(UserCacheFolder.ofThisUser());
    assertThat(settings.cacheMaxBytes()).isEqualTo(512L * 1024 * 1024);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"sandbox=true", "baseUrl=https://localhost:8443", "baseUrl=https://127.0.0.1:9", "baseUrl=https://[::1]:9"})
  void emulatorsAndTestDoublesOnThisMachineAreCachedInMemoryByDefault(String target) throws Exception {
    assertThat(settings((target.startsWith("sandbox") ? "" : CREDENTIALS) + target).cacheMode())
        .isEqualTo("memory");
  }

  @Test
  void cachePropertiesAreTakenAsGiven() throws Exception {
    ConnectionSettings settings = settings("sandbox=true;cache=DISK;cacheDir=/tmp/reports;cacheMaxMegabytes=64");

    assertThat(settings.cacheMode()).isEqualTo("disk");
    assertThat((Object) settings.cacheDir()).isEqualTo(Path.of("/tmp/reports"));
    assertThat(settings.cacheMaxBytes()).isEqualTo(64L * 1024 * 1024);
  }

  @Test
  void advertiserIdsDefaultToTheFallbackGiven() throws Exception {
    AdapterSettings adapter = settings("sandbox=true").adapterSettings(List.of("10001", "10002"), new WarningRouter());

    assertThat(adapter.advertiserIds()).containsExactly("10001", "10002");
  }

  @Test
  void sandboxPollsEveryTwentiethOfASecondUnlessTold() throws Exception {
    CriteoClientConfig defaulted = settings("sandbox=true").clientConfig(URI.create("http://127.0.0.1:1"), "id", "s");
    CriteoClientConfig told = settings("sandbox=true;pollIntervalSeconds=1")
        .clientConfig(URI.create("http://127.0.0.1:1"), "id", "s");

    assertThat(defaulted.pollInterval()).isEqualTo(Duration.ofMillis(50));
    assertThat(told.pollInterval()).isEqualTo(Duration.ofSeconds(1));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "pollIntervalSeconds|soon|positive number of seconds",
      "pollIntervalSeconds|0|positive number of seconds",
      "reportTimeoutSeconds|-5|positive number of seconds",
      "cacheTtlSeconds|forever|or 0 to turn it off",
      "maxCallsPerMinute|0|whole number of at least 1",
      "defaultLookbackDays|7.5|whole number of at least 1",
      "timezone|Mars/Olympus_Mons|IANA time zone",
      "currency|EURO|ISO-4217",
      "fileFormat|xml|one of csv, json",
      "sandbox|yes|true or false",
      "catalogWait|1|true or false",
      "logLevel|LOUD|one of OFF",
      "baseUrl|api.criteo.com|absolute https URL",
      "proxyPort|80a|port number",
      "reportTimeoutSeconds|1e30|from 0.001 to 31536000",
      "pollIntervalSeconds|0.0001|from 0.001 to 31536000",
      "cacheTtlSeconds|1e30|from 0.001 to 31536000",
      "recentCacheTtlSeconds|99999999999999999999|from 0.001 to 31536000",
      "realtimeCacheTtlSeconds|-1|or 0 to turn it off",
      "maxCallsPerMinute|99999999999|at most 2147483647",
      "defaultLookbackDays|1e3|at most 2147483647",
      "cache|files|one of disk, memory, off",
      "cacheMaxMegabytes|0|whole number of at least 1",
      "cacheDir|bad\u0000dir|folder path",
  })
  void invalidValuesFailNamingThePropertyAndWhatItAccepts(String key, String value, String expected) {
    String url = CREDENTIALS + key + "=" + value + (key.equals("proxyPort") ? ";proxyHost=proxy.local" : "");

    assertThatThrownBy(() -> settings(url).clientConfig())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("connection property " + key)
        .hasMessageContaining("'" + value + "'")
        .hasMessageContaining(expected)
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("HY024");
  }

  @Test
  void plainHttpBaseUrlIsRefusedNamingBaseUrl() {
    assertThatThrownBy(() -> settings(CREDENTIALS + "baseUrl=http://api.criteo.com").clientConfig())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("baseUrl must use https");
  }

  @Test
  void sandboxCannotBeCombinedWithBaseUrl() {
    assertThatThrownBy(() -> settings("sandbox=true;baseUrl=https://api.criteo.com"))
        .hasMessageContaining("sandbox=true")
        .hasMessageContaining("baseUrl");
  }

  @Test
  void proxyHostNeedsAPort() {
    assertThatThrownBy(() -> settings(CREDENTIALS + "proxyHost=proxy.local"))
        .hasMessageContaining("proxyPort");
  }

  @Test
  void proxyUserNeedsAPassword() {
    assertThatThrownBy(() -> settings(CREDENTIALS + "proxyHost=proxy.local;proxyPort=3128;proxyUser=me"))
        .hasMessageContaining("proxyUser and proxyPassword go together");
  }

  @Test
  void missingCredentialsSayHowToGiveThemOrUseTheSandbox() {
    assertThatThrownBy(() -> settings("").clientConfig())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("clientId is missing")
        .hasMessageContaining("JDBC user")
        .hasMessageContaining("sandbox=true")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("28000");
  }

  /**
   * The secret is given in each place a user can put it, beside a property the driver refuses (so the error is
   * raised while the secret is held), and once with valid settings (so the secret reaches the client settings).
   */
  @ParameterizedTest(name = "secret given {0}, refused property {1}")
  @CsvSource({
      "as clientSecret in the URL, fileFormat=xml",
      "as clientSecret in the URL, timezone=Mars/Olympus",
      "as clientSecret in the URL, baseUrl=http://x.test",
      "as clientSecret in the URL, pollIntervalSeconds=soon",
      "as the JDBC password, fileFormat=xml",
      "as the JDBC password, baseUrl=http://x.test",
      "as clientSecret in the properties, timezone=Mars/Olympus",
      "as clientSecret in the properties, baseUrl=http://x.test"})
  void aSecretIsNeverEchoedInErrorsOrSettings(String where, String refusedProperty) throws Exception {
    String secret = "leak-check-9b41e2";
    String url = "clientId=app-1;proxyHost=proxy.test;proxyPort=3128;proxyUser=bob;proxyPassword=" + secret + ";";
    Properties properties = properties();
    switch (where) {
      case "as clientSecret in the URL" -> url += "clientSecret=" + secret + ";";
      case "as the JDBC password" -> properties.setProperty("password", secret);
      default -> properties.setProperty("clientSecret", secret);
    }

    ConnectionSettings valid = ConnectionSettings.from(ConnectionRequest.parse(url, properties));
    CriteoClientConfig client = valid.clientConfig();
    String urlWithRefusal = url + refusedProperty;
    Throwable refused = catchThrowable(
        () -> ConnectionSettings.from(ConnectionRequest.parse(urlWithRefusal, properties)).clientConfig());

    assertThat(client.clientSecret().reveal()).as("the secret reached the client settings").isEqualTo(secret);
    assertThat(refused).isInstanceOf(SQLException.class)
        .hasMessageContaining(refusedProperty.substring(0, refusedProperty.indexOf('=')));
    StringWriter printed = new StringWriter();
    refused.printStackTrace(new PrintWriter(printed));
    assertThat(List.of(printed.toString(), valid.toString(), client.toString()))
        .allSatisfy(text -> assertThat(text).doesNotContain(secret));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({"ERROR,SEVERE", "warn,WARNING", "INFO,INFO", "DEBUG,FINE", "TRACE,FINEST", "FINE,FINE", "OFF,OFF"})
  void logLevelsTakeJavaAndSlf4jNames(String given, String level) throws Exception {
    assertThat(settings("sandbox=true;logLevel=" + given).logLevel()).contains(Level.parse(level));
  }

  @Test
  void calciteIsConfiguredForCaseInsensitiveDoubleQuotedIdentifiersInTheReportZone() throws Exception {
    assertThat(settings("sandbox=true;timezone=Asia/Tokyo").calciteProperties())
        .containsEntry("caseSensitive", "false")
        .containsEntry("unquotedCasing", "UNCHANGED")
        .containsEntry("quotedCasing", "UNCHANGED")
        .containsEntry("quoting", "DOUBLE_QUOTE")
        .containsEntry("timeZone", "Asia/Tokyo")
        .doesNotContainKeys("model", "schemaFactory");
  }

  private static ConnectionSettings settings(String urlSuffix) throws SQLException {
    return ConnectionSettings.from(ConnectionRequest.parse(urlSuffix, properties()));
  }
}
