package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.client.ColumnRequest;
import io.github.criteojdbc.client.RowShape;
import io.github.criteojdbc.client.StatisticsReportRequest;
import io.github.criteojdbc.client.ValueType;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Another JVM writing one cache entry again and again: {@code <cacheDir> <writer> <writes> <rows>}.
 * Write {@code g} of writer {@code w} holds {@code rows} rows that all say {@code w} and {@code g},
 * so a reader can tell a whole entry from a mixture.
 */
public final class EntryWriterProcess {
  static final String APPLICATION = "client@https://api.example API preview";
  static final RowShape SHAPE = new RowShape(List.of(
      new ColumnRequest("CampaignId", ValueType.STRING, true),
      new ColumnRequest("Clicks", ValueType.LONG, true),
      new ColumnRequest("AdvertiserCost", ValueType.DECIMAL, true)));

  private EntryWriterProcess() {
  }

  static ReportCache.Key key() {
    return new ReportCache.Key(APPLICATION, StatisticsReportRequest.builder().advertiserIds("10001")
        .startDate(LocalDate.of(2026, 11, 1)).endDate(LocalDate.of(2026, 11, 30))
        .dimensions("CampaignId").metrics("Clicks", "AdvertiserCost").timezone("UTC").build(), SHAPE);
  }

  static List<Object[]> rows(String writer, long generation, int count) {
    List<Object[]> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      rows.add(new Object[] {writer + "-" + i, generation, BigDecimal.valueOf(generation, 2)});
    }
    return rows;
  }

  public static void main(String[] args) throws IOException {
    Path cacheDir = Path.of(args[0]);
    String writer = args[1];
    long writes = Long.parseLong(args[2]);
    int count = Integer.parseInt(args[3]);
    for (long generation = 1; generation <= writes; generation++) {
      ReportCache cache = new ReportCache(Long.MAX_VALUE / 2, Clock.systemUTC(),
          DiskReportStore.open(cacheDir, Long.MAX_VALUE, Clock.systemUTC()));
      cache.put(key(), rows(writer, generation, count), "EUR", Duration.ofHours(1));
    }
  }
}
