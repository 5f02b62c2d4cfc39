package io.github.criteojdbc.driver;

import io.github.criteojdbc.sandbox.SandboxServer;
import io.github.criteojdbc.sandbox.data.Advertiser;

import java.net.URI;
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
