package io.github.criteojdbc.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/** Reading the server's configuration files, failing with the setting that names them. */
final class ConfigFiles {
  static final String INVALID_CONFIG_STATE = "HY024";

  private ConfigFiles() {
  }

  static List<String> lines(Path file, String setting) throws SQLException {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw invalid("Cannot read " + file + " (" + setting + "): " + e.getMessage());
    }
  }

  static SQLException invalid(String message) {
    return new SQLException(message, INVALID_CONFIG_STATE);
  }
}
