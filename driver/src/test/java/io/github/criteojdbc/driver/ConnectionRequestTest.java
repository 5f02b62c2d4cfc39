package io.github.criteojdbc.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConnectionRequestTest {
  @Test
  void propertiesWinOverUrlPairs() throws Exception {
    ConnectionRequest request = ConnectionRequest.parse("timezone=Europe/Paris;currency=EUR",
        properties("timezone", "America/New_York"));

    assertThat(request.get(DriverProperty.TIMEZONE)).contains("America/New_York");
    assertThat(request.get(DriverProperty.CURRENCY)).contains("EUR");
  }

  @Test
  void namesAreMatchedIgnoringCase() throws Exception {
    ConnectionRequest request = ConnectionRequest.parse("TIMEZONE=UTC;PollIntervalSeconds=7", null);

    assertThat(request.get(DriverProperty.TIMEZONE)).contains("UTC");
    assertThat(request.get(DriverProperty.POLL_INTERVAL_SECONDS)).contains("7");
    assertThat(request.unknownKeys()).isEmpty();
  }

  @Test
  void jdbcUserAndPasswordAreTheCredentials() throws Exception {
    ConnectionRequest request = ConnectionRequest.parse("", properties("user", "app-1", "password", "s3cret"));

    assertThat(request.get(DriverProperty.CLIENT_ID)).contains("app-1");
    assertThat(request.get(DriverProperty.CLIENT_SECRET)).contains("s3cret");
  }

  @Test
  void clientIdBeatsUserGivenAlongsideIt() throws Exception {
    ConnectionRequest request = ConnectionRequest.parse("", properties("user", "from-user", "clientId", "from-id"));

    assertThat(request.get(DriverProperty.CLIENT_ID)).contains("from-id");
  }

  @Test
  void blankValuesCountAsUnset() throws Exception {
    ConnectionRequest request = ConnectionRequest.parse("clientId=app-1", properties("user", ""));

    assertThat(request.get(DriverProperty.CLIENT_ID)).contains("app-1");
  }

  @Test
  void unknownNamesAreCollectedSorted() throws Exception {
    ConnectionRequest request = ConnectionRequest.parse("schemaFactory=x.Y;sandbox=true;model=inline:{}", null);

    assertThat(request.unknownKeys()).containsExactly("model", "schemaFactory");
  }

  static Properties properties(String... keysAndValues) {
    Properties properties = new Properties();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    return properties;
  }
}
