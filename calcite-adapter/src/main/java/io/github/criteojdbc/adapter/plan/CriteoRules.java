package io.github.criteojdbc.adapter.plan;

import io.github.criteojdbc.adapter.catalog.ColumnRole;

import com.google.common.collect.ImmutableList;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.tools.RelBuilderFactory;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mappings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Planner rules that push filters, projections and limits into a {@link CriteoTableScan}. */
public final class CriteoRules {
  private CriteoRules() {
  }

  public static final FilterScanRule FILTER_SCAN = (FilterScanRule) RuleConfig
      .of("CriteoFilterScanRule", FilterScanRule::new,
          b0 -> b0.operand(Filter.class).oneInput(b1 ->
              b1.operand(CriteoTableScan.class)
                  .predicate(scan -> !scan.spec().hasFilters()).noInputs()))
      .toRule();

  public static final ProjectScanRule PROJECT_SCAN = (ProjectScanRule) RuleConfig
      .of("CriteoProjectScanRule", ProjectScanRule::new,
          b0 -> b0.operand(Project.class).oneInput(b1 ->
              b1.operand(CriteoTableScan.class).noInputs()))
      .toRule();

  public static final LimitScanRule LIMIT_SCAN = (LimitScanRule) RuleConfig
      .of("CriteoLimitScanRule", LimitScanRule::new,
          b0 -> b0.operand(Sort.class)
              .predicate(sort -> sort.getCollation().getFieldCollations().isEmpty()
                  && sort.fetch instanceof RexLiteral
                  && (sort.offset == null || sort.offset instanceof RexLiteral))
              .oneInput(b1 -> b1.operand(CriteoTableScan.class).noInputs()))
      .toRule();

  public static final CountScanRule COUNT_SCAN = (CountScanRule) RuleConfig
      .of("CriteoCountScanRule", CountScanRule::new,
          b0 -> b0.operand(Aggregate.class)
              .predicate(aggregate -> aggregate.getGroupSet().isEmpty()
                  && aggregate.getAggCallList().stream().allMatch(c -> c.getArgList().isEmpty()
                      && c.filterArg < 0))
              .oneInput(b1 -> b1.operand(CriteoTableScan.class).noInputs()))
      .toRule();

  public static final List<RelOptRule> RULES =
      ImmutableList.of(FILTER_SCAN, PROJECT_SCAN, LIMIT_SCAN, COUNT_SCAN);

  /**
   * Pushes what the API can answer of a filter into the scan's request; the rest stays a filter
   * above the new scan.
   */
  public static final class FilterScanRule extends RelRule<RuleConfig> {
    FilterScanRule(RuleConfig config) {
      super(config);
    }

    @Override public void onMatch(RelOptRuleCall call) {
      Filter filter = call.rel(0);
      CriteoTableScan scan = call.rel(1);
      FilterTranslation translation =
          new FilterTranslator(scan.criteoTable().catalog(), scan.spec().columns(),
              scan.criteoTable().pushdownPolicy(), filter.getCluster().getRexBuilder())
              .translate(filter.getCondition());
      if (!translation.pushedAnything()) {
        return;
      }
      CriteoTableScan pushed = scan.withSpec(
          scan.spec().withFilters(translation.equalities(), translation.timeBounds(),
              translation.isEmpty()));
      RelBuilder builder = call.builder();
      call.transformTo(builder.push(pushed).filter(translation.residual()).build());
    }
  }

  /**
   * Narrows the scan to the columns a projection uses, so the report asks only for the dimensions
   * and metrics the query needs.
   */
  public static final class ProjectScanRule extends RelRule<RuleConfig> {
    ProjectScanRule(RuleConfig config) {
      super(config);
    }

    @Override public void onMatch(RelOptRuleCall call) {
      Project project = call.rel(0);
      CriteoTableScan scan = call.rel(1);
      List<String> columns = scan.spec().columns();
      if (RelOptUtil.InputFinder.bits(project.getProjects(), null).isEmpty()) {
        // Nothing is read (SELECT 'x', COUNT(*)): a column that adds no dimension keeps the
        // report at the grain the query uses, which has no dimension at all.
        CriteoTableScan narrowed = scan.withSpec(scan.spec().withColumns(List.of(
            grainFreeColumn(scan))));
        call.transformTo(call.builder().push(narrowed)
            .project(project.getProjects(), project.getRowType().getFieldNames(), true).build());
        return;
      }
      List<Integer> kept = keptFields(project, columns.size());
      if (kept == null) {
        return;
      }
      List<String> newColumns = new ArrayList<>();
      kept.forEach(i -> newColumns.add(columns.get(i)));
      CriteoTableScan narrowed = scan.withSpec(scan.spec().withColumns(newColumns));
      Mappings.TargetMapping mapping = Mappings.target(kept, columns.size());
      List<RexNode> rewritten = RexPermuteInputsShuttle.of(mapping).visitList(project.getProjects());
      RelNode result = call.builder().push(narrowed)
          .project(rewritten, project.getRowType().getFieldNames(), true)
          .build();
      call.transformTo(result);
    }

