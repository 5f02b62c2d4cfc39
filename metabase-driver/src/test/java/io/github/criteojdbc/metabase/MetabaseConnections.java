package io.github.criteojdbc.metabase;

import io.github.criteojdbc.sandbox.LoggedRequest;
import io.github.criteojdbc.sandbox.ReportAsked;
import io.github.criteojdbc.sandbox.SandboxServer;
import io.github.criteojdbc.sandbox.data.HourlyFact;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Connections the way the namespace's {@code connection-details->spec} makes them: the URL is
 * {@code jdbc:criteo:} plus the namespace's own subname of the details, the credentials are the
 * {@code clientId}/{@code clientSecret} properties; the driver is the plugin jar's. {@code baseUrl} points
 * at a sandbox of this JVM, whose request log and raw facts the tests read.
 */
final class MetabaseConnections implements AutoCloseable {
  static final List<String> ADVERTISERS = List.of("10001", "10002");
  private final SandboxServer sandbox = SandboxServer.start();
  private final Driver driver = PluginJar.driver();
  private final String subname;

  /** Connections with no call budget to speak of, so that tests never wait on it. */
  MetabaseConnections() {
    this(Map.of("max-calls-per-minute", "100000"));
  }

  private MetabaseConnections(Map<String, Object> moreDetails) {
    Map<String, Object> details = new HashMap<>(moreDetails);
    details.put("advertiser-ids", String.join(",", ADVERTISERS));
    details.put("timezone", "UTC");
    subname = DriverNamespace.fromPluginJar().subname(details);
  }

  /** Connections with the form's advanced fields left empty: Criteo's budget of 40 report calls a minute. */
  static MetabaseConnections withDefaultBudget() {
    return new MetabaseConnections(Map.of());
  }

  SandboxServer sandbox() {
    return sandbox;
  }

  Connection connect() throws SQLException {
    return connect("");
  }

  /**
   * A connection that neither reads nor keeps cached reports, so that every query sends its
   * request: the JVM's reports of earlier tests would otherwise answer it.
   */
  Connection connectWithoutCache() throws SQLException {
    return connect(";cacheTtlSeconds=0");
  }

  private Connection connect(String extraProperties) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("clientId", sandbox.clientId());
    properties.setProperty("clientSecret", sandbox.clientSecret());
    return driver.connect("jdbc:criteo:" + subname + ";baseUrl=" + sandbox.baseUrl() + ";pollIntervalSeconds=0.05"
        + extraProperties, properties);
  }

  /** The raw hourly facts of the connections' advertisers over UTC days [first, end). */
  Stream<HourlyFact> facts(LocalDate first, LocalDate end) {
    return facts(first.atStartOfDay(), end.atStartOfDay());
  }

  /** The raw hourly facts of the connections' advertisers over the UTC hours [from, to). */
  Stream<HourlyFact> facts(LocalDateTime from, LocalDateTime to) {
    return sandbox.data().hourlyFacts(from.toInstant(ZoneOffset.UTC), to.toInstant(ZoneOffset.UTC))
        .filter(fact -> ADVERTISERS.contains(fact.advertiserId()));
  }

  long reportsCreated() {
    return sandbox.requestLog().reportCreations();
  }

  /** The report requests the sandbox received while {@code question} ran. */
  List<ReportAsked> reportsSentBy(Question question) throws SQLException {
    int before = sandbox.requestLog().all().size();
    question.run();
    List<LoggedRequest> log = sandbox.requestLog().all();
    return log.subList(before, log.size()).stream()
        .filter(LoggedRequest::isReportCreation).map(ReportAsked::of).toList();
  }

  @FunctionalInterface
  interface Question {
    void run() throws SQLException;
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
