package io.github.criteojdbc.adapter;

import io.github.criteojdbc.adapter.exec.ReportCache;
import io.github.criteojdbc.adapter.exec.ReportContext;
import io.github.criteojdbc.adapter.exec.ReportJournal;
import io.github.criteojdbc.client.CriteoClient;
import io.github.criteojdbc.client.CriteoClientConfig;
import io.github.criteojdbc.client.Secret;
import io.github.criteojdbc.sandbox.SandboxServer;

import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.Driver;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Opens Calcite connections with the {@code criteo} schema over the shared sandbox. */
final class TestConnections {
  static final SandboxServer SANDBOX = SandboxServer.start();
  private static final Driver DRIVER = new Driver().withPrepareFactory(CriteoPrepare::new);

  private TestConnections() {
  }

  /** A connection, its report cache (its own and empty unless shared), the warnings raised. */
  static final class Session implements AutoCloseable {
    final Connection connection;
    final ReportCache cache;
    final List<String> warnings;
    private final CriteoClient client;

    Session(Connection connection, ReportCache cache, List<String> warnings, CriteoClient client) {
      this.connection = connection;
      this.cache = cache;
      this.warnings = warnings;
      this.client = client;
    }

    /** The plan text of {@code EXPLAIN PLAN FOR sql}: the request each scan would send. */
    String explain(String sql) throws SQLException {
      try (Statement statement = connection.createStatement();
           ResultSet rs = statement.executeQuery("EXPLAIN PLAN FOR " + sql)) {
        rs.next();
        return rs.getString(1);
      }
    }

    @Override public void close() throws SQLException {
      connection.close();
      client.close();
    }
  }

  static Session open() throws SQLException {
    return open(settings -> { });
  }

  static Session open(Consumer<AdapterSettings.Builder> customizer) throws SQLException {
    return open(new ReportCache(4_000_000, Clock.systemUTC()), customizer);
  }

  /** A connection whose reports go to {@code cache}, which other connections may share. */
  static Session open(ReportCache cache, Consumer<AdapterSettings.Builder> customizer)
      throws SQLException {
    return open(SANDBOX, cache, customizer);
  }

  /** A connection to {@code sandbox} (one with its own clock, say) whose reports go to {@code cache}. */
  static Session open(SandboxServer sandbox, ReportCache cache,
      Consumer<AdapterSettings.Builder> customizer) throws SQLException {
    List<String> warnings = new CopyOnWriteArrayList<>();
    AdapterSettings.Builder settings = AdapterSettings.builder().warnings(warnings::add);
    customizer.accept(settings);
    AdapterSettings built = settings.build();
    CriteoClient client = CriteoClient.create(CriteoClientConfig.builder()
        .baseUrl(sandbox.baseUrl())
        .clientId(sandbox.clientId())
        .clientSecret(Secret.of(sandbox.clientSecret()))
        .pollInterval(Duration.ofMillis(20))
        .maxCallsPerMinute(100_000)
        .build());
    Properties properties = new Properties();
    properties.setProperty("caseSensitive", "false");
    properties.setProperty("unquotedCasing", "UNCHANGED");
    properties.setProperty("quotedCasing", "UNCHANGED");
    properties.setProperty("quoting", "DOUBLE_QUOTE");
    properties.setProperty("timeZone", built.timezone().getId());
    // The core parser reserves DAY, HOUR, MONTH and YEAR; Babel lets them be column names.
    properties.setProperty("parserFactory",
        "org.apache.calcite.sql.parser.babel.SqlBabelParserImpl#FACTORY");
    properties.setProperty("typeSystem", CriteoTypeSystem.class.getName() + "#INSTANCE");
    properties.setProperty("conformance", "LENIENT");
    Connection connection = DRIVER.connect("jdbc:calcite:", properties);
    CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
    calcite.getRootSchema().add("criteo",
        new CriteoSchema(new ReportContext(client, built, cache, new ReportJournal(Clock.systemUTC()))));
    calcite.setSchema("criteo");
    return new Session(connection, cache, warnings, client);
  }
}
