package io.github.criteojdbc.adapter.exec;

import com.google.common.hash.Hashing;

import java.nio.charset.StandardCharsets;

/**
 * Names of the disk tier's files: a SHA-256 of the entry's full key, under a folder named by a
 * SHA-256 of its application, so that a file name says nothing of the account or the request.
 */
final class ReportFileNames {
  static final String SUFFIX = ".report";

  private ReportFileNames() {
  }

  static String digest(String text) {
    return Hashing.sha256().hashString(text, StandardCharsets.UTF_8).toString();
  }

  static String applicationFolder(String application) {
    return digest(application).substring(0, 32);
  }

  static String entryFile(String key) {
    return digest(key) + SUFFIX;
  }
}
