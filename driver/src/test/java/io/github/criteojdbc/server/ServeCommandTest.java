package io.github.criteojdbc.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class ServeCommandTest {
  @TempDir Path dir;

  @Test void addTokenPrintsATokenTheTokenFileThenGrantsAndKeepsOnlyItsDigest() throws Exception {
    Path tokens = dir.resolve("tokens");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int status = ServeCommand.run(List.of("add-token", "--tokens", tokens.toString(), "--user", "carol",
        "--valid-days", "30"), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

    String token = out.toString(StandardCharsets.UTF_8).strip();
    assertThat(status).isZero();
    assertThat(BearerTokens.read(tokens).grant(token)).hasValueSatisfying(g -> assertThat(g.user()).isEqualTo("carol"));
    assertThat(Files.readString(tokens)).doesNotContain(token);
  }

  @Test void aPasswordLineMatchesItsPasswordOnly() throws Exception {
    Path users = dir.resolve("users");
    PasswordFile.append(users, PasswordFile.line("alice", "s3cret".toCharArray(), PasswordHash.MIN_ITERATIONS));

    PasswordFile file = PasswordFile.read(users);

    assertThat(file.matches("alice", "s3cret".toCharArray())).isTrue();
    assertThat(file.matches("alice", "s3cret ".toCharArray())).isFalse();
    assertThat(Files.readString(users)).doesNotContain("s3cret");
  }

  @Test void aMistypedCommandExitsWithUsage() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = ServeCommand.run(List.of("--confg", "server.json"), System.out,
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unexpected argument --confg").contains("usage:");
  }
}
