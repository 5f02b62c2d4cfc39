package io.github.criteojdbc.corpus;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** A corpus query as a client prepares it: {@code ?} markers and the values it binds, in order. */
public record PreparedForm(String sql, List<BoundParameter> parameters) {

  public PreparedForm {
    parameters = List.copyOf(parameters);
  }

  void bindTo(PreparedStatement statement) throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      parameters.get(i).bindTo(statement, i + 1);
    }
  }

  boolean bindsJavaTime() {
    return parameters.stream().anyMatch(BoundParameter::isJavaTime);
  }

  /** The same question with every {@code java.time} value bound as its {@code java.sql} class. */
  PreparedForm asJavaSql() {
    return new PreparedForm(sql, parameters.stream().map(BoundParameter::asJavaSql).toList());
  }

  PreparedForm resolved(CorpusDates dates) {
    return new PreparedForm(dates.resolve(sql),
        parameters.stream().map(parameter -> parameter.resolved(dates)).toList());
  }
}
