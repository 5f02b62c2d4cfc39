package io.github.criteojdbc.adapter.catalog;

import org.apache.calcite.sql.type.SqlTypeName;

import java.util.Objects;
import java.util.Optional;

/**
 * One column of a report table: its SQL name and type, the API field it maps to, and what the
 * planner may do with it.
 */
public final class ColumnDef {
  private final String name;
  private final String apiName;
  private final ColumnRole role;
  private final SqlTypeName type;
  private final Aggregation aggregation;
  private final TimeGranularity granularity;
  private final String relatedTo;
  private final Formula formula;
  private final String remark;

  public ColumnDef(String name, String apiName, ColumnRole role, SqlTypeName type,
      Aggregation aggregation, TimeGranularity granularity, String relatedTo, Formula formula,
      String remark) {
    this.name = Objects.requireNonNull(name, "name");
    this.apiName = apiName;
    this.role = Objects.requireNonNull(role, "role");
    this.type = Objects.requireNonNull(type, "type");
    this.aggregation = aggregation;
    this.granularity = granularity;
    this.relatedTo = relatedTo;
    this.formula = formula;
    this.remark = Objects.requireNonNull(remark, "remark");
    if (role == ColumnRole.TIME && granularity == null) {
      throw new IllegalArgumentException("time column " + name + " needs a granularity");
    }
  }

  /** SQL name, lower snake case. */
  public String name() {
    return name;
  }

  /** API dimension or metric name (PascalCase), or null for columns the API does not name. */
  public String apiName() {
    return apiName;
  }

  public ColumnRole role() {
    return role;
  }

  public SqlTypeName type() {
    return type;
  }

  public boolean isMetric() {
    return role == ColumnRole.METRIC;
  }

  public boolean isAdditive() {
    return aggregation == Aggregation.ADDITIVE;
  }

  /** For a ratio metric, the API's documented formula from additive metrics, if the catalog has it. */
  public Optional<Formula> formula() {
    return Optional.ofNullable(formula);
  }

  /**
   * Whether its value at a coarser grain follows exactly from the rows of a finer one: it is
   * additive, or a ratio whose formula's parts are.
   */
  public boolean rollsUp() {
    return isAdditive() || formula != null;
  }

  public Optional<TimeGranularity> granularity() {
    return Optional.ofNullable(granularity);
  }

  /** For a name dimension (Campaign), the id dimension it belongs to (CampaignId). */
  public Optional<String> relatedTo() {
    return Optional.ofNullable(relatedTo);
  }

  /** Text shown as REMARKS by {@code DatabaseMetaData.getColumns}. */
  public String remark() {
    return remark;
  }

  @Override public String toString() {
    return name + " " + type + (apiName == null ? "" : " <- " + apiName);
  }
}
