package io.github.criteojdbc.driver.jar;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.util.ServiceLoader;

/**
 * {@code target/criteo-jdbc.jar}, loaded the way SQL clients load a driver jar: in its own class
 * loader whose parent knows nothing but the JDK, and found through {@code META-INF/services}.
 */
final class ShadedJar {
  static final Path PATH = Path.of(System.getProperty("criteo.jdbc.jar", "target/criteo-jdbc.jar"));

  private ShadedJar() {
  }

  static ClassLoader isolatedLoader() {
    if (!Files.isRegularFile(PATH)) {
      throw new IllegalStateException(PATH + " is missing; these tests run after 'mvn package'");
    }
    try {
      return new URLClassLoader(new URL[] {PATH.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The jar's driver for {@code jdbc:criteo:}, as DBeaver finds it among the jar's drivers. */
  static Driver driver() {
    for (Driver driver : ServiceLoader.load(Driver.class, isolatedLoader())) {
      if (driver.getClass().getName().equals("io.github.criteojdbc.driver.CriteoDriver")) {
        return driver;
      }
    }
    throw new IllegalStateException("the jar's META-INF/services/java.sql.Driver does not list CriteoDriver");
  }

  static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
