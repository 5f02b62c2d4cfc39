package io.github.criteojdbc.adapter.exec;

import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

import java.time.Clock;
import java.time.ZoneId;
import java.util.TimeZone;

/**
 * The values a statement's run would see, as far as {@code EXPLAIN} can know them: the clock now,
 * in the report time zone (which the driver also makes the statement's time zone). It has no
 * parameters, so it serves only scans without {@code ?}.
 */
final class ExplainTimeContext implements DataContext {
  private final long utcMillis;
  private final long localMillis;
  private final TimeZone zone;

  ExplainTimeContext(Clock clock, ZoneId zone) {
    this.utcMillis = clock.millis();
    this.zone = TimeZone.getTimeZone(zone);
    this.localMillis = utcMillis + this.zone.getOffset(utcMillis);
  }

  @Override public SchemaPlus getRootSchema() {
    return null;
  }

  @Override public JavaTypeFactory getTypeFactory() {
    return null;
  }

  @Override public QueryProvider getQueryProvider() {
    return null;
  }

  @Override public Object get(String name) {
    if (name.equals(Variable.UTC_TIMESTAMP.camelName)) {
      return utcMillis;
    }
    if (name.equals(Variable.CURRENT_TIMESTAMP.camelName)
        || name.equals(Variable.LOCAL_TIMESTAMP.camelName)) {
      return localMillis;
    }
    if (name.equals(Variable.TIME_ZONE.camelName)) {
      return zone;
    }
    return null;
  }
}
