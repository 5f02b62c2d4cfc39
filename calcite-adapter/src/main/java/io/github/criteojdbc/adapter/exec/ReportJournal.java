package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.adapter.AdapterSettings;
import io.github.criteojdbc.client.QueryControl;
import io.github.criteojdbc.client.ReportListener;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The reports that queries read lately, shared like the cache by every connection of the JVM and
 * told apart by application: what each asked, where it stands, how many rows were read, the calls
 * and waits it cost, and whether the cache answered it. Keeps the latest {@value #CAPACITY}.
 */
public final class ReportJournal {
  static final int CAPACITY = 500;
  private static final int PUBLISH_EVERY = 1024;
  private static final ReportJournal SHARED = new ReportJournal(Clock.systemUTC());

  private final Clock clock;
  private final Deque<Entry> entries = new ArrayDeque<>();

  public ReportJournal(Clock clock) {
    this.clock = clock;
  }

  public static ReportJournal shared() {
    return SHARED;
  }

  /**
   * The rows of one report a scan reads, from the cache when it holds them, else from
   * {@code download} given the listener that records the report's progress; recorded either way.
   * {@code stop} ends a wait for another server of the team fetching the same report.
   */
  RawRows read(ReportContext context, String table, ReportCache.Key key, Object request, QueryControl stop,
      Function<ReportListener, RawRows> download) {
    Entry entry = start(context, table, request);
    return entry.rows(CachedRows.orDownload(context.cache(), key, stop,
        () -> entry.downloading(() -> download.apply(entry))));
  }

  /**
   * The rows of a report the cache holds no readable copy of, from {@code download}, or from
   * another server of the team that is fetching the same report (recorded as answered by the cache).
   */
  RawRows readFetchedOnce(ReportContext context, String table, ReportCache.Key key, Object request,
      QueryControl stop, Function<ReportListener, RawRows> download) {
    Entry entry = start(context, table, request);
    return entry.rows(CachedRows.fetchedOnce(context.cache(), key, stop,
        () -> entry.downloading(() -> download.apply(entry))));
  }

  /** The rows of a report computed from another cached report: recorded as answered by the cache. */
  RawRows answeredFromCache(ReportContext context, String table, Object request, RawRows rows) {
    return start(context, table, request).rows(rows);
  }

  /** The rows of a report asked of the API without looking in the cache (its cache time is zero), recorded. */
  RawRows readUncached(ReportContext context, String table, Object request,
      Function<ReportListener, RawRows> download) {
    Entry entry = start(context, table, request);
    return entry.rows(entry.downloading(() -> download.apply(entry)));
  }

  private Entry start(ReportContext context, String table, Object request) {
    Entry entry = new Entry(context, table, request.toString(), ReportAdvertisers.of(request), clock.instant());
    synchronized (entries) {
      entries.addLast(entry);
      if (entries.size() > CAPACITY) {
        entries.removeFirst();
      }
    }
    return entry;
  }

  /** The records of one application, newest first. */
  public List<Record> recent(String application) {
    ImmutableList.Builder<Record> records = ImmutableList.builder();
    synchronized (entries) {
      entries.descendingIterator().forEachRemaining(entry -> {
        if (entry.context.application().equals(application)) {
          records.add(entry.record());
        }
      });
    }
    return records.build();
  }

  /** The records of the reports read through one connection's context, newest first. */
  public List<Record> recent(ReportContext context) {
    ImmutableList.Builder<Record> records = ImmutableList.builder();
    synchronized (entries) {
      entries.descendingIterator().forEachRemaining(entry -> {
        if (entry.context == context) {
          records.add(entry.record());
        }
      });
    }
    return records.build();
  }

  /**
   * One report as a query saw it.
   *
   * @param status the API's status while it is computed ({@code pending}, ...), {@code reading},
   *     then {@code read} (every row), {@code stopped} (the query needed no more rows) or
   *     {@code failed}
   * @param calls report calls sent for it (create, status polls, output, retries)
   * @param budgetWait time its calls waited for the application's call budget
   * @param reportWait time from its creation until its rows could be downloaded
   * @param fromCache whether the cache gave every row read, so no call was made
   * @param advertisers whose data the report holds
   */
  public record Record(Instant startedAt, String table, String request, String reportId,
      String status, long rows, int calls, Duration budgetWait, Duration reportWait,
      boolean fromCache, String error, Instant endedAt, ImmutableSet<String> advertisers) {}

  /** The progress of one report, fed by the client's listener calls and by the rows read. */
  final class Entry implements ReportListener {
    private final ReportContext context;
    private final String table;
    private final String request;
    private final ImmutableSet<String> advertisers;
    private final Instant startedAt;
    private final AdapterSettings settings;
    private volatile String reportId;
    private volatile String status = "from cache";
    private volatile long rows;
    private volatile int calls;
    private volatile Duration budgetWait = Duration.ZERO;
    private volatile Duration reportWait = Duration.ZERO;
    private volatile boolean fromCache = true;
    private volatile String error;
    private volatile Instant endedAt;

    private Entry(ReportContext context, String table, String request, ImmutableSet<String> advertisers,
        Instant startedAt) {
      this.context = context;
      this.settings = context.settings();
      this.table = table;
      this.request = request;
      this.advertisers = advertisers;
      this.startedAt = startedAt;
    }

    Record record() {
      return new Record(startedAt, table, request, reportId, status, rows, calls, budgetWait,
          reportWait, fromCache, error, endedAt, advertisers);
    }

    /** The report's rows, counted as they are read, and its end recorded. */
    RawRows rows(RawRows read) {
      return new RawRows() {
        private boolean ended;
        /** Counted here and published every PUBLISH_EVERY rows, so a row costs no volatile write. */
        private long counted;

        @Override public Object[] next() {
          Object[] row;
          try {
            row = read.next();
          } catch (RuntimeException e) {
            end("failed", e.getMessage());
            throw e;
          }
          if (row == null) {
            end("read", null);
          } else if (++counted % PUBLISH_EVERY == 0) {
            rows = counted;
          }
          return row;
        }

        @Override public String currency() {
          return read.currency();
        }

        @Override public void close() {
          end("stopped", null);
          read.close();
        }

        private void end(String outcome, String message) {
          if (!ended) {
            ended = true;
            rows = counted;
            status = outcome;
            error = message;
            endedAt = clock.instant();
          }
        }
      };
    }

    /** Marks the report as asked of the API: the cache did not hold (all) its rows. */
    RawRows downloading(Supplier<RawRows> download) {
      fromCache = false;
      status = "creating";
      try {
        return download.get();
      } catch (RuntimeException e) {
        status = "failed";
        error = e.getMessage();
        endedAt = clock.instant();
        throw e;
      }
    }

    @Override public void reportCreated(String kind, String id, String requestSummary) {
      reportId = id;
      status = "created";
    }

    @Override public void statusPolled(String id, String polled, Duration waited) {
      status = polled == null ? "unknown" : polled.toLowerCase(Locale.ROOT);
      reportWait = waited;
    }

    @Override public void downloadStarted(String id, Duration waited) {
      status = "reading";
      reportWait = waited;
    }

    @Override public synchronized void reportCallSent() {
      calls++;
    }

    @Override public synchronized void waitedForBudget(Duration waited) {
      budgetWait = budgetWait.plus(waited);
    }

    @Override public void warning(String message) {
      settings.warn(message);
    }
  }
}
