package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.adapter.catalog.TableCatalog;
import io.github.criteojdbc.client.QueryControl;
import io.github.criteojdbc.client.StatisticsReportRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Merges statistics reports that queries of different threads are about to create within a short
 * window (a dashboard loading its cards in parallel) and that differ only in dimensions and
 * metrics, into one report of the union, from which each query's rows are rolled up exactly
 * ({@link StatisticsRollUp}). The first query of a window waits for it to end, then splits the
 * queries that came into groups whose union every member's rows follow from and whose estimated
 * size ({@link UnionSize}) stays bounded; the first member of each group of two or more creates
 * the union report, the others wait for its rows. A query of a thread that already waits in the
 * window is never added to it (that thread may hold a result set another member needs), and a
 * member whose union report fails creates its own, as it would have without merging.
 */
final class ReportCoalescer {
  /** A member never waits longer than this for the union's rows before asking its own. */
  static final Duration MAX_FOLLOWER_WAIT = Duration.ofMinutes(15);
  private static final long POLL_MILLIS = 50;

  private final Map<GroupKey, Window> open = new HashMap<>();

  /**
   * The rows of {@code request} from a union report created with other queries of the window, or
   * empty when the request is to create its own report. {@code union} downloads a union report in
   * full; it also lands in the cache as any report does.
   */
  Optional<RawRows> rows(String application, TableCatalog catalog, StatisticsReportRequest request,
      boolean placeholderMetric, Duration window, List<ReportCache.CachedReport> cached,
      QueryControl stop, Function<StatisticsReportRequest, Downloaded> union) {
    if (window.isZero() || !UnionSize.rollsUp(catalog, request, placeholderMetric)) {
      return Optional.empty();
    }
    Member member = new Member(request, placeholderMetric, Thread.currentThread());
    GroupKey key = GroupKey.of(application, request);
    Window joined;
    boolean first;
    synchronized (open) {
      Window current = open.get(key);
      if (current != null && current.members.stream().anyMatch(m -> m.thread == member.thread)) {
        return Optional.empty();
      }
      first = current == null;
      joined = first ? new Window() : current;
      joined.members.add(member);
      if (first) {
        open.put(key, joined);
      }
    }
    if (first) {
      sleep(window);
      List<Member> members;
      synchronized (open) {
        open.remove(key, joined);
        members = List.copyOf(joined.members);
      }
      try {
        split(catalog, members, new UnionSize(catalog, cached));
      } finally {
        // A member the split did not reach (it failed) asks its own report instead of waiting forever.
        members.forEach(m -> m.plan.complete(new Plan(null, null)));
      }
    }
    Plan plan = member.plan.join();
    if (plan.union == null) {
      return Optional.empty();
    }
    if (plan.leader == member) {
      try {
        plan.rows.complete(union.apply(plan.union));
      } catch (RuntimeException e) {
        return Optional.empty();
      } finally {
        // Tells the other members at once when the union's rows will not come, whatever ended it.
        plan.rows.completeExceptionally(new IllegalStateException("the union report was not read"));
      }
    }
    return answer(plan, member, stop);
  }

  /**
   * The member's rows from its union's, or empty when the union failed, or the query was
   * cancelled, abandoned or is past its deadline (its own report then ends at once, as it would
   * have) or waited {@link #MAX_FOLLOWER_WAIT}.
   */
  private static Optional<RawRows> answer(Plan plan, Member member, QueryControl stop) {
    long deadline = System.nanoTime() + MAX_FOLLOWER_WAIT.toNanos();
    while (!stop.isCancelled() && stop.deadline().map(Instant.now()::isBefore).orElse(true)
        && System.nanoTime() < deadline) {
      try {
        Downloaded rows = plan.rows.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
        return Optional.of(new CachedRows(member.rollUp.apply(rows.rows()), rows.currency()));
      } catch (TimeoutException e) {
        continue;
      } catch (ExecutionException e) {
        return Optional.empty();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * Groups the members, smallest first, each into the first group whose union still answers
   * every member exactly and stays within the size bound; a member alone creates its own report.
   */
  static void split(TableCatalog catalog, List<Member> members, UnionSize size) {
    List<List<Member>> groups = new ArrayList<>();
    List<Member> bySize = new ArrayList<>(members);
    bySize.sort(Comparator.comparingDouble(m -> size.rows(m.request)));
    for (Member member : bySize) {
      boolean placed = false;
      for (List<Member> group : groups) {
        List<Member> candidate = new ArrayList<>(group);
        candidate.add(member);
        if (UnionSize.union(catalog, candidate).filter(u -> size.bounded(u, candidate)).isPresent()) {
          group.add(member);
          placed = true;
          break;
        }
      }
      if (!placed) {
        groups.add(new ArrayList<>(List.of(member)));
      }
    }
    for (List<Member> group : groups) {
      if (group.size() == 1) {
        group.get(0).plan.complete(new Plan(null, null));
        continue;
      }
      StatisticsReportRequest union = UnionSize.union(catalog, group).orElseThrow();
      Plan plan = new Plan(union, group.get(0));
      for (Member member : group) {
        member.rollUp = StatisticsRollUp.of(catalog, union, member.request, member.placeholderMetric)
            .orElseThrow();
        member.plan.complete(plan);
      }
    }
  }

  private static void sleep(Duration window) {
    try {
      Thread.sleep(window.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What queries must share to be merged: all of the request but its dimensions and metrics. */
  private record GroupKey(String application, Object parameters) {
    static GroupKey of(String application, StatisticsReportRequest request) {
      return new GroupKey(application, List.of(Set.copyOf(request.advertiserIds()),
          request.startDate(), request.endDate(), request.timezone(), request.currency(),
          Set.copyOf(request.adSetIds()), Set.copyOf(request.adSetNames()),
          request.adSetStatus()));
    }
  }

  /** A union report's rows, read to the end, and the currency of its money columns. */
  record Downloaded(List<Object[]> rows, String currency) {
  }

  /** The queries that came in one window. */
  private static final class Window {
    final List<Member> members = new ArrayList<>();
  }

  /** One query in a window and, once the window ended, its group's plan. */
  static final class Member {
    final StatisticsReportRequest request;
    final boolean placeholderMetric;
    final Thread thread;
    final CompletableFuture<Plan> plan = new CompletableFuture<>();
    volatile StatisticsRollUp rollUp;

    Member(StatisticsReportRequest request, boolean placeholderMetric, Thread thread) {
      this.request = request;
      this.placeholderMetric = placeholderMetric;
      this.thread = thread;
    }
  }

  /** A group's union report and the member that creates it, or no union (the member runs alone). */
  static final class Plan {
    final StatisticsReportRequest union;
    final Member leader;
    final CompletableFuture<Downloaded> rows = new CompletableFuture<>();

    Plan(StatisticsReportRequest union, Member leader) {
      this.union = union;
      this.leader = leader;
    }
  }
}
