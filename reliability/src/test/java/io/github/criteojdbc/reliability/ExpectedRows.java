package io.github.criteojdbc.reliability;

import io.github.criteojdbc.sandbox.SandboxServer;
import io.github.criteojdbc.sandbox.batch.CatalogBatch;
import io.github.criteojdbc.sandbox.batch.ProductIssue;
import io.github.criteojdbc.sandbox.data.AudienceBreakdown;
import io.github.criteojdbc.sandbox.data.AudienceFact;
import io.github.criteojdbc.sandbox.data.MpoMinuteFact;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Expected rows of the suite's MPO, audience and catalog batch queries, computed from the sandbox's raw facts and
 * registered batches (never from the driver), as text rows: {@link #text(List)} turns a driver's rows into the same
 * form, so that a number's type or a decimal's scale does not decide equality.
 */
final class ExpectedRows {
  static final int AUDIENCE_CLICKS = 0;
  static final int AUDIENCE_SALES = 1;
  static final int AUDIENCE_REVENUE_CENTS = 2;
  private static final DateTimeFormatter SQL_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private ExpectedRows() {
  }

  /** Rows as text: timestamps as {@code yyyy-MM-dd HH:mm:ss}, decimals without trailing zeros. */
  static List<List<String>> text(List<List<Object>> rows) {
    return rows.stream().map(row -> row.stream().map(ExpectedRows::text).toList()).toList();
  }

  private static String text(Object value) {
    if (value instanceof Timestamp timestamp) {
      return SQL_TIMESTAMP.format(timestamp.toLocalDateTime());
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }

  /**
   * {@code [<group...>, <sums...>]} of advertiser {@code advertiser}'s MPO minute facts in
   * {@code [from, to)} (UTC), grouped by {@code group} and summing each of {@code sums}, ordered by the group.
   */
  static List<List<String>> mpo(SandboxServer sandbox, String advertiser, LocalDateTime from, LocalDateTime to,
      Function<MpoMinuteFact, List<String>> group, List<Function<MpoMinuteFact, BigDecimal>> sums) {
    Map<List<String>, BigDecimal[]> totals = new TreeMap<>(ExpectedRows::compareLists);
    sandbox.data().mpoMinuteFacts(from.toInstant(ZoneOffset.UTC), to.toInstant(ZoneOffset.UTC))
        .filter(fact -> fact.advertiserId().equals(advertiser))
        .forEach(fact -> {
          BigDecimal[] sum = totals.computeIfAbsent(group.apply(fact), key -> zeros(sums.size()));
          for (int i = 0; i < sums.size(); i++) {
            sum[i] = sum[i].add(sums.get(i).apply(fact));
          }
        });
    List<List<String>> rows = new ArrayList<>();
    totals.forEach((key, sum) -> {
      List<String> row = new ArrayList<>(key);
      Arrays.stream(sum).map(ExpectedRows::text).forEach(row::add);
      rows.add(row);
    });
    return rows;
  }

  static String utcHour(MpoMinuteFact fact) {
    return SQL_TIMESTAMP.format(LocalDateTime.ofInstant(fact.minute().truncatedTo(ChronoUnit.HOURS), ZoneOffset.UTC));
  }

  static BigDecimal clicks(MpoMinuteFact fact) {
    return BigDecimal.valueOf(fact.clicks());
  }

  static BigDecimal displays(MpoMinuteFact fact) {
    return BigDecimal.valueOf(fact.displays());
  }

  static BigDecimal cost(MpoMinuteFact fact) {
    return fact.cost();
  }

  /**
   * {@code [advertiser_id, breakdown, breakdown_value, clicks, revenue]} of the top 30 values of {@code breakdown}
   * ranked by {@code rankedBy} (ties by value), over days {@code first..last}, ordered by value.
   */
  static List<List<String>> audienceTop30(SandboxServer sandbox, String advertiser, String breakdownName,
      AudienceBreakdown breakdown, ToLongFunction<long[]> rankedBy, LocalDate first, LocalDate last) {
    Map<String, long[]> totals = new TreeMap<>();
    sandbox.data().audienceFacts(first, last)
        .filter(fact -> fact.advertiserId().equals(advertiser) && fact.breakdown() == breakdown)
        .forEach(fact -> add(totals.computeIfAbsent(fact.value(), value -> new long[3]), fact));
    return totals.entrySet().stream()
        .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -rankedBy.applyAsLong(e.getValue()))
            .thenComparing(Map.Entry::getKey))
        .limit(30)
        .sorted(Map.Entry.comparingByKey())
        .map(e -> List.of(advertiser, breakdownName, e.getKey(), String.valueOf(e.getValue()[AUDIENCE_CLICKS]),
            text(BigDecimal.valueOf(e.getValue()[AUDIENCE_REVENUE_CENTS], 2))))
        .toList();
  }

  private static void add(long[] totals, AudienceFact fact) {
    totals[AUDIENCE_CLICKS] += fact.clicks();
    totals[AUDIENCE_SALES] += fact.sales();
    totals[AUDIENCE_REVENUE_CENTS] += fact.revenueCents();
  }

  /**
   * {@code [operation_token, status, number_of_products_with_errors, product_id, issue_type, message]} of a finished
   * registered batch: one row per error (the API lower-cases their product ids) and warning, or one row of nulls.
   */
  static List<List<String>> catalogBatch(SandboxServer sandbox, String operationToken) {
    CatalogBatch batch = sandbox.catalogBatches().batch(operationToken).orElseThrow();
    List<String> head = List.of(batch.operationToken(), batch.finalStatus().name(),
        String.valueOf(batch.productsWithErrors()));
    List<List<String>> rows = new ArrayList<>();
    for (ProductIssue error : batch.errors()) {
      rows.add(issueRow(head, error.productId().toLowerCase(Locale.ROOT), error));
    }
    for (ProductIssue warning : batch.warnings()) {
      rows.add(issueRow(head, warning.productId(), warning));
    }
    if (rows.isEmpty()) {
      List<String> row = new ArrayList<>(head);
      row.addAll(List.of("null", "null", "null"));
      rows.add(row);
    }
    return rows;
  }

  private static List<String> issueRow(List<String> head, String productId, ProductIssue issue) {
    List<String> row = new ArrayList<>(head);
    row.addAll(List.of(productId, issue.type(), issue.message()));
    return row;
  }

  private static BigDecimal[] zeros(int size) {
    BigDecimal[] zeros = new BigDecimal[size];
    Arrays.fill(zeros, BigDecimal.ZERO);
    return zeros;
  }

  private static int compareLists(List<String> left, List<String> right) {
    for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
      int compared = left.get(i).compareTo(right.get(i));
      if (compared != 0) {
        return compared;
      }
    }
    return Integer.compare(left.size(), right.size());
  }
}
