package io.srcn.testkit.fe.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srcn.testkit.fe.internal.sql.Statement.AlterComputeNodes;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParserTest {
  private static final Parser.Dialect V34 = new Parser.Dialect(true, false);
  private static final Parser.Dialect LATEST = new Parser.Dialect(true, true);
  private static final Parser.Dialect OLD = new Parser.Dialect(false, false);

  @Test
  void alterSystemVariants() throws Exception {
    assertThat(Parser.parse("alter SYSTEM add Compute NODE 'a:1',\"b:2\" ;", V34))
        .isEqualTo(new AlterComputeNodes(true, List.of("a:1", "b:2"), null, null));
    assertThat(Parser.parse("ALTER SYSTEM DROP COMPUTE NODE ' a : 1 ' FROM WAREHOUSE `w 1`", V34))
        .isEqualTo(new AlterComputeNodes(false, List.of(" a : 1 "), "w 1", null));
    assertThat(
            Parser.parse(
                "ALTER SYSTEM ADD COMPUTE NODE 'a:1' INTO WAREHOUSE 'w' CNGROUP g -- c\n", LATEST))
        .isEqualTo(new AlterComputeNodes(true, List.of("a:1"), "w", "g"));
    assertThat(Parser.parse("/* x */ ALTER SYSTEM ADD COMPUTE NODE 'it''s:1' # tail", OLD))
        .isEqualTo(new AlterComputeNodes(true, List.of("it's:1"), null, null));
  }

  @Test
  void syntaxErrorsHaveTheFeFormat() {
    assertThatThrownBy(() -> Parser.parse("ALTER SYSTEM ADD COMPUTE NODE a:1", V34))
        .hasMessage(
            "Getting syntax error at line 1, column 30. Detail message: Unexpected input"
                + " 'a', the most similar input is {a legal string}.");
    assertThatThrownBy(() -> Parser.parse("ALTER SYSTEM ADD COMPUTE NODE 'a:1' INTO w", V34))
        .hasMessage(
            "Getting syntax error at line 1, column 41. Detail message: Unexpected input"
                + " 'w', the most similar input is {'WAREHOUSE'}.");
    assertThatThrownBy(
            () -> Parser.parse("ALTER SYSTEM\nADD COMPUTE NODE 'a:1' FROM WAREHOUSE w", V34))
        .hasMessage(
            "Getting syntax error at line 2, column 23. Detail message: Unexpected input"
                + " 'FROM', the most similar input is {<EOF>, ';'}.");
    assertThatThrownBy(() -> Parser.parse("sleep 13", V34))
        .hasMessageStartingWith(
            "Getting syntax error at line 1, column 0. Detail message:"
                + " Unexpected input 'sleep', the most similar input is {'SELECT', 'SET'");
    assertThatThrownBy(() -> Parser.parse("ALTER SYSTEM ADD COMPUTE NODE 'a:1", V34))
        .hasMessageContaining("column 30");
    assertThatThrownBy(() -> Parser.parse("ALTER SYSTEM ADD COMPUTE NODE", V34))
        .hasMessageContaining("Unexpected input '<EOF>'");
  }

  @Test
  void selectLabelsAreAliasesOrTheExpressionAsWritten() throws Exception {
    Statement.Select s =
        (Statement.Select)
            Parser.parse(
                "SELECT  @@session.auto_increment_increment AS auto_increment_increment,"
                    + " @@Version_Comment, 1, 'x' y, DATABASE(), NULL, -5 LIMIT 1",
                V34);
    assertThat(s.items())
        .extracting(Statement.SelectItem::label)
        .containsExactly(
            "auto_increment_increment", "@@Version_Comment", "1", "y", "DATABASE()", "NULL", "-5");
    assertThat(s.items().get(0).expression())
        .isEqualTo(new Statement.SystemVariable("session", "auto_increment_increment"));
    assertThat(s.limit()).isEqualTo(1);
  }

  @Test
  void otherStatements() throws Exception {
    assertThat(Parser.parse("SET NAMES utf8mb4", V34)).isInstanceOf(Statement.SetVariables.class);
    assertThat(Parser.parse("show proc '/compute_nodes'", V34))
        .isEqualTo(new Statement.ShowProc("/compute_nodes"));
    assertThat(Parser.parse("SHOW GLOBAL VARIABLES LIKE 'x%'", V34))
        .isEqualTo(new Statement.ShowVariables("x%"));
    assertThat(Parser.parse("CREATE WAREHOUSE IF NOT EXISTS w PROPERTIES ('a' = 'b')", V34))
        .isEqualTo(new Statement.CreateWarehouse("w", true));
    assertThat(Parser.parse("drop warehouse if exists `w`", V34))
        .isEqualTo(new Statement.DropWarehouse("w", true));
    assertThat(Parser.parse("use `information_schema`", V34))
        .isEqualTo(new Statement.Use("information_schema"));
    assertThat(Parser.parse("  ;", V34)).isInstanceOf(Statement.Empty.class);
    assertThat(Parser.parse("COMMIT", V34)).isInstanceOf(Statement.Transaction.class);
  }

  @Test
  void passwordsAreMaskedForTheStatementLog() {
    assertThat(Redactor.redact("CREATE USER u IDENTIFIED BY 's3cret'"))
        .isEqualTo("CREATE USER u IDENTIFIED BY '***'");
    assertThat(Redactor.redact("set password for u = PASSWORD(\"x\")"))
        .isEqualTo("set password for u = PASSWORD('***')");
    assertThat(Redactor.redact("ALTER SYSTEM ADD COMPUTE NODE 'a:1'"))
        .isEqualTo("ALTER SYSTEM ADD COMPUTE NODE 'a:1'");
  }
}
