package io.github.criteojdbc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

class ServerConfigTest {
  @TempDir Path dir;

  @Test void jsonObjectsStandForTheDottedPrefixes() throws Exception {
    Path file = dir.resolve("server.json");
    Files.writeString(file, "{\"listen\": {\"port\": 9443}, \"dev\": {\"plainHttp\": true},"
        + " \"auth\": {\"passwordFile\": \"users\"}, \"criteo\": {\"sandbox\": true, \"timezone\": \"Europe/Paris\"}}");

    ServerConfig config = ServerConfig.load(file);

    assertThat(config.port()).isEqualTo(9443);
    assertThat(config.tls()).isEmpty();
    assertThat(config.passwordFile()).contains(dir.resolve("users"));
    assertThat(config.driverProperties()).containsEntry("sandbox", "true").containsEntry("timezone", "Europe/Paris");
  }

  @Test void propertiesFilesGiveTheSameSettings() throws Exception {
    Path file = dir.resolve("server.properties");
    Files.writeString(file, "listen.port=9443\ndev.plainHttp=true\nauth.tokenFile=tokens\ncriteo.sandbox=true\n");

    ServerConfig config = ServerConfig.load(file);

    assertThat(config.port()).isEqualTo(9443);
    assertThat(config.tokenFile()).contains(dir.resolve("tokens"));
    assertThat(config.driverProperties()).containsEntry("sandbox", "true");
  }

  @Test void theExampleConfigurationLoadsWithEveryServerSettingAtItsDefault() throws Exception {
    Path example = Path.of("..", "examples", "server.json");
    Map<String, String> settings = new TreeMap<>();
    new ObjectMapper().readTree(example.toFile()).fields().forEachRemaining(group -> group.getValue().fields()
        .forEachRemaining(field -> settings.put(group.getKey() + "." + field.getKey(), field.getValue().asText())));

    ServerConfig config = ServerConfig.load(example);

    assertThat(settings.keySet()).containsAll(ServerConfig.SERVER_KEYS);
    assertThat(config.threads()).isEqualTo(16);
    assertThat(config.maxRequestBytes()).isEqualTo(16 * 1024 * 1024);
    assertThat(config.limits()).isEqualTo(new ServerConnections.Limits(20, 200,
        java.time.Duration.ofSeconds(1800)));
    assertThat(config.grantsFile()).contains(example.toAbsolutePath().getParent().resolve("grants"));
  }

  @Test void anUnknownSettingIsRefusedByName() throws Exception {
    Path file = dir.resolve("server.properties");
    Files.writeString(file, "dev.plainHttp=true\nauth.tokenFile=tokens\nlisten.prot=9443\n");

    assertThatThrownBy(() -> ServerConfig.load(file)).isInstanceOf(SQLException.class)
        .hasMessageContaining("Unknown server setting listen.prot").hasMessageContaining("listen.port");
  }

  @Test void anUnknownConnectionPropertyIsRefusedByName() throws Exception {
    Path file = dir.resolve("server.properties");
    Files.writeString(file, "dev.plainHttp=true\nauth.tokenFile=tokens\ncriteo.clientSecrett=x\n");

    assertThatThrownBy(() -> ServerConfig.load(file)).isInstanceOf(SQLException.class)
        .hasMessageContaining("criteo.clientSecrett").hasMessageNotContaining("=x");
  }

  @Test void aServerNobodyCanLogInToIsRefused() throws Exception {
    Path file = dir.resolve("server.properties");
    Files.writeString(file, "dev.plainHttp=true\n");

    assertThatThrownBy(() -> ServerConfig.load(file)).hasMessageContaining("auth.passwordFile nor auth.tokenFile");
  }

  @Test void redisSettingsNameTheRedisAndHowManyServersShareIt() throws Exception {
    Path file = dir.resolve("server.properties");
    Files.writeString(file, "dev.plainHttp=true\nauth.tokenFile=tokens\nredis.url=redis://team:s3cret@redis.internal:6380/2"
        + "\nredis.servers=3\n");

    ServerConfig.Redis redis = ServerConfig.load(file).redis().orElseThrow();

    assertThat(redis.servers()).isEqualTo(3);
    assertThat(redis.timeout()).isEqualTo(java.time.Duration.ofMillis(500));
    assertThat(redis.address()).isEqualTo("redis://redis.internal:6380");
  }

  @Test void aRedisWithoutTheNumberOfServersIsRefused() throws Exception {
    Path file = dir.resolve("server.properties");
    Files.writeString(file, "dev.plainHttp=true\nauth.tokenFile=tokens\nredis.url=redis://127.0.0.1:6379\n");

    assertThatThrownBy(() -> ServerConfig.load(file)).isInstanceOf(SQLException.class)
        .hasMessageContaining("redis.servers is not set");
  }

  @Test void anInvalidRedisUrlIsRefusedWithoutRepeatingItsPassword() throws Exception {
    Path file = dir.resolve("server.properties");
    Files.writeString(file, "dev.plainHttp=true\nauth.tokenFile=tokens\nredis.url=http://team:s3cret@redis:6379\n"
        + "redis.servers=2\n");

    assertThatThrownBy(() -> ServerConfig.load(file)).isInstanceOf(SQLException.class)
        .hasMessageContaining("Invalid redis.url").hasMessageNotContaining("s3cret");
  }
}
