package io.github.criteojdbc.driver;

import io.github.criteojdbc.adapter.CriteoPrepare;
import io.github.criteojdbc.adapter.exec.ReportCache;
import io.github.criteojdbc.adapter.exec.SharedEntryStore;
import io.github.criteojdbc.client.http.ReportCallBudget;
import io.github.criteojdbc.adapter.exec.ReportJournal;
import io.github.criteojdbc.adapter.state.DriverStateSchema;

import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalciteMetaImpl;
import org.apache.calcite.jdbc.Driver;

import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;

/**
 * The {@code jdbc:criteo:} driver: a Calcite connection with the {@code criteo} schema of report
 * tables and the {@code criteo_driver} schema of the driver's own state, configured from the URL's
 * {@code key=value} pairs and the connection properties (see
 * {@link DriverProperty}). Registered with {@code DriverManager} when loaded and through
 * {@code META-INF/services/java.sql.Driver}.
 */
public class CriteoDriver extends Driver {
  public static final String URL_PREFIX = "jdbc:criteo:";
  /** The schema of the report tables; the connection's default schema. */
  public static final String SCHEMA = "criteo";

  private static final String VERSION_RESOURCE = "io/github/criteojdbc/driver/criteo-jdbc.properties";

  static {
    Utf8Defaults.apply();
    CompiledPlanCache.enable();
    new CriteoDriver().register();
  }

  private final Optional<ReportCache> cache;
  private final ReportJournal journal;
  private final Optional<ReportCallBudget> budget;

  /**
   * The driver of {@code DriverManager}: its connections share the JVM's journal and the report
   * cache their {@code cache} property chooses.
   */
  public CriteoDriver() {
    this(Optional.empty(), ReportJournal.shared(), Optional.empty());
  }

  private CriteoDriver(Optional<ReportCache> cache, ReportJournal journal, Optional<ReportCallBudget> budget) {
    super(CriteoPrepare::new);
    this.cache = cache;
    this.journal = journal;
    this.budget = budget;
  }

  /**
   * A driver, not registered with {@code DriverManager}, whose connections share a report cache and
   * journal of their own that tell time by {@code clock}: when cached reports expire and which of
   * their days were settled when fetched. A session can so be replayed at another time, such as a
   * dashboard loaded again 24 hours later against a sandbox on the same clock, without waiting.
   */
  public static CriteoDriver onClock(Clock clock) {
    return new CriteoDriver(Optional.of(new ReportCache(clock)), new ReportJournal(clock), Optional.empty());
  }

  /**
   * A driver, not registered with {@code DriverManager}, whose connections keep their reports in
   * {@code cache} and ask {@code budget} for their report calls, whatever their {@code cache}
   * property: how the servers of a team share one cache and one budget of their application.
   */
  public static CriteoDriver sharing(ReportCache cache, ReportCallBudget budget) {
    return new CriteoDriver(Optional.of(cache), ReportJournal.shared(), Optional.of(budget));
  }

  /**
   * The cache a team server's connections share: the one the server's {@code cache} settings
   * choose, with {@code shared} as a further tier ({@code cache=off} keeps nothing anywhere).
   */
  public static ReportCache teamCache(Properties serverProperties, SharedEntryStore shared) throws SQLException {
    return ConnectionSettings.from(ConnectionRequest.of(new Properties(), serverProperties)).teamCache(shared);
  }

  @Override protected String getConnectStringPrefix() {
    return URL_PREFIX;
  }

  @Override protected DriverVersion createDriverVersion() {
    return version();
  }

  /** The driver's name and version, and the product's, as DatabaseMetaData reports them in both modes. */
  static DriverVersion version() {
    return DriverVersion.load(CriteoDriver.class, VERSION_RESOURCE, "criteo-jdbc", "0.0.0-unknown", "Criteo",
        "Marketing Solutions API");
  }

