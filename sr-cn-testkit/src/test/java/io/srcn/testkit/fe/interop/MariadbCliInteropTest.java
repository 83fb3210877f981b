package io.srcn.testkit.fe.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.srcn.testkit.fe.FakeFrontend;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code mariadb}/{@code mysql} CLI against the fake FE: a multi-statement query (issue 18 item
 * 1: with {@code delimiter //} the CLI sends {@code SELECT 1; SELECT 2} as one COM_QUERY and prints
 * both results) and unmodelled SQL, processlist, warnings and user variables (4). The CLI has no
 * change-user or binary prepare. Skipped when the client is not installed.
 */
class MariadbCliInteropTest {
  private static String cli;
  private FakeFrontend fe;

  @BeforeAll
  static void findClient() {
    cli = ExternalClients.onPath("mariadb", "mysql");
    assumeTrue(cli != null, "no mariadb/mysql CLI: apt-get install mariadb-client");
  }

  @BeforeEach
  void start() {
    fe = FakeFrontend.builder().heartbeatInterval(Duration.ofHours(1)).build().start();
  }

  @AfterEach
  void stop() {
    fe.close();
  }

  private ExternalClients.Result script(String stdin) throws Exception {
    return ExternalClients.run(
        List.of(
            cli,
            "--protocol=TCP",
            "-h",
            "127.0.0.1",
            "-P",
            Integer.toString(fe.port()),
            "-u",
            "root",
            "--skip-ssl",
            "--connect-timeout=5",
            "--batch",
            "--skip-column-names"),
        stdin,
        Map.of());
  }

  @Test
  void oneQueryWithSeveralStatementsPrintsEveryResult() throws Exception {
    ExternalClients.Result r =
        script(
            "delimiter //\n"
                + "SELECT 1; ALTER SYSTEM ADD COMPUTE NODE 'cn-0.ns:9050'; ALTER SYSTEM DROP"
                + " COMPUTE NODE 'no:1'; ALTER SYSTEM ADD COMPUTE NODE 'cn-1.ns:9050'//\n");
    assertThat(r.stdout()).isEqualTo("1\n");
    assertThat(r.stderr()).contains("ERROR 1064 (HY000) at line 2: ");
    assertThat(fe.computeNodes()).hasSize(1); // the first error ends the query
    ExternalClients.Result ok = script("delimiter //\nSELECT 'a'; SET @v = 'b'; SELECT @v//\n");
    assertThat(ok.stderr()).isEmpty();
    assertThat(ok.stdout()).isEqualTo("a\nb\n");
  }

  @Test
  void unmodelledSqlIsNotASyntaxError() throws Exception {
    ExternalClients.Result unmodelled = script("SELECT * FROM t;\n");
    assertThat(unmodelled.exitCode()).isEqualTo(1);
    assertThat(unmodelled.stderr())
        .contains("ERROR 1235 (42000) at line 1: FakeFrontend does not model this statement");
    ExternalClients.Result syntax = script("SELEC 1;\n");
    assertThat(syntax.stderr()).contains("ERROR 1064 (HY000) at line 1: Getting syntax error");
    ExternalClients.Result answered =
        script("SET @v = 7;\nSELECT @v;\nSHOW WARNINGS;\nSHOW PROCESSLIST;\n");
    assertThat(answered.stderr()).isEmpty();
    String[] lines = answered.stdout().split("\n");
    assertThat(lines[0]).isEqualTo("7");
    assertThat(lines[1].split("\t")).contains("root", "Query", "SHOW PROCESSLIST");
  }
}
