package io.github.criteojdbc.adapter.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.criteojdbc.client.ColumnRequest;
import io.github.criteojdbc.client.RowShape;
import io.github.criteojdbc.client.StatisticsReportRequest;
import io.github.criteojdbc.client.ValueType;

import io.github.criteojdbc.client.QueryControl;
import io.github.criteojdbc.client.ReportListener;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

class SharedReportTierTest {
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  private static final String APPLICATION = "client@https://api.example API preview";
  private static final RowShape SHAPE = new RowShape(List.of(
      new ColumnRequest("CampaignId", ValueType.STRING, true),
      new ColumnRequest("Day", ValueType.DATE, true),
      new ColumnRequest("Clicks", ValueType.LONG, true)));

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final MapStore store = new MapStore();

  /** A store in a map that counts what it is asked, as Redis would hold the entries. */
  private static final class MapStore implements SharedEntryStore {
    final Map<String, byte[]> bytes = new ConcurrentHashMap<>();
    final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    final List<String> fetched = new ArrayList<>();

    @Override public Optional<byte[]> get(String application, String name) {
      fetched.add(name);
      return Optional.ofNullable(bytes.get(application + "/" + name));
    }

    @Override public Map<String, Instant> index(String application) {
      Map<String, Instant> index = new ConcurrentHashMap<>();
      expiries.forEach((key, expiry) -> {
        if (key.startsWith(application + "/")) {
          index.put(key.substring(application.length() + 1), expiry);
        }
      });
      return index;
    }

    @Override public Map<String, byte[]> getAll(String application, Collection<String> names) {
      Map<String, byte[]> found = new ConcurrentHashMap<>();
      for (String name : names) {
        fetched.add(name);
        Optional.ofNullable(bytes.get(application + "/" + name)).ifPresent(entry -> found.put(name, entry));
      }
      return found;
    }

    @Override public void put(String application, String name, byte[] entry, Instant expiresAt) {
      bytes.put(application + "/" + name, entry);
      expiries.put(application + "/" + name, expiresAt);
    }

    final Map<String, String> claims = new ConcurrentHashMap<>();
    final String holder = "this server";

    @Override public boolean claim(String application, String name, Duration ttl) {
      return claims.putIfAbsent(application + "/" + name, holder) == null;
    }

    @Override public void release(String application, String name) {
      claims.remove(application + "/" + name, holder);
    }
  }

  private static final QueryControl GOES_ON = QueryControl.of(() -> false, Optional.empty(), ReportListener.NONE);

  private static ReportCache.Key key(LocalDate day) {
    StatisticsReportRequest request = StatisticsReportRequest.builder().advertiserIds("10001").startDate(day)
        .endDate(day).dimensions("CampaignId", "Day").metrics("Clicks").timezone("Europe/Paris").currency("EUR")
        .build();
    return new ReportCache.Key(APPLICATION, request, SHAPE);
  }

