package io.github.criteojdbc.sandbox;

import com.sun.net.httpserver.HttpServer;
import io.github.criteojdbc.sandbox.batch.CatalogBatches;
import io.github.criteojdbc.sandbox.data.Advertiser;
import io.github.criteojdbc.sandbox.data.Portfolio;
import io.github.criteojdbc.sandbox.report.ReportIds;
import io.github.criteojdbc.sandbox.report.ReportRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * An embedded emulator of the Criteo endpoints the driver uses, on the JDK's HTTP server, bound to the loopback
 * interface. Start one per test (or per connection with {@code sandbox=true}) and close it when done.
 *
 * <pre>{@code
 * try (SandboxServer sandbox = SandboxServer.start()) {
 *   URI tokenUrl = sandbox.baseUrl().resolve("/oauth2/token");
 *   ...
 * }
 * }</pre>
 */
public final class SandboxServer implements AutoCloseable {
  private static final int BACKLOG = 64;
  /** How long a keep-alive connection may stay idle before the server closes it (to within a quarter second). */
  public static final Duration IDLE_CONNECTION_TIMEOUT = Duration.ofSeconds(2);

  static {
    // The JDK server writes status line and body separately; with Nagle on, every small response then waits
    // for the client's delayed ACK (about 40 ms). The property is read once per JVM, before the first server.
    setUnlessGiven("sun.net.httpserver.nodelay", "true");
    // Servers close idle keep-alive connections (the JDK's after 30 s by default, many after 5 s); closing ours
    // after about 2 s lets every client meet it. The interval is in seconds; the check runs every clockTick ms.
    setUnlessGiven("sun.net.httpserver.idleInterval", String.valueOf(IDLE_CONNECTION_TIMEOUT.toSeconds()));
    setUnlessGiven("sun.net.httpserver.clockTick", "250");
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final SandboxOptions options;
  private final SandboxFaults faults;
  private final RequestLog requestLog;
  private final SandboxData data;
  private final CatalogBatches catalogBatches;
  private final URI baseUrl;

  private SandboxServer(SandboxOptions options) throws IOException {
    this.options = options;
    this.faults = new SandboxFaults();
    this.requestLog = new RequestLog();
    this.data = new SandboxData(options.clock(), options.dataDays());
    Set<String> advertiserIds = Portfolio.standard().advertisers().stream().map(Advertiser::id).collect(Collectors.toSet());
    TokenStore tokens = new TokenStore();
    ReportRegistry registry = new ReportRegistry();
    ReportIds ids = new ReportIds();
    ReportPlans plans = new ReportPlans(faults, options.reportTtl());
    this.catalogBatches = new CatalogBatches(options.clock());
    Dispatcher dispatcher = new Dispatcher(faults, requestLog,
        new CallGate(faults, tokens, new RateLimiter(), options.clock()),
        new TokenEndpoint(options.credentials(), tokens, faults, options.clock()),
        new MarketingSolutionsReports(registry, ids, plans, faults, options.clock(), options.dataDays(), advertiserIds),
        new MpoExports(registry, ids, plans, faults, options.clock(), advertiserIds),
        new CatalogBatchReports(catalogBatches, faults),
        options.clock());
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), BACKLOG);
    this.executor = Executors.newCachedThreadPool(daemonThreads());
    server.setExecutor(executor);
    server.createContext("/", dispatcher);
    server.start();
    this.baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Starts with the default options on a free loopback port. */
  public static SandboxServer start() {
    return start(SandboxOptions.defaults());
  }

  public static SandboxServer start(SandboxOptions options) {
    try {
      return new SandboxServer(options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the sandbox on port " + options.port(), e);
    }
  }

  /** For example {@code http://127.0.0.1:54321}; the token URL is this plus {@code /oauth2/token}. */
  public URI baseUrl() {
    return baseUrl;
  }

  public String clientId() {
    return options.clientId();
  }

  public String clientSecret() {
    return options.clientSecret();
  }

  public SandboxFaults faults() {
    return faults;
  }

  public RequestLog requestLog() {
    return requestLog;
  }

  public SandboxData data() {
    return data;
  }

  /** The catalog batches whose reports this sandbox serves; tests register their own here. */
  public CatalogBatches catalogBatches() {
    return catalogBatches;
  }

  /** Stops the server and its threads; open connections are cut. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void setUnlessGiven(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  /** Runs a sandbox until the process is killed: {@code java ... SandboxServer [port]}. */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    SandboxServer sandbox = start(SandboxOptions.builder().port(port).build());
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "criteo-sandbox-shutdown"));
    System.out.println("Criteo sandbox listening on " + sandbox.baseUrl());
    System.out.println("  token URL:     " + sandbox.baseUrl() + "/oauth2/token");
    System.out.println("  client id:     " + sandbox.clientId());
    System.out.println("  client secret: " + sandbox.clientSecret());
    System.out.println("  advertisers:   " + String.join(",", sandbox.data().advertiserIds()));
    new CountDownLatch(1).await();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "criteo-sandbox-http-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
