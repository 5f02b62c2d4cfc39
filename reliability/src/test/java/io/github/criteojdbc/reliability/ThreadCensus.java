package io.github.criteojdbc.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a query may leave behind: live non-daemon threads, threads the driver names ({@code criteo-...}, not the
 * sandbox's own), OkHttp's task threads, and established TCP connections from this process to the sandbox's port
 * (read from {@code /proc/net/tcp}, the only view of OkHttp's pooled sockets from outside the shaded jar).
 *
 * <p>OkHttp runs its housekeeping on one JVM-wide cached daemon pool whose idle threads live 60 s after their last
 * task; idle ones (waiting for work in the pool) are not counted, busy ones are.
 */
record ThreadCensus(Set<String> nonDaemonThreads, Set<String> driverThreads, long busyOkHttpThreads,
    long socketsToSandbox) {
  private static final String ESTABLISHED = "01";

  static ThreadCensus take(int sandboxPort) {
    Map<Thread, StackTraceElement[]> stacks = Thread.getAllStackTraces();
    Set<Thread> live = stacks.keySet();
    return new ThreadCensus(
        live.stream().filter(t -> !t.isDaemon()).map(ThreadCensus::describe).collect(Collectors.toSet()),
        live.stream().filter(ThreadCensus::isDriverThread).map(ThreadCensus::describe).collect(Collectors.toSet()),
        live.stream().filter(t -> t.getName().startsWith("OkHttp") && !isIdlePoolThread(stacks.get(t))).count(),
        establishedConnectionsTo(sandboxPort));
  }

  /**
   * Waits (bounded) until nothing is left beyond {@code before}, and returns the last census; the caller asserts
   * on it, so a bound that runs out shows what was left.
   */
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
        && busyOkHttpThreads <= before.busyOkHttpThreads && socketsToSandbox <= before.socketsToSandbox;
  }

  /** The stacks of OkHttp's busy threads, to show what a failed census found. */
  static String busyOkHttpStacks() {
    StringBuilder text = new StringBuilder();
    Thread.getAllStackTraces().forEach((thread, stack) -> {
      if (thread.getName().startsWith("OkHttp") && !isIdlePoolThread(stack)) {
        text.append(thread.getName()).append('\n');
        Arrays.stream(stack).limit(12).forEach(frame -> text.append("  at ").append(frame).append('\n'));
      }
    });
    return text.toString();
  }

  static List<String> allThreadNames() {
    return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).toList();
  }

  private static boolean isIdlePoolThread(StackTraceElement[] stack) {
    return Arrays.stream(stack).anyMatch(frame -> frame.getClassName().equals("java.util.concurrent.ThreadPoolExecutor")
        && frame.getMethodName().equals("getTask"));
  }

  private static boolean isDriverThread(Thread thread) {
    String name = thread.getName().toLowerCase(Locale.ROOT);
    return name.startsWith("criteo-") && !name.startsWith("criteo-sandbox");
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
