package io.github.criteojdbc.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} on a free loopback port, without persistence (a restart loses its
 * data, as a Redis run for a cache often does). {@code .ci/run} installs Debian's package when it
 * is missing; a machine without it fails here saying so, rather than skipping.
 */
final class RedisProcess implements AutoCloseable {
  private static final Path SERVER = Path.of("/usr/bin/redis-server");

  private final int port;
  private final List<String> settings;
  private Process process;

  private RedisProcess(int port, List<String> settings) {
    this.port = port;
    this.settings = settings;
  }

  static RedisProcess start() throws IOException, InterruptedException {
    return start(List.of());
  }

  /** A server with these further {@code redis-server} arguments, such as {@code --requirepass}. */
  static RedisProcess start(List<String> settings) throws IOException, InterruptedException {
    if (!Files.isExecutable(SERVER)) {
      throw new IllegalStateException(SERVER + " is not installed: install Debian's redis-server package"
          + " (apt-get install redis-server), as .ci/run does");
    }
    RedisProcess redis = new RedisProcess(freePort(), settings);
    redis.launch();
    return redis;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void launch() throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(SERVER.toString(), "--port", Integer.toString(port),
        "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning"));
    command.addAll(settings);
    process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (!accepts()) {
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("redis-server did not start on port " + port);
      }
      Thread.sleep(20);
    }
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  URI url() {
    return URI.create("redis://127.0.0.1:" + port);
  }

  /** Kills the server: its clients' commands fail until {@link #restart}. */
  void stop() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** A new server on the same port, with none of the old one's data. */
  void restart() throws IOException, InterruptedException {
    if (process.isAlive()) {
      stop();
    }
    launch();
  }

  @Override public void close() throws InterruptedException {
    stop();
  }
}
