package io.srcn.testkit.fe.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.srcn.testkit.fe.FakeComputeNode;
import io.srcn.testkit.fe.FakeFrontend;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Node's {@code mysql2} (installed by {@code .ci/run} into {@code ~/.cache/sr-cn-sdk/npm}, or
 * {@code $SRCN_NPM_PREFIX}) against the fake FE: multi-statement queries (issue 18 item 1), {@code
 * changeUser} (2), {@code execute()} on server-side prepared statements with binary rows (3) and
 * unmodelled SQL (4). Skipped when node or the package is absent.
 */
class Mysql2InteropTest {
  private static final String CONNECT =
      "const mysql = require('mysql2/promise');\n"
          + "const port = Number(process.env.FE_PORT);\n"
          + "const open = (o) => mysql.createConnection(Object.assign({host: '127.0.0.1', port,"
          + " user: 'root', password: ''}, o || {}));\n"
          + "(async () => {\n";
  private static final String END =
      "})().catch(e => { console.log('ERROR', e.errno, e.sqlState, e.message); process.exit(3);"
          + " });\n";

  private FakeFrontend fe;

  @BeforeAll
  static void requireNode() {
    assumeTrue(
        ExternalClients.nodeWithMysql2(),
        "node or mysql2 missing: .ci/run installs mysql2 into " + ExternalClients.NPM_PREFIX);
  }

  @BeforeEach
  void start() {
    fe =
        FakeFrontend.builder()
            .user("ops", "s3cret", true)
            .heartbeatInterval(Duration.ofHours(1))
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    fe.close();
  }

  private ExternalClients.Result node(String body) throws Exception {
    ExternalClients.Result r = ExternalClients.node(fe.port(), CONNECT + body + END);
    assertThat(r.stderr()).as("node stderr").isEmpty();
    return r;
  }

  @Test
  void multipleStatementsGiveOneResultEach() throws Exception {
    ExternalClients.Result r =
        node(
            "const c = await open({multipleStatements: true});\n"
                + "const [results] = await c.query(\"SELECT 1 AS a; ALTER SYSTEM ADD COMPUTE NODE"
                + " 'cn-0.ns:9050'; SELECT 'x' AS b\");\n"
                + "console.log(JSON.stringify(results));\n"
                + "try { await c.query(\"SELECT 2 AS c; ALTER SYSTEM DROP COMPUTE NODE 'no:1';"
                + " SELECT 3\"); } catch (e) { console.log('failed', e.errno); }\n"
                + "await c.end();\n");
    assertThat(r.exitCode()).as(r.stdout()).isZero();
    String[] lines = r.stdout().split("\n");
    assertThat(lines[0]).startsWith("[[{\"a\":\"1\"}],{").endsWith("[{\"b\":\"x\"}]]");
    assertThat(lines[1]).isEqualTo("failed 1064");
    assertThat(fe.computeNodes()).extracting(FakeComputeNode::host).containsExactly("cn-0.ns");
  }

  @Test
  void changeUserSwitchesTheLogin() throws Exception {
    ExternalClients.Result r =
        node(
            "const c = await open();\n"
                + "await c.changeUser({user: 'ops', password: 's3cret'});\n"
                + "const [rows] = await c.query('SELECT CURRENT_USER() AS u');\n"
                + "console.log(rows[0].u);\n"
                + "try { await c.changeUser({user: 'ops', password: 'wrong'}); }"
                + " catch (e) { console.log('denied', e.errno); }\n"
                + "const [after] = await c.query('SELECT CURRENT_USER() AS u');\n"
                + "console.log(after[0].u);\n"
                + "c.destroy();\n");
    assertThat(r.exitCode()).as(r.stdout()).isZero();
    // a refused change keeps the previous login, as StarRocks' MysqlProto.changeUser restores it
    assertThat(r.stdout()).isEqualTo("'ops'@'%'\ndenied 1045\n'ops'@'%'\n");
  }

  @Test
  void executeRunsOnTheBinaryProtocol() throws Exception {
    ExternalClients.Result r =
        node(
            "const c = await open();\n"
                + "for (const v of [7, 8]) {\n"
                + "  const [rows, fields] = await c.execute('SELECT ? AS n, ? AS s, ? AS z,"
                + " @@version_comment AS v', [v, \"it's\", null]);\n"
                + "  console.log(JSON.stringify(rows), fields.map(f => f.name).join(','));\n"
                + "}\n"
                + "try { await c.execute('ALTER SYSTEM ADD COMPUTE NODE ?', ['a:1']); }"
                + " catch (e) { console.log('prepare', e.errno); }\n"
                + "await c.end();\n");
    assertThat(r.exitCode()).as(r.stdout()).isZero();
    assertThat(r.stdout())
        .isEqualTo(
            "[{\"n\":\"7\",\"s\":\"it's\",\"z\":null,\"v\":\"StarRocks version 3.3.5\"}] n,s,z,v\n"
                + "[{\"n\":\"8\",\"s\":\"it's\",\"z\":null,\"v\":\"StarRocks version 3.3.5\"}] n,s,z,v\n"
                + "prepare 1064\n"); // the grammar wants a string literal there, as StarRocks.g4
    // does
  }

  @Test
  void unmodelledSqlGetsItsOwnError() throws Exception {
    ExternalClients.Result r =
        node(
            "const c = await open();\n"
                + "for (const sql of ['SELECT * FROM t', 'SELEC 1']) {\n"
                + "  try { await c.query(sql); } catch (e) { console.log(e.errno, e.sqlState); }\n"
                + "}\n"
                + "await c.query('SET @v = 5');\n"
                + "const [rows] = await c.query('SELECT @v AS v');\n"
                + "console.log(rows[0].v);\n"
                + "await c.end();\n");
    assertThat(r.exitCode()).as(r.stdout()).isZero();
    assertThat(r.stdout()).isEqualTo("1235 42000\n1064 HY000\n5\n");
  }
}
