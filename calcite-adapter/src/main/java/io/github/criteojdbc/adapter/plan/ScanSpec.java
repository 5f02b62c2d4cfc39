package io.github.criteojdbc.adapter.plan;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.StringJoiner;

/**
 * What one scan of a report table asks the API for, built up by the planner rules: the columns the
 * query needs, the filters the request answers, and how many rows it reads. It is immutable, shown
 * by {@code EXPLAIN}, and is the only thing the runtime receives from the planner.
 */
public final class ScanSpec {
  private final String table;
  private final ImmutableList<String> columns;
  private final ImmutableSet<String> grainColumns;
  private final ImmutableSet<String> timePredicateColumns;
  private final ImmutableMap<String, ImmutableList<ValueRef>> equalities;
  private final ImmutableList<TimeBound> timeBounds;
  private final boolean empty;
  private final OptionalLong fetch;
  private final boolean feedsResult;
  private final ImmutableSet<String> starColumns;

  private ScanSpec(String table, List<String> columns, Set<String> grainColumns,
      Set<String> timePredicateColumns, Map<String, ImmutableList<ValueRef>> equalities,
      List<TimeBound> timeBounds, boolean empty, OptionalLong fetch, boolean feedsResult,
      Set<String> starColumns) {
    this.table = Objects.requireNonNull(table, "table");
    this.columns = ImmutableList.copyOf(columns);
    this.grainColumns = ImmutableSet.copyOf(grainColumns);
    this.timePredicateColumns = ImmutableSet.copyOf(timePredicateColumns);
    this.equalities = ImmutableMap.copyOf(equalities);
    this.timeBounds = ImmutableList.copyOf(timeBounds);
    this.empty = empty;
    this.fetch = Objects.requireNonNull(fetch, "fetch");
    this.feedsResult = feedsResult;
    this.starColumns = ImmutableSet.copyOf(starColumns);
  }

  /** A scan of every column with nothing pushed yet. */
  public static ScanSpec of(String table, List<String> columns) {
    return new ScanSpec(table, columns, ImmutableSet.of(), ImmutableSet.of(), ImmutableMap.of(),
        ImmutableList.of(), false, OptionalLong.empty(), false, ImmutableSet.of());
  }

  public String table() {
    return table;
  }

  /** The scan's output columns, in order. */
  public ImmutableList<String> columns() {
    return columns;
  }

  /**
   * The dimension and time columns named by the query block that reads the table. The request
   * asks for them even when an outer query prunes them from {@link #columns()}, so that nesting a
   * query never changes the grain of its rows.
   */
  public ImmutableSet<String> grainColumns() {
    return grainColumns;
  }

  /**
   * The time columns that some condition of the query (a {@code WHERE}, {@code HAVING} or join
   * condition, at any level of nesting) compares: when none of it becomes report dates, the scan
   * must not fall back to the default window.
   */
  public ImmutableSet<String> timePredicateColumns() {
    return timePredicateColumns;
  }

  /** The output columns followed by the grain columns that are not output: what the request needs. */
  public ImmutableList<String> requestColumns() {
    if (columns.containsAll(grainColumns)) {
      return columns;
    }
    ImmutableList.Builder<String> all = ImmutableList.<String>builder().addAll(columns);
    grainColumns.stream().filter(c -> !columns.contains(c)).forEach(all::add);
    return all.build();
  }

  /** Per column, the values a pushed {@code =}/{@code IN} filter accepts. */
  public ImmutableMap<String, ImmutableList<ValueRef>> equalities() {
    return equalities;
  }

  public ImmutableList<ValueRef> equality(String column) {
    ImmutableList<ValueRef> values = equalities.get(column);
    return values == null ? ImmutableList.of() : values;
  }

  public ImmutableList<TimeBound> timeBounds() {
    return timeBounds;
  }

  /** Whether a pushed value is a {@code ?} parameter (or depends on one). */
  public boolean needsParameters() {
    return equalities.values().stream().flatMap(List::stream).anyMatch(ValueRef::needsParameters)
        || timeBounds.stream().anyMatch(bound -> bound.value().needsParameters());
  }

