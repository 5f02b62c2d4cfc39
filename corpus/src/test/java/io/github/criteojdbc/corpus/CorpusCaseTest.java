package io.github.criteojdbc.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorpusCaseTest {

  private static CorpusCase withSql(String sql) {
    return new CorpusCase("id", "origin", sql, null, null, null, false);
  }

  @Test
  void anOrderByAtTheOutermostLevelOrdersTheRows() {
    assertThat(withSql("SELECT day FROM (SELECT day FROM statistics) t ORDER BY day").ordersItsRows()).isTrue();
  }

  @Test
  void anOrderByInASubqueryDoesNotOrderTheRows() {
    assertThat(withSql("SELECT a FROM t WHERE b IN (SELECT b FROM u ORDER BY b LIMIT 1)").ordersItsRows()).isFalse();
  }

  @Test
  void anOrderByInACommentALiteralOrAQuotedNameDoesNotOrderTheRows() {
    assertThat(withSql("-- ORDER BY x\nSELECT 'ORDER BY y' AS \"order by\" FROM t").ordersItsRows()).isFalse();
  }
}
