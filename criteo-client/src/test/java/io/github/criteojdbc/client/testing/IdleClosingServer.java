package io.github.criteojdbc.client.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A minimal HTTP/1.1 keep-alive server that closes a connection once it has been idle for a while, as most
 * servers and load balancers do. The JSON answer of each request comes from a function of its path. Requests can
 * be held until several are in flight, so that a client opens that many connections.
 */
public final class IdleClosingServer implements AutoCloseable {
  private final ServerSocket socket;
  private final Duration idleTimeout;
  private final Function<String, String> answers;
  private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "idle-closing-server");
    thread.setDaemon(true);
    return thread;
  });
  private final Semaphore idleClosures = new Semaphore(0);
  private volatile CountDownLatch together = new CountDownLatch(0);

  public IdleClosingServer(Duration idleTimeout, Function<String, String> answers) {
    this.idleTimeout = idleTimeout;
    this.answers = answers;
    try {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    threads.execute(this::accept);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  /** The next {@code n} requests are answered only once all {@code n} have arrived. */
  public void answerTogether(int n) {
    together = new CountDownLatch(n);
  }

  /** Blocks until the server has closed {@code n} more idle connections. */
  public void awaitIdleClosures(int n) throws InterruptedException {
    if (!idleClosures.tryAcquire(n, 10, TimeUnit.SECONDS)) {
      throw new AssertionError("the server did not close " + n + " idle connections");
    }
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        threads.execute(() -> serve(connection));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      connection.setSoTimeout((int) idleTimeout.toMillis());
      BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
          StandardCharsets.ISO_8859_1));
      OutputStream out = connection.getOutputStream();
      while (true) {
        String requestLine;
        try {
          requestLine = in.readLine();
        } catch (SocketTimeoutException idle) {
          idleClosures.release();
          return;
        }
        if (requestLine == null) {
          return;
        }
        skipHeadersAndBody(in);
        awaitTogether();
        byte[] body = answers.apply(requestLine.split(" ")[1]).getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
            + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
      }
    } catch (IOException | InterruptedException e) {
      // the client went away or the server is closing
    }
  }

  private static void skipHeadersAndBody(BufferedReader in) throws IOException {
    int contentLength = 0;
    for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
      if (header.toLowerCase().startsWith("content-length:")) {
        contentLength = Integer.parseInt(header.substring("content-length:".length()).trim());
      }
    }
    for (int i = 0; i < contentLength; i++) {
      in.read();
    }
  }

  private void awaitTogether() throws InterruptedException {
    CountDownLatch latch = together;
    latch.countDown();
    if (!latch.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("fewer requests came together than expected");
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    threads.shutdownNow();
  }
}
