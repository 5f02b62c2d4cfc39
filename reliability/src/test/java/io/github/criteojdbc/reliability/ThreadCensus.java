package io.github.criteojdbc.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a query may leave behind: live non-daemon threads, threads the driver names ({@code criteo-...}, not the
 * sandbox's own), and established TCP connections from this process to the sandbox's port (read from
 * {@code /proc/net/tcp}, the only view of OkHttp's pooled sockets from outside the shaded jar).
 */
record ThreadCensus(Set<String> nonDaemonThreads, Set<String> driverThreads, long socketsToSandbox) {
  private static final String ESTABLISHED = "01";

  static ThreadCensus take(int sandboxPort) {
    Set<Thread> live = Thread.getAllStackTraces().keySet();
    return new ThreadCensus(
        live.stream().filter(t -> !t.isDaemon()).map(ThreadCensus::describe).collect(Collectors.toSet()),
        live.stream().filter(ThreadCensus::isDriverThread).map(ThreadCensus::describe).collect(Collectors.toSet()),
        establishedConnectionsTo(sandboxPort));
  }

  /** Waits (bounded) until nothing is left beyond {@code before}, and returns the last census. */
  static ThreadCensus awaitBackTo(ThreadCensus before, int sandboxPort, Duration atMost) throws InterruptedException {
    long deadline = System.nanoTime() + atMost.toNanos();
    ThreadCensus now = take(sandboxPort);
    while (!now.isWithin(before) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      now = take(sandboxPort);
    }
    return now;
  }

  boolean isWithin(ThreadCensus before) {
    return before.nonDaemonThreads.containsAll(nonDaemonThreads) && before.driverThreads.containsAll(driverThreads)
        && socketsToSandbox <= before.socketsToSandbox;
  }

  static List<String> allThreadNames() {
    return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).toList();
  }

  private static boolean isDriverThread(Thread thread) {
    String name = thread.getName().toLowerCase(Locale.ROOT);
    return (name.startsWith("criteo-") && !name.startsWith("criteo-sandbox")) || name.contains("okhttp");
  }

  private static String describe(Thread thread) {
    return thread.getName() + "#" + thread.getId();
  }

  private static long establishedConnectionsTo(int port) {
    String portHex = String.format(Locale.ROOT, "%04X", port);
    try (Stream<String> v4 = lines("/proc/net/tcp"); Stream<String> v6 = lines("/proc/net/tcp6")) {
      return Stream.concat(v4, v6)
          .map(String::trim)
          .map(line -> line.split("\\s+"))
          .filter(fields -> fields.length > 3 && fields[2].endsWith(":" + portHex) && fields[3].equals(ESTABLISHED))
          .count();
    }
  }

  private static Stream<String> lines(String file) {
    Path path = Path.of(file);
    if (!Files.isReadable(path)) {
      throw new IllegalStateException(file + " is not readable: the socket census needs Linux's /proc");
    }
    try {
      return Files.lines(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
