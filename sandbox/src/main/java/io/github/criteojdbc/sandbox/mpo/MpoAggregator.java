package io.github.criteojdbc.sandbox.mpo;

import io.github.criteojdbc.sandbox.data.MpoCampaign;
import io.github.criteojdbc.sandbox.data.MpoFacts;
import io.github.criteojdbc.sandbox.data.MpoMinuteFact;
import io.github.criteojdbc.sandbox.report.ExportColumn;
import io.github.criteojdbc.sandbox.report.ExportTable;
import io.github.criteojdbc.sandbox.report.ListTable;
import io.github.criteojdbc.sandbox.report.RowOrder;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes an MPO export: the minute facts of the requested advertisers, campaigns, partners and sellers in the
 * interval (limited to the seven days kept as of creation), grouped by the dimensions and ordered by them.
 */
public final class MpoAggregator {
  private static final int CLICKS = 0;
  private static final int DISPLAYS = 1;
  private static final int COST_NANOS = 2;

  private MpoAggregator() {}

  public static ExportTable aggregate(MpoRequest request, Instant createdAt) {
    Instant first = MpoFacts.firstMinute(createdAt);
    Instant end = MpoFacts.endMinute(createdAt);
    Instant from = request.from().isAfter(first) ? request.from() : first;
    Instant to = request.to().isBefore(end) ? request.to() : end;
    Map<List<Object>, long[]> groups = new HashMap<>();
    MpoFacts.between(from, to, campaignsOf(request))
        .filter(fact -> request.sellerIds().isEmpty() || request.sellerIds().contains(fact.sellerId()))
        .forEach(fact -> {
          long[] sums = groups.computeIfAbsent(key(fact, request), newKey -> new long[3]);
          sums[CLICKS] += fact.clicks();
          sums[DISPLAYS] += fact.displays();
          sums[COST_NANOS] += fact.costNanos();
        });
    List<List<Object>> keys = new ArrayList<>(groups.keySet());
    keys.sort(RowOrder.byKey());
    List<Object[]> rows = new ArrayList<>(keys.size());
    for (List<Object> key : keys) {
      Object[] row = Arrays.copyOf(key.toArray(), key.size() + request.metrics().size());
      for (int m = 0; m < request.metrics().size(); m++) {
        row[key.size() + m] = value(request.metrics().get(m), groups.get(key), request.perEuro());
      }
      rows.add(row);
    }
    return new ListTable(columns(request), rows);
  }

  private static List<MpoCampaign> campaignsOf(MpoRequest request) {
    return MpoFacts.campaigns().stream()
        .filter(campaign -> request.advertiserIds().contains(campaign.advertiserId()))
        .filter(campaign -> request.campaignIds().isEmpty() || request.campaignIds().contains(campaign.id()))
        .filter(campaign -> request.partnerIds().isEmpty() || request.partnerIds().contains(campaign.partnerId()))
        .toList();
  }

  private static List<Object> key(MpoMinuteFact fact, MpoRequest request) {
    ZonedDateTime local = fact.minute().atZone(request.zone());
    Object[] key = new Object[request.dimensions().size()];
    for (int i = 0; i < key.length; i++) {
      key[i] = switch (request.dimensions().get(i)) {
        case ADVERTISER_ID -> Long.valueOf(fact.advertiserId());
        case PARTNER_ID -> Long.valueOf(fact.partnerId());
        case CAMPAIGN_ID -> Long.valueOf(fact.campaignId());
        case SELLER_ID -> Long.valueOf(fact.sellerId());
        case SELLER_NAME -> fact.sellerName();
        case PRODUCT_ID -> fact.productId();
        case HOUR -> local.truncatedTo(ChronoUnit.HOURS).toOffsetDateTime();
        case MINUTE -> local.toOffsetDateTime();
        case DAY -> local.toLocalDate();
        case WEEK -> local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        case MONTH -> local.toLocalDate().withDayOfMonth(1);
        case YEAR -> local.getYear();
      };
    }
    return Arrays.asList(key);
  }

  private static Object value(MpoMetric metric, long[] sums, BigDecimal perEuro) {
    return switch (metric) {
      case CLICKS -> sums[CLICKS];
      case DISPLAYS -> sums[DISPLAYS];
      case COST -> unrounded(BigDecimal.valueOf(sums[COST_NANOS], 9).multiply(perEuro));
    };
  }

  /** The exact amount without trailing zeros, as the guide's sample prints cost. */
  private static BigDecimal unrounded(BigDecimal amount) {
    BigDecimal stripped = amount.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static List<ExportColumn> columns(MpoRequest request) {
    List<ExportColumn> columns = new ArrayList<>();
    request.dimensions().forEach(dimension -> columns.add(ExportColumn.dimension(dimension.columnName(), "String")));
    request.metrics().forEach(metric -> columns.add(ExportColumn.number(metric.columnName())));
    return columns;
  }
}
