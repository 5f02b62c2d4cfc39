package io.github.criteojdbc.metabase;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * {@code target/criteo-metabase-driver.jar}, loaded as Metabase loads a plugin: in its own class loader that
 * sees nothing of this build's classes, with the driver class named by the manifest's init step.
 */
final class PluginJar {
  static final Path PATH = Path.of(System.getProperty("criteo.metabase.jar", "target/criteo-metabase-driver.jar"));
  static final String DRIVER_CLASS = "io.github.criteojdbc.driver.CriteoDriver";
  private static ClassLoader loader;

  private PluginJar() {
  }

  static synchronized ClassLoader isolatedLoader() {
    if (loader == null) {
      requireJar();
      try {
        loader = new URLClassLoader(new URL[] {PATH.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      } catch (MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    }
    return loader;
  }

  /** What the {@code register-jdbc-driver} init step does: instantiate the named class from the plugin. */
  static Driver driver() {
    try {
      return (Driver) Class.forName(DRIVER_CLASS, true, isolatedLoader()).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> entryNames() {
    requireJar();
    try (JarFile jar = new JarFile(PATH.toFile())) {
      return jar.stream().map(ZipEntry::getName).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A text entry of the jar, or null when it has none of that name. */
  static String text(String entry) {
    requireJar();
    try (JarFile jar = new JarFile(PATH.toFile())) {
      ZipEntry found = jar.getEntry(entry);
      if (found == null) {
        return null;
      }
      try (InputStream in = jar.getInputStream(found)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void requireJar() {
    if (!Files.isRegularFile(PATH)) {
      throw new IllegalStateException(PATH + " is missing; these tests run after 'mvn package'");
    }
  }
}
