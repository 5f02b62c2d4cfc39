package io.github.criteojdbc.adapter.exec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;

/** How a scan's rows are made from the rows of its report. */
class ReportEnumeratorTest {
  private static List<Object[]> read(List<ColumnSource> columns, Object[]... raw) {
    Iterator<Object[]> rows = List.of(raw).iterator();
    RawRows source = new RawRows() {
      @Override public Object[] next() {
        return rows.hasNext() ? rows.next() : null;
      }

      @Override public String currency() {
        return "EUR";
      }

      @Override public void close() {
      }
    };
    List<Object[]> read = new ArrayList<>();
    try (ReportEnumerator enumerator = new ReportEnumerator(() -> source, columns, OptionalLong.empty())) {
      while (enumerator.moveNext()) {
        read.add(enumerator.current());
      }
    }
    return read;
  }

  @Test
  void reportRowInTheScansOrderIsHandedOnAsItIs() {
    Object[] raw = {"a", 1L, null};

    List<Object[]> rows = read(List.of(ColumnSource.field(0), ColumnSource.field(1), ColumnSource.field(2)), raw);

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0)).isSameAs(raw);
  }

  @Test
  void reportRowInAnotherOrderIsProjected() {
    List<Object[]> rows = read(List.of(ColumnSource.field(2), ColumnSource.field(0)), new Object[] {"a", 1L, 2.5});

    assertThat(rows).containsExactly(new Object[] {2.5, "a"});
  }

  @Test
  void reportRowWiderThanTheScanIsCutToItsColumns() {
    List<Object[]> rows = read(List.of(ColumnSource.field(0), ColumnSource.field(1)), new Object[] {"a", 1L, 2.5});

    assertThat(rows).containsExactly(new Object[] {"a", 1L});
  }

  @Test
  void currencyConstantAndAbsentColumnsAreFilledIn() {
    List<Object[]> rows = read(List.of(ColumnSource.field(0), ColumnSource.currency(), ColumnSource.constant("42"),
        ColumnSource.absent()), new Object[] {"a"});

    assertThat(rows).containsExactly(new Object[] {"a", "EUR", "42", null});
  }
}
