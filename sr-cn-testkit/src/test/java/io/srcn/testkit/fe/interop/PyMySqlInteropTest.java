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
 * Python's PyMySQL (Debian {@code python3-pymysql}, installed by {@code .ci/run}) against the fake
 * FE: multi-statement queries with {@code CLIENT.MULTI_STATEMENTS} (issue 18 item 1) and unmodelled
 * SQL, processlist and user variables (4). PyMySQL has no change-user, reset or server-side
 * prepare. Skipped when no python3 can import pymysql.
 */
class PyMySqlInteropTest {
  private static final String CONNECT =
      "import os, pymysql\n"
          + "from pymysql.constants import CLIENT\n"
          + "c = pymysql.connect(host='127.0.0.1', port=int(os.environ['FE_PORT']), user='root',"
          + " password='', client_flag=CLIENT.MULTI_STATEMENTS)\n"
          + "cur = c.cursor()\n";

  private static String python;
  private FakeFrontend fe;

  @BeforeAll
  static void requirePyMySql() {
    python = ExternalClients.pythonWithPyMySql();
    assumeTrue(python != null, "no python3 with pymysql: apt-get install python3-pymysql");
  }

  @BeforeEach
  void start() {
    fe = FakeFrontend.builder().heartbeatInterval(Duration.ofHours(1)).build().start();
  }

  @AfterEach
  void stop() {
    fe.close();
  }

  @Test
  void multiStatementsReturnEveryResultAndStopAtTheFirstError() throws Exception {
    ExternalClients.Result r =
        ExternalClients.python(
            python,
            fe.port(),
            CONNECT
                + "cur.execute(\"SELECT 1 AS a; ALTER SYSTEM ADD COMPUTE NODE 'cn-0.ns:9050';"
                + " SELECT 'x' AS b\")\n"
                + "print(cur.fetchall())\n"
                + "while cur.nextset():\n"
                + "    print(cur.description and cur.fetchall())\n"
                + "try:\n"
                + "    cur.execute(\"SELECT 2; ALTER SYSTEM DROP COMPUTE NODE 'no:1'; SELECT 3\")\n"
                + "    while cur.nextset():\n"
                + "        pass\n"
                + "except pymysql.err.MySQLError as e:\n"
                + "    print('error', e.args[0])\n"
                + "cur.execute('SELECT 4')\n"
                + "print(cur.fetchall())\n");
    assertThat(r.stderr()).isEmpty();
    assertThat(r.stdout()).isEqualTo("(('1',),)\nNone\n(('x',),)\nerror 1064\n(('4',),)\n");
    assertThat(fe.computeNodes()).extracting(FakeComputeNode::host).containsExactly("cn-0.ns");
  }

  @Test
  void unmodelledSqlProcesslistAndUserVariables() throws Exception {
    ExternalClients.Result r =
        ExternalClients.python(
            python,
            fe.port(),
            CONNECT
                + "try:\n"
                + "    cur.execute('SELECT * FROM t')\n"
                + "except pymysql.err.MySQLError as e:\n"
                + "    print(e.args[0], e.args[1].startswith('FakeFrontend does not model'))\n"
                + "cur.execute('SET @v = 1; SELECT @v')\n"
                + "cur.nextset()\n"
                + "print(cur.fetchall())\n"
                + "cur.execute('SHOW PROCESSLIST')\n"
                + "print([d[0] for d in cur.description][:5], len(cur.fetchall()))\n");
    assertThat(r.stderr()).isEmpty();
    assertThat(r.stdout())
        .isEqualTo("1235 True\n(('1',),)\n['Id', 'User', 'Host', 'Db', 'Command'] 1\n");
  }
}
