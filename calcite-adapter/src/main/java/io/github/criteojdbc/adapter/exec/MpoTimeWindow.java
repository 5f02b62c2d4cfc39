package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.adapter.QueryRejectedException;
import io.github.criteojdbc.adapter.catalog.TimeGranularity;
import io.github.criteojdbc.adapter.plan.RuntimeValues;
import io.github.criteojdbc.adapter.plan.TimeBound;
import io.github.criteojdbc.client.MpoRealtimeExportRequest;

import org.apache.calcite.DataContext;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The time window of an MPO real-time export, from the pushed bounds on {@code minute} and
 * {@code hour} (wall-clock times in the connection's time zone). "The last N minutes"
 * ({@code minute >= CURRENT_TIMESTAMP - INTERVAL 'N' MINUTE}) becomes {@code lookbackWindow};
 * every other set of bounds becomes {@code startDate} (inclusive) and {@code endDate} (exclusive)
 * on whole buckets, and no bound the API's default 60-minute lookback window. The API's rules on
 * the window are checked here, before any call.
 */
public final class MpoTimeWindow {
  /** The spec's default {@code lookbackWindow}, used when a query has no time filter. */
  public static final int DEFAULT_LOOKBACK_MINUTES = 60;
  private static final long MILLIS_PER_MINUTE = 60_000L;

  private final Integer lookbackMinutes;
  private final Instant start;
  private final Instant end;

  private MpoTimeWindow(Integer lookbackMinutes, Instant start, Instant end) {
    this.lookbackMinutes = lookbackMinutes;
    this.start = start;
    this.end = end;
  }

  /** The window the export asks for; {@code isEmpty()} when no bucket can match. */
  public static MpoTimeWindow resolve(String table, List<TimeBound> bounds, DataContext root,
      ZoneId zone, Consumer<String> warnings) {
    if (bounds.isEmpty()) {
      warnings.accept(String.format("%s: no filter on minute or hour, so the export covers the "
          + "last %d minutes (the API's default lookbackWindow); add WHERE minute >= "
          + "CURRENT_TIMESTAMP - INTERVAL 'N' MINUTE (N from 60 to 1440) or a TIMESTAMP range",
          table, DEFAULT_LOOKBACK_MINUTES));
      return new MpoTimeWindow(DEFAULT_LOOKBACK_MINUTES, null, null);
    }
    OptionalLong lookback = lookbackMinutes(bounds);
    if (lookback.isPresent()) {
      long minutes = lookback.getAsLong();
      if (minutes < MpoRealtimeExportRequest.MIN_LOOKBACK_MINUTES
          || minutes > MpoRealtimeExportRequest.MAX_LOOKBACK_MINUTES) {
        throw new QueryRejectedException(String.format("%s: %s asks for the last %d minutes, but "
            + "the API's lookbackWindow takes %d to %d minutes; use an INTERVAL in that range, or "
            + "a fixed range such as %s >= TIMESTAMP 'yyyy-MM-dd HH:mm:00'", table, bounds.get(0),
            minutes, MpoRealtimeExportRequest.MIN_LOOKBACK_MINUTES,
            MpoRealtimeExportRequest.MAX_LOOKBACK_MINUTES, bounds.get(0).column()));
      }
      return new MpoTimeWindow((int) minutes, null, null);
    }
    LocalDateTime first = null;
    LocalDateTime endExclusive = null;
    for (TimeBound bound : bounds) {
      LocalDateTime value = asTimestamp(RuntimeValues.evaluate(bound.value(), root));
      TimeGranularity unit = bound.granularity();
      LocalDateTime floor = unit.bucketStart(value);
      LocalDateTime next = plusOne(floor, unit);
      LocalDateTime ceil = floor.equals(value) ? value : next;
      LocalDateTime from = null;
      LocalDateTime to = null;
      switch (bound.op()) {
      case GE:
        from = ceil;
        break;
      case GT:
        from = next;
        break;
      case LE:
        to = next;
        break;
      case LT:
        to = ceil;
        break;
      default:
        from = ceil;
        to = next;
      }
      if (from != null && (first == null || from.isAfter(first))) {
        first = from;
      }
      if (to != null && (endExclusive == null || to.isBefore(endExclusive))) {
        endExclusive = to;
      }
    }
    if (first == null) {
      throw new QueryRejectedException(String.format("%s: the filter on %s has an upper bound "
          + "only (before %s), but the API needs a start (startDate) whenever it gets an end; add "
          + "%s >= TIMESTAMP 'yyyy-MM-dd HH:mm:00' or %s >= CURRENT_TIMESTAMP - INTERVAL 'N' "
          + "MINUTE", table, bounds.get(0).column(), endExclusive, bounds.get(0).column(),
          bounds.get(0).column()));
    }
    if (endExclusive != null && first.isAfter(endExclusive)) {
      throw new QueryRejectedException(String.format("%s: the time filter starts at %s (startDate) "
          + "after it ends at %s (endDate), in time zone %s; the API refuses a start after the "
          + "end, so check the bounds on minute and hour", table, first, endExclusive, zone));
    }
    return new MpoTimeWindow(null, instant(first, zone),
        endExclusive == null ? null : instant(endExclusive, zone));
  }

  /**
   * The N of a lone lower bound {@code column >= CURRENT_TIMESTAMP - INTERVAL 'N' MINUTE} (or
   * {@code >}, {@code LOCALTIMESTAMP}, any day-time interval in whole minutes), known at plan time.
   */
  public static OptionalLong lookbackMinutes(List<TimeBound> bounds) {
    if (bounds.size() != 1) {
      return OptionalLong.empty();
    }
    TimeBound bound = bounds.get(0);
    if (bound.op() != TimeBound.Op.GE && bound.op() != TimeBound.Op.GT
        || bound.value().isConstant()) {
      return OptionalLong.empty();
    }
    RexNode value = withoutCast(bound.value().expression());
    if (value.getKind() != SqlKind.MINUS) {
      return OptionalLong.empty();
    }
    RexCall minus = (RexCall) value;
    RexNode now = withoutCast(minus.operands.get(0));
    RexNode interval = minus.operands.get(1);
    if (!isCurrentTimestamp(now) || !(interval instanceof RexLiteral)
        || !SqlTypeName.DAY_INTERVAL_TYPES.contains(interval.getType().getSqlTypeName())) {
      return OptionalLong.empty();
    }
    BigDecimal millis = ((RexLiteral) interval).getValueAs(BigDecimal.class);
    if (millis == null || millis.remainder(BigDecimal.valueOf(MILLIS_PER_MINUTE)).signum() != 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(millis.longValueExact() / MILLIS_PER_MINUTE);
  }

  /**
   * Whether the export answers the bound exactly: a constant on a whole bucket of its column, so
   * that {@code startDate}/{@code endDate} fall on bucket edges. Other bounds stay residual.
   */
  public static boolean isExact(TimeBound bound) {
    if (!bound.value().isConstant() || !(bound.value().constant() instanceof LocalDateTime)) {
      return false;
    }
    LocalDateTime value = (LocalDateTime) bound.value().constant();
    return bound.granularity().bucketStart(value).equals(value);
  }

  public boolean isLookback() {
    return lookbackMinutes != null;
  }

  public int lookbackWindowMinutes() {
    return Objects.requireNonNull(lookbackMinutes, "lookbackMinutes");
  }

  public Instant start() {
    return start;
  }

  /** Null: up to now. */
  public Instant end() {
    return end;
  }

  /** True when the bounds leave no bucket between start and end. */
  public boolean isEmpty() {
    return start != null && end != null && !start.isBefore(end);
  }

  private static RexNode withoutCast(RexNode node) {
    return node.getKind() == SqlKind.CAST ? withoutCast(((RexCall) node).operands.get(0)) : node;
  }

  private static boolean isCurrentTimestamp(RexNode node) {
    if (!(node instanceof RexCall) || !((RexCall) node).operands.isEmpty()) {
      return false;
    }
    String name = ((RexCall) node).getOperator().getName();
    return name.equals("CURRENT_TIMESTAMP") || name.equals("LOCALTIMESTAMP");
  }

  private static LocalDateTime asTimestamp(Object value) {
    return value instanceof LocalDate ? ((LocalDate) value).atStartOfDay() : (LocalDateTime) value;
  }

  private static LocalDateTime plusOne(LocalDateTime bucket, TimeGranularity unit) {
    return unit == TimeGranularity.HOUR ? bucket.plusHours(1) : bucket.plusMinutes(1);
  }

  private static Instant instant(LocalDateTime local, ZoneId zone) {
    return ZonedDateTime.ofLocal(local, zone, null).toInstant();
  }
}
