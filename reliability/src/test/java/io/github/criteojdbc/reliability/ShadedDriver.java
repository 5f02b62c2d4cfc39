package io.github.criteojdbc.reliability;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.util.ServiceLoader;

/**
 * The shaded {@code criteo-jdbc.jar} as a SQL client loads it: one class loader over the jar alone (its parent
 * knows only the JDK), the driver found through {@code META-INF/services}. One loader for the whole suite, as one
 * application would have, so the jar's JVM-wide rate limiters and caches are shared like in production.
 */
final class ShadedDriver {
  static final Path JAR = Path.of(System.getProperty("criteo.jdbc.jar", "../driver/target/criteo-jdbc.jar"));
  private static final String DRIVER_CLASS = "io.github.criteojdbc.driver.CriteoDriver";

  private static Driver driver;

  private ShadedDriver() {
  }

  static synchronized Driver get() {
    if (driver == null) {
      driver = load();
    }
    return driver;
  }

  private static Driver load() {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR.toAbsolutePath() + " is missing; build the driver first (mvn package)");
    }
    try {
      ClassLoader jarOnly = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      for (Driver candidate : ServiceLoader.load(Driver.class, jarOnly)) {
        if (candidate.getClass().getName().equals(DRIVER_CLASS)) {
          return candidate;
        }
      }
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalStateException(JAR + " does not list " + DRIVER_CLASS + " in META-INF/services/java.sql.Driver");
  }
}
