package io.github.criteojdbc.adapter.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

import org.apache.calcite.sql.type.SqlTypeName;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of one report table, read from a JSON resource so that the catalog can follow API
 * changes (the async metric list changes between API drops) without code changes.
 */
public final class TableCatalog {
  /** Money keeps the API's precision; six decimals cover every currency's minor units. */
  public static final int DEFAULT_DECIMAL_SCALE = 6;

  private final String tableName;
  private final String remark;
  private final int decimalScale;
  private final ImmutableList<ColumnDef> columns;
  private final ImmutableMap<String, ColumnDef> byName;
  private final ImmutableMap<String, ColumnDef> byApiName;

  public TableCatalog(String tableName, String remark, int decimalScale, List<ColumnDef> columns) {
    this.tableName = tableName;
    this.remark = remark;
    this.decimalScale = decimalScale;
    this.columns = ImmutableList.copyOf(columns);
    ImmutableMap.Builder<String, ColumnDef> names = ImmutableMap.builder();
    ImmutableMap.Builder<String, ColumnDef> apiNames = ImmutableMap.builder();
    for (ColumnDef column : columns) {
      names.put(column.name(), column);
      if (column.apiName() != null) {
        apiNames.put(column.apiName().toLowerCase(Locale.ROOT), column);
      }
    }
    this.byName = names.buildOrThrow();
    this.byApiName = apiNames.buildOrThrow();
  }

  /** Reads a catalog resource such as {@code catalog/statistics.json} next to this class. */
  public static TableCatalog load(String resource) {
    try (InputStream in = TableCatalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("catalog resource " + resource + " is missing");
      }
      return parse(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read catalog resource " + resource, e);
    }
  }

  static TableCatalog parse(JsonNode root) {
    ImmutableList.Builder<ColumnDef> columns = ImmutableList.builder();
    for (JsonNode c : root.path("columns")) {
      columns.add(
          new ColumnDef(c.path("name").asText(),
              c.hasNonNull("api") ? c.get("api").asText() : null,
              ColumnRole.valueOf(c.path("role").asText().toUpperCase(Locale.ROOT)),
              SqlTypeName.valueOf(c.path("type").asText()),
              c.hasNonNull("aggregation") ? Aggregation.valueOf(c.get("aggregation").asText()) : null,
              c.hasNonNull("granularity") ? TimeGranularity.valueOf(c.get("granularity").asText()) : null,
              c.hasNonNull("relatedTo") ? c.get("relatedTo").asText() : null,
              c.hasNonNull("formula") ? formula(c.path("name").asText(), c.get("formula")) : null,
              c.path("remark").asText()));
    }
    TableCatalog catalog = new TableCatalog(root.path("table").asText(), root.path("remark").asText(),
        root.path("decimalScale").asInt(DEFAULT_DECIMAL_SCALE), columns.build());
    catalog.columns.forEach(column -> column.formula().ifPresent(f -> catalog.checkFormula(column, f)));
    return catalog;
  }

  private static Formula formula(String column, JsonNode formula) {
    for (String field : List.of("numerator", "denominator", "source")) {
      if (!formula.hasNonNull(field) || formula.get(field).asText().isBlank()) {
        throw new IllegalStateException("catalog: the formula of " + column + " needs a " + field
            + (field.equals("source") ? " (the address of the API documentation that defines it)" : ""));
      }
    }
    return new Formula(formula.get("numerator").asText(), formula.get("denominator").asText(),
        formula.path("factor").asInt(1), formula.get("source").asText());
  }

  /**
   * A formula is computed as a double from two sums of counts, which is how the API's rates are
   * defined; a money quotient would need the API's rounding, which is not documented.
   */
  private void checkFormula(ColumnDef column, Formula formula) {
    if (!column.isMetric() || column.isAdditive() || column.type() != SqlTypeName.DOUBLE) {
      throw new IllegalStateException("catalog: only a non-additive DOUBLE metric may have a formula, not "
          + column.name());
    }
    for (String part : List.of(formula.numerator(), formula.denominator())) {
      Optional<ColumnDef> def = columnForApiName(part);
      if (def.isEmpty() || !def.get().isMetric() || !def.get().isAdditive()
          || !List.of(SqlTypeName.BIGINT, SqlTypeName.INTEGER).contains(def.get().type())) {
        throw new IllegalStateException("catalog: the formula of " + column.name() + " names " + part
            + ", which is not an additive count metric of " + tableName);
      }
    }
  }

  public String tableName() {
    return tableName;
  }

  public String remark() {
    return remark;
  }

  /** Decimal places of the table's DECIMAL columns: six unless its API sends more. */
  public int decimalScale() {
    return decimalScale;
  }

  public ImmutableList<ColumnDef> columns() {
    return columns;
  }

  public Optional<ColumnDef> column(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The API names of the metric columns among {@code columns}, in catalog order. */
  public List<String> apiMetricNames(Collection<String> columns) {
    return this.columns.stream().filter(c -> c.isMetric() && columns.contains(c.name()))
        .map(ColumnDef::apiName).collect(ImmutableList.toImmutableList());
  }

  /** Looks a column up by its API name, ignoring case (output casing is not reliable, §9 Q6). */
  public Optional<ColumnDef> columnForApiName(String apiName) {
    return Optional.ofNullable(byApiName.get(apiName.toLowerCase(Locale.ROOT)));
  }
}
