package io.srcn.testkit.fe.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several statements per query, "not modelled" versus syntax errors, SET @v, '?' markers. */
class MultiStatementParserTest {
  private static final Parser.Dialect V33 = new Parser.Dialect(true, false);

  @Test
  void aTextSplitsIntoItsStatementsWithTheirOwnText() throws Exception {
    List<ParsedStatement> p =
        Parser.parseAll("SELECT 'a;b' AS x ;; SET @v = 1 ; SHOW COMPUTE NODES;", V33);
    assertThat(p)
        .extracting(ParsedStatement::sql)
        .containsExactly("SELECT 'a;b' AS x", "SET @v = 1", "SHOW COMPUTE NODES");
    assertThat(p.get(1).statement())
        .isEqualTo(
            new Statement.SetVariables(
                List.of(new Statement.UserAssignment("v", new Statement.Literal("1")))));
    assertThat(Parser.parseAll("/* c */ SELECT 1;", V33))
        .extracting(ParsedStatement::sql)
        .containsExactly("/* c */ SELECT 1;"); // one statement keeps the whole text
  }

  @Test
  void aSyntaxErrorAnywhereFailsTheWholeTextWithItsPosition() {
    assertThatThrownBy(() -> Parser.parseAll("SELECT 1;\nSELEC 2", V33))
        .isExactlyInstanceOf(SqlSyntaxException.class)
        .hasMessageStartingWith("Getting syntax error at line 2, column 0.");
    assertThatThrownBy(() -> Parser.parseAll("SELECT 1 SELECT 2", V33))
        .hasMessageContaining("the most similar input is {<EOF>, ';'}");
  }

  @Test
  void validSqlOutsideTheSubsetIsUnmodelledNotASyntaxError() {
    for (String sql :
        Arrays.asList(
            "SELECT * FROM t",
            "SELECT a FROM t WHERE b = 1",
            "SELECT 1 + 1",
            "SELECT COUNT(*)",
            "SELECT 1 FROM DUAL WHERE 1",
            "SELECT DISTINCT 1",
            "SHOW FULL TABLES",
            "SHOW GRANTS",
            "ALTER TABLE t ADD COLUMN c INT",
            "ALTER SYSTEM ADD BACKEND 'a:1'",
            "ALTER SYSTEM DECOMMISSION BACKEND 'a:1'",
            "CREATE TABLE t (a INT)",
            "DROP DATABASE d",
            "INSERT INTO t VALUES (1)",
            "PREPARE s FROM 'SELECT 1'",
            "EXECUTE s",
            "SET @v = 1 + 1")) {
      assertThatThrownBy(() -> Parser.parseAll(sql, V33))
          .as(sql)
          .isInstanceOf(UnmodelledStatementException.class)
          .hasMessageStartingWith(UnmodelledStatementException.PREFIX);
    }
  }

  @Test
  void theUnmodelledMessageNamesKeywordsNeverLiterals() {
    assertThatThrownBy(() -> Parser.parseAll("CREATE USER u IDENTIFIED BY 'secret'", V33))
        .hasMessageStartingWith(UnmodelledStatementException.PREFIX + " (CREATE USER U ...)")
        .hasMessageNotContaining("secret");
  }

  @Test
  void brokenModelledStatementsStaySyntaxErrors() {
    for (String sql :
        Arrays.asList(
            "ALTER SYSTEM ADD COMPUTE NODE a:1",
            "ALTER SYSTEM ADD COMPUTE NODE ?",
            "SHOW 1",
            "SELEC 1",
            "sleep 13",
            "SELECT 1 LIMIT x",
            "SET @v 1")) {
      assertThatThrownBy(() -> Parser.parseAll(sql, V33))
          .as(sql)
          .isExactlyInstanceOf(SqlSyntaxException.class);
    }
  }

  @Test
  void markersAreValuesOnlyInPreparedSelects() throws Exception {
    assertThat(Parser.parsePrepared("SELECT ? AS a, ?", V33)).hasSize(1);
    assertThatThrownBy(() -> Parser.parseAll("SELECT ?", V33))
        .isExactlyInstanceOf(SqlSyntaxException.class);
    Placeholders p = Placeholders.of("SELECT ? AS a, '?' AS b, ? /* ? */");
    assertThat(p.count()).isEqualTo(2);
    assertThat(p.bind(Arrays.asList("it's \\", 7.0)))
        .isEqualTo("SELECT 'it\\'s \\\\' AS a, '?' AS b, 7 /* ? */");
    assertThat(Placeholders.of("SELECT ?").bind(Arrays.asList((Object) null)))
        .isEqualTo("SELECT NULL");
  }
}
