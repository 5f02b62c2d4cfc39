package io.github.criteojdbc.driver.shell;

import java.io.IOException;
import java.util.Arrays;

import io.github.criteojdbc.server.ServeCommand;

import sqlline.SqlLine;

/**
 * {@code java -jar criteo-jdbc.jar [sqlline options]}: an interactive SQL shell on the sandbox, or
 * on the URL given with {@code -u}; {@code -e "SQL"} runs one statement and prints a table. Exits
 * with 0 on success and non-zero when a statement fails. {@code serve …} runs the team server
 * instead (see {@link ServeCommand}).
 */
public final class CriteoShell {
  private CriteoShell() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length > 0 && args[0].equals("serve")) {
      ServeCommand.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    MetadataWarmUp.startInBackground();
    boolean terminal = System.console() != null;
    if (!terminal) {
      // jline would warn that it cannot create a system terminal, then fall back to this anyway.
      System.setProperty("org.jline.terminal.dumb", "true");
    }
    ReportProgress.printTo(System.err);
    String[] sqllineArgs = ShellArguments.complete(Arrays.asList(args), terminal).toArray(new String[0]);
    SqlLine.Status status = new SqlLine().begin(sqllineArgs, null, true);
    System.exit(status.ordinal());
  }
}
