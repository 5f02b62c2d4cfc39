package io.github.criteojdbc.driver;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadOnlySqlTest {
  @ParameterizedTest
  @ValueSource(strings = {"SELECT 1", "  select * from statistics", "WITH t AS (SELECT 1) SELECT * FROM t",
      "VALUES (1)", "(SELECT 1) UNION (SELECT 2)", "-- a comment\nSELECT 1", "/* delete */ SELECT 1",
      "EXPLAIN PLAN FOR SELECT 1", "EXPLAIN PLAN WITH TYPE FOR SELECT 1", "SELEC 1", "TABLE statistics",
      "SELECT 'DELETE' AS word"})
  void queriesAndMisspellingsGoToTheParser(String sql) {
    assertThatCode(() -> ReadOnlySql.check(sql)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"DELETE FROM statistics", "insert into statistics values (1)", "Update statistics set x = 1",
      "MERGE INTO s USING t ON 1 = 1 WHEN MATCHED THEN DELETE", "CREATE TABLE t (a INT)", "DROP TABLE statistics",
      "ALTER TABLE statistics ADD x INT", "TRUNCATE TABLE statistics", "UPSERT INTO t VALUES (1)",
      "  -- cleanup\n  /* really */ (DELETE FROM statistics)", "EXPLAIN PLAN FOR DELETE FROM statistics",
      "explain plan including all attributes for insert into t values (1)"})
  void statementsThatChangeDataAreRefusedWithTheReadOnlyState(String sql) {
    assertThatThrownBy(() -> ReadOnlySql.check(sql)).isInstanceOf(SQLException.class)
        .hasMessageStartingWith("The driver is read-only")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("25006");
  }
}
