package io.github.criteojdbc.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server's users and their password hashes: one {@code user:pbkdf2-sha256:ITERATIONS:SALT:HASH}
 * line each ({@code #} starts a comment). {@code serve add-user} writes such lines.
 */
final class PasswordFile {
  private final Map<String, PasswordHash> hashes;

  private PasswordFile(Map<String, PasswordHash> hashes) {
    this.hashes = Map.copyOf(hashes);
  }

  static PasswordFile empty() {
    return new PasswordFile(Map.of());
  }

  static PasswordFile read(Path file) throws SQLException {
    Map<String, PasswordHash> hashes = new HashMap<>();
    List<String> lines = ConfigFiles.lines(file, "auth.passwordFile");
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      Optional<PasswordHash> hash = colon > 0 ? PasswordHash.parse(line.substring(colon + 1)) : Optional.empty();
      if (hash.isEmpty()) {
        throw ConfigFiles.invalid("Line " + (i + 1) + " of the password file " + file + " is not user:"
            + PasswordHash.SCHEME + ":ITERATIONS:SALT:HASH; write it with java -jar criteo-jdbc.jar serve add-user");
      }
      hashes.put(line.substring(0, colon), hash.get());
    }
    return new PasswordFile(hashes);
  }

  /** The line that gives {@code user} this password. */
  static String line(String user, char[] password, int iterations) {
    return user + ":" + PasswordHash.create(password, iterations).format();
  }

  static void append(Path file, String line) throws IOException {
    Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
  }

  boolean matches(String user, char[] password) {
    PasswordHash hash = hashes.get(user);
    return hash != null && hash.matches(password);
  }
}