    /**
     * The scan fields to keep, in output order: the projection's own order when it only picks
     * fields, else the used fields in scan order. Null when the scan already matches.
     */
    private static List<Integer> keptFields(Project project, int fieldCount) {
      List<Integer> picked = new ArrayList<>();
      boolean onlyFields = true;
      for (RexNode expression : project.getProjects()) {
        if (expression instanceof RexInputRef && !picked.contains(((RexInputRef) expression).getIndex())) {
          picked.add(((RexInputRef) expression).getIndex());
        } else {
          onlyFields = false;
        }
      }
      if (onlyFields && !picked.isEmpty()) {
        return isIdentity(picked, fieldCount) ? null : picked;
      }
      ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), null);
      if (used.cardinality() == fieldCount) {
        return null;
      }
      return used.asList();
    }

    /** The first catalog column that is neither a dimension nor a time bucket. */
    static String grainFreeColumn(CriteoTableScan scan) {
      return scan.criteoTable().catalog().columns().stream()
          .filter(c -> c.role() != ColumnRole.DIMENSION && c.role() != ColumnRole.TIME)
          .findFirst().orElseThrow().name();
    }

    private static boolean isIdentity(List<Integer> fields, int fieldCount) {
      if (fields.size() != fieldCount) {
        return false;
      }
      for (int i = 0; i < fields.size(); i++) {
        if (fields.get(i) != i) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * Answers an aggregate that reads no column ({@code COUNT(*)}) from a scan with no dimension,
   * so it counts the rows at the grain the query uses, not at the grain of a column Calcite kept.
   */
  public static final class CountScanRule extends RelRule<RuleConfig> {
    CountScanRule(RuleConfig config) {
      super(config);
    }

    @Override public void onMatch(RelOptRuleCall call) {
      Aggregate aggregate = call.rel(0);
      CriteoTableScan scan = call.rel(1);
      String column = ProjectScanRule.grainFreeColumn(scan);
      if (scan.spec().columns().equals(List.of(column))) {
        return;
      }
      call.transformTo(aggregate.copy(aggregate.getTraitSet(),
          List.of(scan.withSpec(scan.spec().withColumns(List.of(column))))));
    }
  }

  /** Pushes {@code LIMIT} without {@code ORDER BY} into the scan, which stops reading early. */
  public static final class LimitScanRule extends RelRule<RuleConfig> {
    LimitScanRule(RuleConfig config) {
      super(config);
    }

    @Override public void onMatch(RelOptRuleCall call) {
      Sort sort = call.rel(0);
      CriteoTableScan scan = call.rel(1);
      long fetch = RexLiteral.longValue(Objects.requireNonNull(sort.fetch, "fetch"));
      long offset = sort.offset == null ? 0 : RexLiteral.longValue(sort.offset);
      long rows = fetch + offset;
      if (scan.spec().fetch().isPresent() && scan.spec().fetch().getAsLong() <= rows) {
        return;
      }
      call.transformTo(sort.copy(sort.getTraitSet(), scan.withSpec(scan.spec().withFetch(rows)),
          sort.getCollation(), sort.offset, sort.fetch));
    }
  }

  /** Immutable configuration of the rules above, written out instead of generated. */
  static final class RuleConfig implements RelRule.Config {
    private final RelBuilderFactory relBuilderFactory;
    private final String description;
    private final RelRule.OperandTransform operandSupplier;
    private final Function<RuleConfig, RelOptRule> factory;

    private RuleConfig(RelBuilderFactory relBuilderFactory, String description,
        RelRule.OperandTransform operandSupplier, Function<RuleConfig, RelOptRule> factory) {
      this.relBuilderFactory = relBuilderFactory;
      this.description = description;
      this.operandSupplier = operandSupplier;
      this.factory = factory;
    }

    static RuleConfig of(String description, Function<RuleConfig, RelOptRule> factory,
        RelRule.OperandTransform operands) {
      return new RuleConfig(RelFactories.LOGICAL_BUILDER, description, operands, factory);
    }

    @Override public RelOptRule toRule() {
      return factory.apply(this);
    }

    @Override public RelBuilderFactory relBuilderFactory() {
      return relBuilderFactory;
    }

    @Override public RuleConfig withRelBuilderFactory(RelBuilderFactory factory) {
      return new RuleConfig(factory, description, operandSupplier, this.factory);
    }

    @Override public String description() {
      return description;
    }

    @Override public RuleConfig withDescription(String newDescription) {
      return new RuleConfig(relBuilderFactory, newDescription, operandSupplier, factory);
    }

    @Override public RelRule.OperandTransform operandSupplier() {
      return operandSupplier;
    }

    @Override public RuleConfig withOperandSupplier(RelRule.OperandTransform transform) {
      return new RuleConfig(relBuilderFactory, description, transform, factory);
    }
  }
}
