package io.github.criteojdbc.driver;

import io.github.criteojdbc.sandbox.SandboxServer;
import io.github.criteojdbc.sandbox.data.Advertiser;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The JVM's one embedded emulator for {@code sandbox=true}: started on a free loopback port by the
 * first connection that needs it, shared by the next ones, stopped when the last one closes.
 */
final class EmbeddedSandbox {
  private static SandboxServer server;
  private static int users;

  private EmbeddedSandbox() {
  }

  static synchronized Lease acquire() {
    if (server == null) {
      server = SandboxServer.start();
    }
    users++;
    return new Lease(server);
  }

  private static synchronized void release() {
    users--;
    if (users == 0) {
      server.close();
      server = null;
    }
  }

  /** The running emulator, for tests that read its request log. */
  static synchronized Optional<SandboxServer> running() {
    return Optional.ofNullable(server);
  }

  /** One connection's use of the emulator; closing it more than once is harmless. */
  static final class Lease implements AutoCloseable {
    private final SandboxServer server;
    private boolean released;

    private Lease(SandboxServer server) {
      this.server = server;
    }

    URI baseUrl() {
      return URI.create(server.baseUrl().toString());
    }

    String clientId() {
      return server.clientId();
    }

    String clientSecret() {
      return server.clientSecret();
    }

    /**
     * Whose data the emulator serves, the same in every JVM that runs this build on this day
     * (its data is a function of the build and the day), so that the disk cache can serve one
     * JVM's reports to the next although the emulator's port changes.
     */
    String account() {
      return "embedded sandbox " + server.clientId() + " data of " + LocalDate.now(ZoneOffset.UTC)
          + " from build " + buildTime();
    }

    private static String buildTime() {
      try {
        Path code = Path.of(SandboxServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Files.getLastModifiedTime(code).toInstant().toString();
      } catch (IOException | URISyntaxException | RuntimeException e) {
        return "unknown " + ProcessHandle.current().pid();
      }
    }

    List<String> advertiserIds() {
      return server.data().advertisers().stream().map(Advertiser::id).toList();
    }

    @Override public synchronized void close() {
      if (!released) {
        released = true;
        release();
      }
    }
  }
}
