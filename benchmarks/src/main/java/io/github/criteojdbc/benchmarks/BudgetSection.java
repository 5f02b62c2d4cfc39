package io.github.criteojdbc.benchmarks;

import io.github.criteojdbc.sandbox.LoggedRequest;
import io.github.criteojdbc.sandbox.MovableClock;
import io.github.criteojdbc.sandbox.ReportAsked;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * "API budget for a BI session" (issue 16): the reports and report calls a SQL client's table
 * previews and an eight-card dashboard cost, for the driver under test and for a baseline driver
 * jar built from an older commit, each loaded in a class loader of its own against a sandbox of its
 * own, beside the fewest reports the step could cost and the target. The sandbox and the
 * driver's report cache share a simulated clock, so "24 hours later" is a clock move, not a wait.
 */
final class BudgetSection {
  static final String README_QUERY = "SELECT campaign_id, campaign, SUM(clicks) AS clicks, SUM(advertiser_cost) AS cost"
      + " FROM statistics WHERE day >= CURRENT_DATE - INTERVAL '7' DAY GROUP BY campaign_id, campaign ORDER BY clicks DESC";
  static final int PREVIEW_ROWS = 200;
  /** The API's audience breakdowns are top-30 lists, so one report gives at most 30 rows. */
  static final int AUDIENCE_ROWS_PER_REPORT = 30;
  static final int DASHBOARD_DAYS = 30;
  static final int FILTERED_DAYS = 7;
  static final int COLD_JVMS = 3;
  private static final String DRIVER_CLASS = "io.github.criteojdbc.driver.CriteoDriver";

  /** A dashboard card: its query with {@code %s} for its date (and campaign) condition. */
  record Card(String name, String sql) {
    String query(String condition) {
      return sql.formatted(condition);
    }
  }

  static final List<Card> CARDS = List.of(
      new Card("clicks by day", "SELECT day, SUM(clicks) AS clicks FROM statistics WHERE %s GROUP BY day ORDER BY day"),
      new Card("cost by campaign", "SELECT campaign_id, campaign, SUM(advertiser_cost) AS cost FROM statistics WHERE %s"
          + " GROUP BY campaign_id, campaign ORDER BY cost DESC"),
      new Card("CTR by campaign", "SELECT campaign_id, click_through_rate FROM statistics WHERE %s ORDER BY campaign_id"),
      new Card("top ad sets by sales", "SELECT ad_set_id, ad_set, SUM(sales_pc30d) AS sales FROM statistics WHERE %s"
          + " GROUP BY ad_set_id, ad_set ORDER BY sales DESC LIMIT 10"),
      new Card("displays by device", "SELECT device, SUM(displays) AS displays FROM statistics WHERE %s GROUP BY device"),
      new Card("daily clicks per campaign", "SELECT day, campaign_id, SUM(clicks) AS clicks FROM statistics WHERE %s"
          + " GROUP BY day, campaign_id ORDER BY day, campaign_id"),
      new Card("total cost", "SELECT SUM(advertiser_cost) AS cost FROM statistics WHERE %s"),
      new Card("revenue by category", "SELECT category_id, category, SUM(revenue_generated_pc30d) AS revenue"
          + " FROM statistics WHERE %s GROUP BY category_id, category ORDER BY revenue DESC"));

  /** A report a step created: its endpoint, dimensions and number of days (0 when it names no dates). */
  record Created(String endpoint, List<String> dimensions, long days) {
    @Override public String toString() {
      return endpoint + (dimensions.isEmpty() ? "" : " " + dimensions) + (days == 0 ? "" : " " + days
          + (days == 1 ? " day" : " days"));
    }
  }

  /** How a step ended: the rows it read, or how it failed when a failure is its result (a baseline's rejected preview). */
  record Outcome(long rows, String failure) {
    static Outcome read(List<?> rows) {
      return new Outcome(rows.size(), "");
    }
  }

  /** What a step cost on the sandbox: accepted report creations, report calls, the reports created, how it ended. */
  record Spend(long reports, long calls, List<Created> created, long refusedCreates, Outcome outcome) {
    String figures() {
      return reports + " / " + calls + (outcome.failure().isEmpty() ? "" : " (" + outcome.failure() + ")");
    }
  }

