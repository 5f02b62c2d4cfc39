package io.github.criteojdbc.server;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar criteo-jdbc.jar serve …}:
 * <ul>
 *   <li>{@code serve --config server.json} (or {@code .properties}) runs the team server until stopped;
 *   <li>{@code serve add-user --passwords FILE --user NAME} reads a password (console, or stdin's
 *       first line) and appends its PBKDF2 hash line to the password file;
 *   <li>{@code serve add-token --tokens FILE --user NAME --valid-days N} prints a new bearer token
 *       once and appends its digest line to the token file.
 * </ul>
 * Exits with 2 on a usage or configuration error, whose message says what to fix.
 */
public final class ServeCommand {
  static final String USAGE = "usage: java -jar criteo-jdbc.jar serve --config server.json|server.properties\n"
      + "       java -jar criteo-jdbc.jar serve add-user --passwords FILE --user NAME   (password on stdin)\n"
      + "       java -jar criteo-jdbc.jar serve add-token --tokens FILE --user NAME --valid-days N";

  private ServeCommand() {
  }

  public static void main(String[] args) {
    int status = run(List.of(args), System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    try {
      if (!args.isEmpty() && args.get(0).equals("add-user")) {
        Map<String, String> options = options(args.subList(1, args.size()), List.of("--passwords", "--user"));
        char[] password = readPassword();
        PasswordFile.append(Path.of(options.get("--passwords")),
            PasswordFile.line(user(options), password, PasswordHash.DEFAULT_ITERATIONS));
        out.println("added " + options.get("--user") + " to " + options.get("--passwords"));
        return 0;
      }
      if (!args.isEmpty() && args.get(0).equals("add-token")) {
        Map<String, String> options = options(args.subList(1, args.size()),
            List.of("--tokens", "--user", "--valid-days"));
        BearerTokens.Issued issued = BearerTokens.issue(user(options),
            Duration.ofDays(positive(options.get("--valid-days"))), Instant.now());
        PasswordFile.append(Path.of(options.get("--tokens")), issued.line());
        out.println(issued.token());
        return 0;
      }
      Map<String, String> options = options(args, List.of("--config"));
      TeamServer server = TeamServer.start(ServerConfig.load(Path.of(options.get("--config"))));
      err.println("criteo-jdbc team server listening on " + server.url() + " (Ctrl-C stops it)");
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        server.close();
        stopped.countDown();
      }));
      stopped.await();
      return 0;
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    } catch (SQLException | IOException e) {
      err.println(e.getMessage());
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private static Map<String, String> options(List<String> args, List<String> required) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.size(); i += 2) {
      if (!required.contains(args.get(i)) || i + 1 >= args.size()) {
        throw new IllegalArgumentException("Unexpected argument " + args.get(i));
      }
      options.put(args.get(i), args.get(i + 1));
    }
    for (String option : required) {
      if (!options.containsKey(option)) {
        throw new IllegalArgumentException("Missing " + option);
      }
    }
    return options;
  }

  private static String user(Map<String, String> options) {
    String user = options.get("--user");
    if (user.isBlank() || user.contains(":")) {
      throw new IllegalArgumentException("--user must be a non-blank name without ':'");
    }
    return user;
  }

  private static int positive(String text) {
    try {
      int value = Integer.parseInt(text);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--valid-days must be a whole number of days, at least 1");
  }

  private static char[] readPassword() throws IOException {
    Console console = System.console();
    if (console != null) {
      return console.readPassword("password: ");
    }
    String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (line == null || line.isEmpty()) {
      throw new IllegalArgumentException("No password on stdin");
    }
    return line.toCharArray();
  }
}
