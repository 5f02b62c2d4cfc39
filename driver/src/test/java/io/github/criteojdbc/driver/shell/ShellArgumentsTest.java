package io.github.criteojdbc.driver.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellArgumentsTest {
  @Test
  void withoutAUrlTheShellOpensTheSandboxWithoutACoalescingWindow() {
    assertThat(ShellArguments.complete(List.of(), true))
        .containsSequence("-u", "jdbc:criteo:sandbox=true;cache=disk;coalesceWindowSeconds=0");
  }

  @Test
  void aGivenUrlIsKept() {
    List<String> args = ShellArguments.complete(List.of("-u", "jdbc:criteo:clientId=x"), true);

    assertThat(args).containsSequence("-u", "jdbc:criteo:clientId=x").doesNotContain("jdbc:criteo:sandbox=true");
  }

  @Test
  void credentialsAreNeverPromptedForAndIsolationIsNone() {
    assertThat(ShellArguments.complete(List.of(), true))
        .contains("--connectInteractionMode=notAskCredentials", "--isolation=TRANSACTION_NONE");
  }

  @Test
  void withoutATerminalTablesGetAWidth() {
    assertThat(ShellArguments.complete(List.of(), false)).contains("--maxWidth=200");
    assertThat(ShellArguments.complete(List.of(), true)).noneMatch(arg -> arg.startsWith("--maxWidth"));
    assertThat(ShellArguments.complete(List.of("--maxWidth=90"), false)).containsOnlyOnce("--maxWidth=90")
        .noneMatch(arg -> arg.equals("--maxWidth=200"));
  }

  @Test
  void userArgumentsComeLastSoTheyWin() {
    List<String> args = ShellArguments.complete(List.of("-e", "SELECT 1"), false);

    assertThat(args.subList(args.size() - 2, args.size())).containsExactly("-e", "SELECT 1");
  }
}