  /** A driver jar loaded in a class loader of its own, so two versions run side by side in one JVM. */
  private record DriverJar(String name, Path jar) {
    /** The driver, on {@code clock} when the jar offers it ({@code CriteoDriver.onClock}), else on the system clock. */
    Driver load(Clock clock) throws ReflectiveOperationException, IOException {
      URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      Class<?> type = Class.forName(DRIVER_CLASS, true, loader);
      return onClock(type).isPresent()
          ? (Driver) onClock(type).get().invoke(null, clock)
          : (Driver) type.getConstructor().newInstance();
    }

    boolean followsClock() throws ReflectiveOperationException, IOException {
      try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
          ClassLoader.getPlatformClassLoader())) {
        return onClock(Class.forName(DRIVER_CLASS, false, loader)).isPresent();
      }
    }

    private static Optional<Method> onClock(Class<?> type) {
      return Arrays.stream(type.getMethods()).filter(m -> m.getName().equals("onClock")
          && Arrays.equals(m.getParameterTypes(), new Class<?>[] {Clock.class})).findFirst();
    }
  }

  private final DriverJar now;
  private final DriverJar baseline;
  private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  BudgetSection(Path driverJar, String baselineCommit, Path baselineJar) {
    this.now = new DriverJar("now", driverJar);
    this.baseline = new DriverJar(baselineCommit, baselineJar);
  }

  String run() throws Exception {
    Map<String, Spend> before = session(baseline);
    Map<String, Spend> after = session(now);
    Map<String, Long> minimum = minimum(after);
    StringBuilder table = new StringBuilder("| step | baseline `" + baseline.name() + "` reports / calls | now reports /"
        + " calls | minimum reports | target | now vs target |\n|---|---|---|---|---|---|\n");
    int met = 0;
    for (String step : after.keySet()) {
      Target target = target(step);
      boolean ok = target.isMet(after.get(step));
      met += ok ? 1 : 0;
      table.append("| ").append(step).append(" | ").append(before.get(step).figures()).append(" | ")
          .append(after.get(step).figures()).append(" | ").append(minimum.get(step)).append(" | ")
          .append(target.text()).append(" | ").append(ok ? "met" : "missed").append(" |\n");
    }
    StringBuilder created = new StringBuilder();
    after.forEach((step, spend) -> created.append("- ").append(step).append(": ")
        .append(spend.created().isEmpty() ? "none"
            : spend.created().stream().map(Created::toString).collect(Collectors.joining("; ")))
        .append(spend.refusedCreates() == 0 ? "" : " (and " + spend.refusedCreates() + " creates refused and sent again)")
        .append('\n'));
    return "## 7. API budget for a BI session\n\n"
        + "Each driver jar in a class loader of its own against a sandbox of its own, the session's connections"
        + " naming the sandbox's three advertisers in `advertiserIds`: the driver under test (`now`) and the one"
        + " built from commit `" + baseline.name() + "`. Reports = report creations the sandbox accepted;"
        + " calls = its create, status and output calls (a create refused because the token expired on the simulated"
        + " day counts as a call; how many of the concurrent cards' creates meet the expired token varies, so calls"
        + " vary by a few between runs, reports do not). (a) `SELECT *` of each table with `setMaxRows(" + PREVIEW_ROWS + ")`, a connection"
        + " each; (b) " + CARDS.size() + " cards over the " + DASHBOARD_DAYS + " days up to yesterday, each on its own"
        + " connection, all started together (" + CARDS.stream().map(Card::name).collect(Collectors.joining(", "))
        + "); (c) the same cards filtered to one campaign and the last " + FILTERED_DAYS + " days; (d) the dashboard"
        + " of (b) 24 hours later, its dates moved by a day; (e) the README query in " + COLD_JVMS + " new JVMs"
        + " (`java -jar <jar> -u <url> -e ...`) one after another, the URL asking for the cache on disk"
        + " (`cache=disk`, the default against the API; a loopback emulator's default is memory) in a folder of"
        + " the run's own; the baseline ignores the two properties it does not know.\n\n"
        + "Clock: the sandbox runs on a simulated clock started at the real instant, and the `now` driver is"
        + " `CriteoDriver.onClock(clock)` on the same clock (its own report cache and journal), so (d) moves the"
        + " clock 24 hours and runs at once; cards name their dates from the simulated clock. The baseline offers no"
        + " clock, so its (d) runs on a newly loaded copy of it (an empty cache): what its cache holds after 24 hours,"
        + " since every entry of it expires after its `cacheTtlSeconds` default, which the run reads from the jar"
        + " and requires below a day.\n\n"
        + "Minimum: (a) an `audience_performance` report gives at most " + AUDIENCE_ROWS_PER_REPORT + " rows (a top"
        + " 30), so its preview needs one per " + AUDIENCE_ROWS_PER_REPORT + " rows it shows ("
        + ceilDiv(PREVIEW_ROWS, AUDIENCE_ROWS_PER_REPORT) + " for " + PREVIEW_ROWS + "), and `catalog_batch_report`"
        + " has no preview (it needs an `operation_token`); (b) one report of the union of the cards' dimensions"
        + " (the API takes every dimension in one report), asking clicks and displays for the CTR card, as the"
        + " catalog's formula for `click_through_rate` (clicks / displays, as the Criteo Glossary defines it) gives"
        + " the rate at any grain from them; (c) none, every card follows from that union report; (d) one report"
        + " of the 6 days not settled when (b) ran; (e) one report, if the three JVMs shared a cache on disk.\n\n"
        + table
        + "\n**Targets: " + met + " of " + after.size() + " steps met.** Reports the `now` driver created, by step:\n\n"
        + created + "\n";
  }

  /** The steps in order, each measured on a fresh sandbox per driver; (a) to (d) share one simulated clock. */
  private Map<String, Spend> session(DriverJar jar) throws Exception {
    Map<String, Spend> spends = new LinkedHashMap<>();
    MovableClock clock = new MovableClock(Instant.now());
    try (BenchSandbox sandbox = new BenchSandbox(clock)) {
      Driver driver = jar.load(clock);
      String url = sandbox.url(sandbox.advertisers(), "");
      for (String table : List.of("statistics", "audience_performance", "mpo_realtime", "catalog_batch_report")) {
        spends.put("(a) preview " + table, measure(sandbox, () -> preview(driver, url, table, jar.equals(baseline))));
      }
      LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
      String days = days(today.minusDays(DASHBOARD_DAYS), today.minusDays(1));
      List<List<Object[]>> dashboard = new ArrayList<>();
      spends.put("(b) dashboard, " + DASHBOARD_DAYS + " days", measure(sandbox,
          () -> {
            dashboard.addAll(dashboard(driver, url, days));
            return Outcome.read(dashboard);
          }));
      String campaign = String.valueOf(dashboard.get(1).get(0)[0]);
      spends.put("(c) one campaign, last " + FILTERED_DAYS + " days", measure(sandbox,
          () -> Outcome.read(dashboard(driver, url, days(today.minusDays(FILTERED_DAYS), today.minusDays(1))
              + " AND campaign_id = '" + campaign + "'"))));
      clock.advance(Duration.ofDays(1));
      Driver tomorrow = jar.followsClock() ? driver : reloadedAfterItsCacheExpired(jar, clock);
      spends.put("(d) dashboard 24 hours later", measure(sandbox,
          () -> Outcome.read(dashboard(tomorrow, url, days(today.minusDays(DASHBOARD_DAYS - 1), today)))));
    }
    // Against the API the cache is on disk by default; an emulator on loopback keeps it in memory
    // unless asked, so the runs ask for the API's default in a folder of their own.
    Path cacheDir = Files.createTempDirectory("criteo-bench-cache");
    try (BenchSandbox sandbox = new BenchSandbox()) {
      String url = sandbox.url(sandbox.advertisers(), "cache=disk;cacheDir=" + cacheDir);
      spends.put("(e) README query, " + COLD_JVMS + " new JVMs", measure(sandbox, () -> {
        long rows = 0;
        for (int run = 0; run < COLD_JVMS; run++) {
          rows += readmeQueryInNewJvm(jar.jar(), url);
        }
        return new Outcome(rows, "");
      }));
    } finally {
      MoreFiles.deleteRecursively(cacheDir, RecursiveDeleteOption.ALLOW_INSECURE);
    }
    return spends;
  }

  private static Driver reloadedAfterItsCacheExpired(DriverJar jar, Clock clock) throws Exception {
    Driver fresh = jar.load(clock);
    DriverPropertyInfo ttl = Arrays.stream(fresh.getPropertyInfo("jdbc:criteo:", new Properties()))
        .filter(p -> p.name.equals("cacheTtlSeconds")).findFirst()
        .orElseThrow(() -> new IllegalStateException(jar.name() + " describes no cacheTtlSeconds property"));
    if (Double.parseDouble(ttl.value) >= Duration.ofDays(1).toSeconds()) {
      throw new IllegalStateException(jar.name() + " keeps reports " + ttl.value + " s, longer than a day, and offers no"
          + " clock: a newly loaded copy would not be what its cache holds 24 hours later");
    }
    return fresh;
  }

  private interface Step {
    Outcome run() throws Exception;
  }

  private static Spend measure(BenchSandbox sandbox, Step step) throws Exception {
    sandbox.requestLog().clear();
    Outcome outcome = step.run();
    List<LoggedRequest> log = sandbox.requestLog().all();
    List<LoggedRequest> created = log.stream().filter(r -> r.isReportCreation() && r.status() < 400).toList();
    return new Spend(created.size(), log.stream().filter(LoggedRequest::isReportCall).count(),
        created.stream().map(BudgetSection::describe).toList(),
        log.stream().filter(r -> r.isReportCreation() && r.status() >= 400).count(), outcome);
  }

  private static Created describe(LoggedRequest creation) {
    ReportAsked asked = ReportAsked.of(creation);
    String endpoint = creation.decodedPath().substring(creation.decodedPath().lastIndexOf('/') + 1);
    long days = asked.startDate() != null && asked.endDate() != null
        ? ChronoUnit.DAYS.between(asked.startDate(), asked.endDate()) + 1
        : 0;
    return new Created(endpoint, asked.dimensions(), days);
  }

  private static String days(LocalDate first, LocalDate last) {
    return "day BETWEEN DATE '" + first + "' AND DATE '" + last + "'";
  }

  /**
   * A SQL client's table preview. {@code catalog_batch_report} has none (it needs an
   * {@code operation_token}), and the baseline may reject a preview: both are results, reported as
   * such; any other failure, or a preview without rows, stops the benchmark.
   */
  private static Outcome preview(Driver driver, String url, String table, boolean isBaseline) throws SQLException {
    try (Connection connection = driver.connect(url, new Properties());
        Statement statement = connection.createStatement()) {
      statement.setMaxRows(PREVIEW_ROWS);
      List<Object[]> rows;
      try {
        rows = rows(statement, "SELECT * FROM " + table);
      } catch (SQLException e) {
        if (table.equals("catalog_batch_report") && String.valueOf(e.getMessage()).contains("operation_token")) {
          return new Outcome(0, "fails: needs operation_token");
        }
        if (isBaseline) {
          String message = e.getMessage().lines().findFirst().orElse("");
          return new Outcome(0, "fails: " + e.getSQLState() + " " + (message.length() <= 90 ? message
              : message.substring(0, 90) + "…"));
        }
        throw e;
      }
      if (rows.isEmpty() || table.equals("catalog_batch_report")) {
        throw new IllegalStateException("the preview of " + table + " gave " + rows.size() + " rows");
      }
      return Outcome.read(rows);
    }
  }

  /** The cards on a connection each, all started together; the rows of each, none empty. */
  private static List<List<Object[]>> dashboard(Driver driver, String url, String condition) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CARDS.size());
    List<Connection> connections = new ArrayList<>();
    try {
      for (int i = 0; i < CARDS.size(); i++) {
        connections.add(driver.connect(url, new Properties()));
      }
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<Object[]>>> cards = new ArrayList<>();
      for (int i = 0; i < CARDS.size(); i++) {
        Connection connection = connections.get(i);
        Card card = CARDS.get(i);
        cards.add(pool.submit(() -> {
          start.await();
          try (Statement statement = connection.createStatement()) {
            return rows(statement, card.query(condition));
          }
        }));
      }
      start.countDown();
      List<List<Object[]>> results = new ArrayList<>();
      for (int i = 0; i < CARDS.size(); i++) {
        List<Object[]> rows;
        try {
          rows = cards.get(i).get();
        } catch (ExecutionException e) {
          throw new IllegalStateException("card '" + CARDS.get(i).name() + "' failed: " + e.getCause(), e.getCause());
        }
        if (rows.isEmpty() || rows.get(0)[rows.get(0).length - 1] == null) {
          throw new IllegalStateException("card '" + CARDS.get(i).name() + "' gave no values for " + condition);
        }
        results.add(rows);
      }
      return results;
    } finally {
      pool.shutdownNow();
      for (Connection connection : connections) {
        connection.close();
      }
    }
  }

  private static List<Object[]> rows(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      int width = rows.getMetaData().getColumnCount();
      List<Object[]> read = new ArrayList<>();
      while (rows.next()) {
        Object[] row = new Object[width];
        for (int column = 1; column <= width; column++) {
          row[column - 1] = rows.getObject(column);
        }
        read.add(row);
      }
      return read;
    }
  }

  /** Runs the README query in a new JVM against the sandbox; fails unless it exits 0 having printed rows. */
  private int readmeQueryInNewJvm(Path jar, String url) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(java, "-jar", jar.toString(), "-u", url, "-e", README_QUERY)
        .redirectErrorStream(true).start();
    StringBuilder output = new StringBuilder();
    int rules = 0;
    int rows = 0;
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        output.append(line).append('\n');
        if (line.startsWith("+-")) {
          rules++;
        } else if (rules == 2 && line.startsWith("|")) {
          rows++;
        }
      }
    }
    if (process.waitFor() != 0 || rows == 0) {
      throw new IllegalStateException("the README query in a new JVM printed " + rows + " rows:\n" + output);
    }
    return rows;
  }

  /**
   * The fewest reports per step; an {@code audience_performance} preview needs a report per 30 rows
   * it shows (all its fan-out's reports when they hold fewer rows than the preview's limit).
   */
  private static Map<String, Long> minimum(Map<String, Spend> measured) {
    Map<String, Long> minimum = new LinkedHashMap<>();
    minimum.put("(a) preview statistics", 1L);
    minimum.put("(a) preview audience_performance",
        ceilDiv(measured.get("(a) preview audience_performance").outcome().rows(), AUDIENCE_ROWS_PER_REPORT));
    minimum.put("(a) preview mpo_realtime", 1L);
    minimum.put("(a) preview catalog_batch_report", 0L);
    minimum.put("(b) dashboard, " + DASHBOARD_DAYS + " days", 1L);
    minimum.put("(c) one campaign, last " + FILTERED_DAYS + " days", 0L);
    minimum.put("(d) dashboard 24 hours later", 1L);
    minimum.put("(e) README query, " + COLD_JVMS + " new JVMs", 1L);
    return minimum;
  }

  /** The target for a step: at most so many reports, each of at most so many days when that matters. */
  private record Target(long reports, int maxDays, String text) {
    boolean isMet(Spend spend) {
      return spend.reports() <= reports && spend.created().stream().allMatch(report -> report.days() <= maxDays);
    }
  }

  private static Target target(String step) {
    if (step.startsWith("(a)")) {
      return new Target(1, Integer.MAX_VALUE, "≤ 1 report");
    }
    if (step.startsWith("(b)")) {
      return new Target(2, Integer.MAX_VALUE, "≤ 2 reports");
    }
    if (step.startsWith("(c)")) {
      return new Target(0, Integer.MAX_VALUE, "0");
    }
    if (step.startsWith("(d)")) {
      return new Target(1, 6, "1 report of ≤ 6 days");
    }
    return new Target(1, Integer.MAX_VALUE, "1 report in total");
  }

  private static long ceilDiv(long dividend, long divisor) {
    return (dividend + divisor - 1) / divisor;
  }
}
