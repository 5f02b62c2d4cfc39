package io.github.criteojdbc.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.sandbox.data.Portfolio;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The password, token and grants files edited while the server runs: the server reads them again
 * within its check interval, without a restart. Each test has its own server, as it edits its files.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TeamServerReloadTest {
  /** Several check intervals, for a loaded machine. */
  private static final Duration TAKEN_WITHIN = ReloadingFile.CHECK_INTERVAL.multipliedBy(5);
  private static final String CONNECTED = "connected";
  private static final String UNKNOWN_TOKEN = "Unknown bearer token";
  private static final String WRONG_PASSWORD = "Wrong user name or password";

  @TempDir Path dir;
  private TeamServerFixture fixture;

  @BeforeEach void start() throws Exception {
    Files.write(dir.resolve("grants"), List.of(TeamServerFixture.ALICE + ": " + advertiser(),
        TeamServerFixture.BOB + ": " + advertiser(), "carol: " + advertiser()));
    Properties grants = new Properties();
    grants.setProperty("grants.file", "grants");
    fixture = TeamServerFixture.start(dir, grants);
  }

  @AfterEach void stop() {
    fixture.close();
  }

  @Test void aUserAddedToThePasswordAndGrantsFilesCanConnect() throws Exception {
    Files.write(dir.resolve("users"), List.of(PasswordFile.line("erin", "erin-password".toCharArray(),
        TeamServerFixture.TEST_ITERATIONS)), StandardOpenOption.APPEND);
    Files.write(dir.resolve("grants"), List.of("erin: " + advertiser()), StandardOpenOption.APPEND);

    assertThat(awaitLogin(() -> fixture.basic("erin", "erin-password"), CONNECTED)).isEqualTo(CONNECTED);
  }

  @Test void aTokenRemovedFromTheTokenFileIsRefused() throws Exception {
    assertThat(login(fixture::carol)).isEqualTo(CONNECTED);
    Files.write(dir.resolve("tokens"), List.of());

    assertThat(awaitLogin(fixture::carol, UNKNOWN_TOKEN)).contains(UNKNOWN_TOKEN);
  }

  @Test void aChangedPasswordEndsTheOldOnesRememberedLogin() throws Exception {
    assertThat(login(fixture::alice)).isEqualTo(CONNECTED);
    Files.write(dir.resolve("users"), List.of(PasswordFile.line(TeamServerFixture.ALICE,
        "alice-new-password".toCharArray(), TeamServerFixture.TEST_ITERATIONS)));

    assertThat(awaitLogin(fixture::alice, WRONG_PASSWORD)).contains(WRONG_PASSWORD);
    assertThat(login(() -> fixture.basic(TeamServerFixture.ALICE, "alice-new-password"))).isEqualTo(CONNECTED);
  }

  @Test void aPasswordFileThatBecomesInvalidKeepsItsUsers() throws Exception {
    Files.writeString(dir.resolve("users"), "not a password line\n");
    Thread.sleep(ReloadingFile.CHECK_INTERVAL.multipliedBy(2).toMillis());

    assertThat(login(fixture::bob)).isEqualTo(CONNECTED);
  }

  /** How logins end, once one ends with {@code expected} in its outcome or {@link #TAKEN_WITHIN} has passed. */
  private static String awaitLogin(Login login, String expected) throws InterruptedException {
    Instant until = Instant.now().plus(TAKEN_WITHIN);
    String outcome = login(login);
    while (!outcome.contains(expected) && Instant.now().isBefore(until)) {
      Thread.sleep(100);
      outcome = login(login);
    }
    return outcome;
  }

  /** {@link #CONNECTED}, or the message of the refusal. */
  private static String login(Login login) {
    try (Connection connection = login.connect()) {
      connection.getMetaData().getDatabaseProductName();
      return CONNECTED;
    } catch (SQLException | RuntimeException e) {
      return String.valueOf(e.getMessage());
    }
  }

  private static String advertiser() {
    return Portfolio.standard().advertisers().get(0).id();
  }

  /** A connection to the server. */
  private interface Login {
    Connection connect() throws SQLException;
  }
}
