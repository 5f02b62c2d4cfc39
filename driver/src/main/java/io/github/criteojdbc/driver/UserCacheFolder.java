package io.github.criteojdbc.driver;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The default {@code cacheDir}: the criteo-jdbc folder of the operating system's user cache. */
final class UserCacheFolder {
  static final String NAME = "criteo-jdbc";

  private UserCacheFolder() {
  }

  static Path ofThisUser() {
    return of(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
  }

  static Path of(Map<String, String> environment, String osName, Path home) {
    Optional<String> xdg = Optional.ofNullable(environment.get("XDG_CACHE_HOME")).filter(dir -> !dir.isBlank());
    if (xdg.isPresent()) {
      return Path.of(xdg.get(), NAME);
    }
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      return Optional.ofNullable(environment.get("LOCALAPPDATA")).filter(dir -> !dir.isBlank())
          .map(dir -> Path.of(dir, NAME))
          .orElse(home.resolve("AppData").resolve("Local").resolve(NAME));
    }
    if (os.startsWith("mac")) {
      return home.resolve("Library").resolve("Caches").resolve(NAME);
    }
    return home.resolve(".cache").resolve(NAME);
  }
}