  @Override public Meta createMeta(AvaticaConnection connection) {
    return CalciteMetaImpl.create((CalciteConnection) connection, CatalogMetaTables.INSTANCE,
        CatalogMetaColumns.INSTANCE);
  }

  @Override public boolean acceptsURL(String url) {
    return url != null && url.startsWith(URL_PREFIX);
  }

  /**
   * Opens a connection, or returns null for another driver's URL (DriverManager and Metabase try
   * every driver). Only this driver's properties reach Calcite, so a {@code model} or
   * {@code schemaFactory} given by a user is ignored (with a warning) rather than loaded.
   */
  @Override public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    ConnectionRequest request = ConnectionRequest.parse(url.substring(URL_PREFIX.length()), info);
    if (request.get(DriverProperty.SERVER).isPresent()) {
      return ThinDriver.connect(request);
    }
    ConnectionSettings settings = ConnectionSettings.from(request);
    settings.logLevel().ifPresent(LogLevels::apply);
    CompletableFuture<CriteoSession> opening = CompletableFuture.supplyAsync(() -> {
      try {
        return CriteoSession.open(settings, cache, journal, budget);
      } catch (SQLException e) {
        throw new CompletionException(e);
      }
    }, CriteoDriver::onOwnThread);
    Connection calcite;
    try {
      calcite = super.connect(URL_PREFIX, settings.calciteProperties());
    } catch (Exception | LinkageError | AssertionError e) {
      CriteoSession session = openedSession(opening);
      session.close();
      throw SqlErrors.translate(e);
    }
    CriteoSession session;
    try {
      session = openedSession(opening);
    } catch (SQLException | RuntimeException e) {
      calcite.close();
      throw e;
    }
    try {
      CalciteConnection calciteConnection = calcite.unwrap(CalciteConnection.class);
      calciteConnection.getRootSchema().add(SCHEMA, session.schema());
      calciteConnection.getRootSchema().add(DriverStateSchema.NAME, session.stateSchema());
      calciteConnection.setSchema(SCHEMA);
      if (!settings.unknownKeys().isEmpty()) {
        session.warnings().connectionWarnings().add("Unknown connection properties ignored: "
            + String.join(", ", settings.unknownKeys()) + ". Known properties: " + DriverProperty.knownNames());
      }
      return new CriteoConnection(calcite, session);
    } catch (Exception | LinkageError | AssertionError e) {
      session.close();
      calcite.close();
      throw SqlErrors.translate(e);
    }
  }

  /**
   * Opening a session (starting the embedded sandbox, building the API client) and Calcite's
   * connection share nothing, so a connection makes them at once: the session on a thread of its
   * own, Calcite's on the caller's. A cold JVM so loads their classes on two processors.
   */
  private static void onOwnThread(Runnable task) {
    Thread thread = new Thread(task, "criteo-jdbc-connect");
    thread.setDaemon(true);
    thread.start();
  }

  /** The session {@code opening} made, or the very failure {@link CriteoSession#open} threw. */
  private static CriteoSession openedSession(CompletableFuture<CriteoSession> opening) throws SQLException {
    try {
      return opening.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof SQLException) {
        throw (SQLException) e.getCause();
      }
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      if (e.getCause() instanceof Error) {
        throw (Error) e.getCause();
      }
      throw e;
    }
  }

  /**
   * Every property with its description, default and choices, for the property forms of DBeaver
   * and DataGrip. Secrets are never echoed. Accepts a null or partial URL and null properties.
   */
  @Override public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    ConnectionRequest request = PropertyForm.request(acceptsURL(url) ? url.substring(URL_PREFIX.length()) : "",
        info);
    return Arrays.stream(DriverProperty.values()).map(p -> PropertyForm.describe(p, request))
        .toArray(DriverPropertyInfo[]::new);
  }

  @Override public Logger getParentLogger() {
    return Logger.getLogger("io.github.criteojdbc");
  }

  @Override public boolean jdbcCompliant() {
    return false;
  }
}