  private static List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {"1001", 20_412, 12L});
    rows.add(new Object[] {"1002", 20_412, 7L});
    return rows;
  }

  /** A cache of another server: nothing in its memory, the same shared store. */
  private ReportCache anotherServer() {
    return new ReportCache(1_000_000, clock, Optional.empty(), store);
  }

  @Test
  void aReportOneServerKeptIsFoundByAnother() {
    anotherServer().put(key(LocalDate.of(2026, 11, 1)), rows(), "EUR", Duration.ofHours(1));

    ReportCache.Entry read = anotherServer().get(key(LocalDate.of(2026, 11, 1))).orElseThrow();

    assertThat(read.rows()).extracting(row -> row[0] + "/" + row[1] + "/" + row[2])
        .containsExactly("1001/20412/12", "1002/20412/7");
    assertThat(read.currency()).isEqualTo("EUR");
    assertThat(read.complete()).isTrue();
  }

  @Test
  void theStoreHoldsNoAccountOrRequestInItsNames() {
    anotherServer().put(key(LocalDate.of(2026, 11, 1)), rows(), "EUR", Duration.ofHours(1));

    assertThat(store.expiries.keySet()).singleElement().asString()
        .doesNotContain("client", "api.example", "10001")
        .matches("[0-9a-f]{32}/[0-9a-f]{64}\\.report");
  }

  @Test
  void anEntryExpiresInTheStoreWithTheReport() {
    anotherServer().put(key(LocalDate.of(2026, 11, 1)), rows(), "EUR", Duration.ofHours(1));

    assertThat(store.expiries.values()).containsExactly(NOW.plus(Duration.ofHours(1)));
  }

  @Test
  void anExpiredEntryLeftInTheStoreIsAMiss() {
    new ReportCache(1_000_000, Clock.fixed(NOW.minus(Duration.ofHours(2)), ZoneOffset.UTC), Optional.empty(), store)
        .put(key(LocalDate.of(2026, 11, 1)), rows(), "EUR", Duration.ofHours(1));

    assertThat(anotherServer().get(key(LocalDate.of(2026, 11, 1)))).isEmpty();
  }

  @Test
  void damagedBytesInTheStoreAreAMiss() {
    anotherServer().put(key(LocalDate.of(2026, 11, 1)), rows(), "EUR", Duration.ofHours(1));
    store.bytes.replaceAll((name, entry) -> {
      byte[] damaged = entry.clone();
      damaged[damaged.length / 2] ^= 1;
      return damaged;
    });

    assertThat(anotherServer().get(key(LocalDate.of(2026, 11, 1)))).isEmpty();
  }

  @Test
  void aCoveringLookupFindsTheCompleteReportsAnotherServerKept() {
    ReportCache writer = anotherServer();
    writer.put(key(LocalDate.of(2026, 11, 1)), rows(), "EUR", Duration.ofHours(1));
    writer.putPrefix(key(LocalDate.of(2026, 11, 2)), rows().subList(0, 1), "EUR", Duration.ofHours(1));

    List<ReportCache.CachedReport> reports = anotherServer().completeReports(APPLICATION);

    assertThat(reports).singleElement().satisfies(report -> assertThat(report.entry().rows()).hasSize(2));
  }

  @Test
  void anEntryFoundIncompleteIsNotFetchedAgainUntilWrittenAgain() {
    ReportCache writer = anotherServer();
    writer.putPrefix(key(LocalDate.of(2026, 11, 2)), rows().subList(0, 1), "EUR", Duration.ofHours(1));
    ReportCache reader = anotherServer();
    reader.completeReports(APPLICATION);
    store.fetched.clear();

    reader.completeReports(APPLICATION);
    assertThat(store.fetched).isEmpty();

    new ReportCache(1_000_000, Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC), Optional.empty(), store)
        .put(key(LocalDate.of(2026, 11, 2)), rows(), "EUR", Duration.ofHours(1));
    assertThat(reader.completeReports(APPLICATION)).hasSize(1);
  }

  @Test
  void whileAnotherServerFetchesAReportTheNextWaitsForItsRows() throws Exception {
    ReportCache fetching = anotherServer();
    ReportCache waiting = anotherServer();
    assertThat(fetching.fetchedByAnotherServer(key(LocalDate.of(2026, 11, 3)), GOES_ON)).isEmpty();

    CompletableFuture<Optional<ReportCache.Entry>> waited = CompletableFuture.supplyAsync(
        () -> waiting.fetchedByAnotherServer(key(LocalDate.of(2026, 11, 3)), GOES_ON));
    Thread.sleep(300);
    assertThat(waited).isNotDone();
    fetching.put(key(LocalDate.of(2026, 11, 3)), rows(), "EUR", Duration.ofHours(1));
    fetching.releaseFetch(key(LocalDate.of(2026, 11, 3)));

    assertThat(waited.get(5, TimeUnit.SECONDS)).get().satisfies(entry -> assertThat(entry.rows()).hasSize(2));
  }

  @Test
  void aServerThatGaveUpWithoutRowsLetsTheWaitingOneFetch() throws Exception {
    ReportCache fetching = anotherServer();
    ReportCache waiting = anotherServer();
    fetching.fetchedByAnotherServer(key(LocalDate.of(2026, 11, 4)), GOES_ON);

    CompletableFuture<Optional<ReportCache.Entry>> waited = CompletableFuture.supplyAsync(
        () -> waiting.fetchedByAnotherServer(key(LocalDate.of(2026, 11, 4)), GOES_ON));
    Thread.sleep(300);
    fetching.releaseFetch(key(LocalDate.of(2026, 11, 4)));

    assertThat(waited.get(5, TimeUnit.SECONDS)).isEmpty();
    assertThat(store.claims).hasSize(1);
  }

  @Test
  void aCancelledQueryStopsWaitingForAnotherServer() throws Exception {
    anotherServer().fetchedByAnotherServer(key(LocalDate.of(2026, 11, 5)), GOES_ON);
    AtomicBoolean cancelled = new AtomicBoolean();
    QueryControl cancellable = QueryControl.of(cancelled::get, Optional.empty(), ReportListener.NONE);

    CompletableFuture<Optional<ReportCache.Entry>> waited = CompletableFuture.supplyAsync(
        () -> anotherServer().fetchedByAnotherServer(key(LocalDate.of(2026, 11, 5)), cancellable));
    Thread.sleep(300);
    cancelled.set(true);

    assertThat(waited.get(5, TimeUnit.SECONDS)).isEmpty();
  }
}
