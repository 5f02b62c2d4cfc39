package io.github.criteojdbc.adapter.exec;

import io.github.criteojdbc.adapter.catalog.TimeGranularity;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** How one output column of a scan is read from a report row. */
abstract class ColumnSource {
  abstract Object read(Object[] raw, String currency);

  /** Whether this reads the report row's value at {@code index} as it is. */
  boolean isField(int index) {
    return false;
  }

  /** The value of a requested API column, already converted by the client. */
  static ColumnSource field(int index) {
    return new ColumnSource() {
      @Override Object read(Object[] raw, String currency) {
        return raw[index];
      }

      @Override boolean isField(int position) {
        return position == index;
      }
    };
  }

  /** The currency of the money columns. */
  static ColumnSource currency() {
    return new ColumnSource() {
      @Override Object read(Object[] raw, String currency) {
        return currency;
      }
    };
  }

  /** A value every row shares, such as the advertiser of a report of one advertiser. */
  static ColumnSource constant(Object value) {
    return new ColumnSource() {
      @Override Object read(Object[] raw, String currency) {
        return value;
      }
    };
  }

  /** A column the report does not hold, such as a name the API did not add; reads as NULL. */
  static ColumnSource absent() {
    return new ColumnSource() {
      @Override Object read(Object[] raw, String currency) {
        return null;
      }
    };
  }

  /**
   * A coarser time bucket computed from the finer one the report was asked for; the query that
   * uses both {@code day} and {@code month} needs only the day report.
   */
  static ColumnSource derivedTime(int index, TimeGranularity from, TimeGranularity to) {
    return new ColumnSource() {
      @Override Object read(Object[] raw, String currency) {
        Object value = raw[index];
        if (value == null) {
          return null;
        }
        LocalDateTime time = from.compareTo(TimeGranularity.DAY) < 0
            ? LocalDateTime.ofEpochSecond(Math.floorDiv((Long) value, 1000L), 0, ZoneOffset.UTC)
            : LocalDate.ofEpochDay(((Number) value).longValue()).atStartOfDay();
        LocalDateTime bucket = to.bucketStart(time);
        switch (to) {
        case MINUTE:
        case HOUR:
          return bucket.toInstant(ZoneOffset.UTC).toEpochMilli();
        case YEAR:
          return bucket.getYear();
        default:
          return (int) bucket.toLocalDate().toEpochDay();
        }
      }
    };
  }
}
