package io.github.criteojdbc.driver.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * The sqlline arguments of {@code java -jar criteo-jdbc.jar}: the user's, plus the defaults that
 * make sqlline work out of the box on this driver. Without {@code -u} the shell opens the sandbox;
 * credentials are never prompted for (they come with {@code -n}/{@code -p} or the URL); the
 * isolation level is the only one a read-only driver has; and without a terminal the table output
 * needs a width, or sqlline prints empty columns.
 */
final class ShellArguments {
  /**
   * The next {@code java -jar … -e} of the same day reuses the reports of this one. The shell runs
   * one statement at a time on one connection, so no other query can join a coalescing window: its
   * query creates its report at once instead of waiting 0.2 s for company that never comes.
   */
  static final String SANDBOX_URL = "jdbc:criteo:sandbox=true;cache=disk;coalesceWindowSeconds=0";
  static final int WIDTH_WITHOUT_TERMINAL = 200;

  private ShellArguments() {
  }

  static List<String> complete(List<String> given, boolean terminal) {
    List<String> args = new ArrayList<>();
    if (!given.contains("-u")) {
      args.add("-u");
      args.add(SANDBOX_URL);
    }
    if (!mentions(given, "--connectInteractionMode")) {
      args.add("--connectInteractionMode=notAskCredentials");
    }
    if (!mentions(given, "--isolation")) {
      args.add("--isolation=TRANSACTION_NONE");
    }
    if (!terminal && !mentions(given, "--maxWidth")) {
      args.add("--maxWidth=" + WIDTH_WITHOUT_TERMINAL);
    }
    args.addAll(given);
    return args;
  }

  private static boolean mentions(List<String> given, String option) {
    return given.stream().anyMatch(arg -> arg.startsWith(option));
  }
}