  /** True when the filters can never match, so no report is needed. */
  public boolean isEmpty() {
    return empty;
  }

  public OptionalLong fetch() {
    return fetch;
  }

  /**
   * True when the statement's rows are this scan's rows in order (only projections and limits are
   * above it), so the statement's {@code setMaxRows} caps the scan too. Set once the plan is final.
   */
  public boolean feedsResult() {
    return feedsResult;
  }

  public ScanSpec withFeedsResult() {
    return new ScanSpec(table, columns, grainColumns, timePredicateColumns, equalities, timeBounds,
        empty, fetch, true, starColumns);
  }

  public ScanSpec withColumns(List<String> newColumns) {
    return new ScanSpec(table, newColumns, grainColumns, timePredicateColumns, equalities, timeBounds,
        empty, fetch, feedsResult, starColumns);
  }

  public ScanSpec withTimePredicateColumns(Set<String> newColumns) {
    return new ScanSpec(table, columns, grainColumns, newColumns, equalities, timeBounds, empty,
        fetch, feedsResult, starColumns);
  }

  /**
   * The grain columns that the query block names only through {@code SELECT *}: neither in another
   * select item nor in {@code GROUP BY}, {@code HAVING} or {@code ORDER BY}. A table whose columns
   * cannot all be had in one report may leave these out of a {@code SELECT *} preview.
   */
  public ImmutableSet<String> starColumns() {
    return starColumns;
  }

  public ScanSpec withGrainColumns(Set<String> newGrainColumns, Set<String> newStarColumns) {
    return new ScanSpec(table, columns, newGrainColumns, timePredicateColumns, equalities, timeBounds,
        empty, fetch, feedsResult, newStarColumns);
  }

  public ScanSpec withFilters(Map<String, ImmutableList<ValueRef>> newEqualities,
      List<TimeBound> newTimeBounds, boolean newEmpty) {
    return new ScanSpec(table, columns, grainColumns, timePredicateColumns, newEqualities, newTimeBounds,
        empty || newEmpty, fetch, feedsResult, starColumns);
  }

  public ScanSpec withFetch(long rows) {
    long limit = fetch.isPresent() ? Math.min(fetch.getAsLong(), rows) : rows;
    return new ScanSpec(table, columns, grainColumns, timePredicateColumns, equalities, timeBounds,
        empty, OptionalLong.of(limit), feedsResult, starColumns);
  }

  /** True once a filter has been pushed into this spec; the filter rule fires only once. */
  public boolean hasFilters() {
    return !equalities.isEmpty() || !timeBounds.isEmpty() || empty;
  }

  @Override public boolean equals(Object o) {
    if (!(o instanceof ScanSpec)) {
      return false;
    }
    ScanSpec that = (ScanSpec) o;
    return table.equals(that.table) && columns.equals(that.columns)
        && grainColumns.equals(that.grainColumns)
        && timePredicateColumns.equals(that.timePredicateColumns)
        && equalities.equals(that.equalities) && timeBounds.equals(that.timeBounds)
        && empty == that.empty && fetch.equals(that.fetch) && feedsResult == that.feedsResult
        && starColumns.equals(that.starColumns);
  }

  @Override public int hashCode() {
    return Objects.hash(table, columns, grainColumns, timePredicateColumns, equalities, timeBounds,
        empty, fetch, feedsResult, starColumns);
  }

  @Override public String toString() {
    StringJoiner filters = new StringJoiner(", ", "[", "]");
    equalities.forEach((column, values) -> filters.add(column + " IN " + values));
    timeBounds.forEach(bound -> filters.add(bound.toString()));
    return "columns=" + columns
        + (columns.containsAll(grainColumns) ? "" : ", grain=" + grainColumns)
        + ", filters=" + filters
        + (empty ? ", empty" : "")
        + (fetch.isPresent() ? ", fetch=" + fetch.getAsLong() : "");
  }
}
