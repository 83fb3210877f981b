package io.srcn.testkit.fe.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mysql.cj.jdbc.ClientPreparedStatement;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.MysqlConnectionPoolDataSource;
import com.mysql.cj.jdbc.ServerPreparedStatement;
import io.srcn.testkit.fe.FakeComputeNode;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.fe.StatementRecord;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.PooledConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connector/J (the SDK's own driver) against the fake FE for what platform code does beyond the
 * SDK: multi-statement queries (item 1 of issue 18), COM_CHANGE_USER / COM_RESET_CONNECTION (2),
 * server-side prepared statements (3) and SQL outside the fake's subset (4).
 */
class ConnectorJInteropTest {
  private FakeFrontend fe;

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

  private Connection connect(String... props) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "root");
    p.setProperty("password", "");
    p.setProperty("connectTimeout", "5000");
    p.setProperty("socketTimeout", "30000");
    for (int i = 0; i + 1 < props.length; i += 2) {
      p.setProperty(props[i], props[i + 1]);
    }
    return DriverManager.getConnection(fe.jdbcUrl(), p);
  }

  private static String one(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).as("a row from %s", sql).isTrue();
      return rs.getString(1);
    }
  }

  // ---- 1. several statements in one query ----

  @Test
  void multiStatementQueryReturnsOneResultPerStatementInOrder() throws Exception {
    try (Connection c = connect("allowMultiQueries", "true");
        Statement s = c.createStatement()) {
      List<String> seen = new ArrayList<>();
      boolean isResultSet =
          s.execute(
              "SELECT 1 AS a; ALTER SYSTEM ADD COMPUTE NODE 'cn-0.ns:9050'; SHOW COMPUTE NODES;"
                  + " SET @x = 'y'; SELECT @x AS x");
      do {
        if (isResultSet) {
          try (ResultSet rs = s.getResultSet()) {
            rs.next();
            seen.add(rs.getMetaData().getColumnLabel(1) + "=" + rs.getString(1));
          }
        } else if (s.getUpdateCount() >= 0) {
          seen.add("ok");
        } else {
          break;
        }
        isResultSet = s.getMoreResults();
      } while (true);
      assertThat(seen).containsExactly("a=1", "ok", "ComputeNodeId=" + nodeId(), "ok", "x=y");
    }
  }

  private String nodeId() {
    return Long.toString(fe.computeNodes().get(0).id());
  }

  @Test
  void multiStatementQueryStopsAtTheFirstError() throws Exception {
    try (Connection c = connect("allowMultiQueries", "true")) {
      SQLException e =
          catchThrowableOfType(
              SQLException.class,
              () ->
                  c.createStatement()
                      .execute(
                          "ALTER SYSTEM ADD COMPUTE NODE 'a:1'; ALTER SYSTEM DROP COMPUTE NODE"
                              + " 'missing:1'; ALTER SYSTEM ADD COMPUTE NODE 'b:1'"));
      assertThat((Throwable) e).isNotNull();
      assertThat(e.getErrorCode()).isEqualTo(1064);
      assertThat(fe.computeNodes()).extracting(FakeComputeNode::host).containsExactly("a");
      assertThat(fe.statements())
          .extracting(StatementRecord::sql)
          .containsSubsequence(
              "ALTER SYSTEM ADD COMPUTE NODE 'a:1'", "ALTER SYSTEM DROP COMPUTE NODE 'missing:1'")
          .doesNotContain("ALTER SYSTEM ADD COMPUTE NODE 'b:1'");
    }
  }

  @Test
  void aSyntaxErrorAnywhereRunsNothing() throws Exception {
    try (Connection c = connect("allowMultiQueries", "true")) {
      SQLException e =
          catchThrowableOfType(
              SQLException.class,
              () -> c.createStatement().execute("ALTER SYSTEM ADD COMPUTE NODE 'a:1'; SELEC 1"));
      assertThat(e.getErrorCode()).isEqualTo(1064);
      assertThat(e.getMessage()).startsWith("Getting syntax error at line 1, column 37.");
      assertThat(fe.computeNodes()).isEmpty();
      assertThat(one(c, "SELECT 'still usable'")).isEqualTo("still usable");
    }
  }

  // ---- 2. COM_CHANGE_USER and COM_RESET_CONNECTION ----

  @Test
  void changeUserSwitchesTheLoginAndAWrongPasswordKeepsTheOldOne() throws Exception {
    try (Connection c = connect()) {
      JdbcConnection jc = c.unwrap(JdbcConnection.class);
      jc.changeUser("ops", "s3cret");
      assertThat(one(c, "SELECT CURRENT_USER()")).isEqualTo("'ops'@'%'");
      SQLException e = catchThrowableOfType(SQLException.class, () -> jc.changeUser("ops", "x"));
      assertThat((Throwable) e).isNotNull();
      assertThat(e.getErrorCode()).isEqualTo(1045);
    }
    try (Connection c = connect()) {
      c.unwrap(JdbcConnection.class).changeUser("ops", "s3cret");
      c.createStatement().execute("ALTER SYSTEM ADD COMPUTE NODE 'by-ops:9050'");
      assertThat(fe.statements())
          .filteredOn(r -> r.sql().contains("by-ops"))
          .extracting(StatementRecord::user)
          .containsExactly("ops");
    }
  }

  @Test
  void resetServerStateAndPooledCheckoutsWork() throws Exception {
    try (Connection c = connect()) {
      c.createStatement().execute("SET @kept = 1");
      c.unwrap(JdbcConnection.class).resetServerState();
      assertThat(one(c, "SELECT 1")).isEqualTo("1");
    }
    MysqlConnectionPoolDataSource ds = new MysqlConnectionPoolDataSource();
    ds.setUrl(fe.jdbcUrl());
    ds.setUser("root");
    ds.setPassword("");
    PooledConnection pooled = ds.getPooledConnection();
    try {
      for (int i = 0; i < 3; i++) {
        try (Connection c = pooled.getConnection()) {
          assertThat(one(c, "SELECT CONNECTION_ID()")).isNotEmpty();
        }
      }
    } finally {
      pooled.close();
    }
  }

  // ---- 3. server-side prepared statements ----

  /**
   * Connector/J prepares and executes on the server. It reads the execution's column metadata but
   * no binary rows: since 9.5.0 its BinaryResultsetReader leaves the EOF after the column
   * definitions unread unless CLIENT_DEPRECATE_EOF was negotiated, and takes it for the end of the
   * rows (the same empty results Apache Doris, StarRocks' sibling FE, fixed in apache/doris PR
   * #61050 by announcing DEPRECATE_EOF; StarRocks' MysqlCapability does not announce it either).
   * The packets were checked byte by byte through a proxy; row values are checked with node's
   * mysql2 ({@link Mysql2InteropTest}).
   */
  @Test
  void serverSidePreparedSelectIsPreparedAndExecutedOnTheServer() throws Exception {
    try (Connection c = connect("useServerPrepStmts", "true");
        PreparedStatement ps =
            c.prepareStatement("SELECT ? AS n, ? AS s, ? AS missing, @@version_comment AS v")) {
      assertThat(ps).isInstanceOf(ServerPreparedStatement.class);
      assertThat(ps.getParameterMetaData().getParameterCount()).isEqualTo(3);
      for (int i = 0; i < 2; i++) {
        ps.setLong(1, 42 + i);
        ps.setString(2, "it's " + i);
        ps.setNull(3, Types.VARCHAR);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.getMetaData().getColumnLabel(4)).isEqualTo("v");
        }
      }
    }
    assertThat(fe.statements())
        .extracting(StatementRecord::sql)
        .contains(
            "SELECT 42 AS n, 'it\\'s 0' AS s, NULL AS missing, @@version_comment AS v",
            "SELECT 43 AS n, 'it\\'s 1' AS s, NULL AS missing, @@version_comment AS v");
  }

  @Test
  void preparedStatementErrorsAndUnknownVariablesFailAtPrepare() throws Exception {
    try (Connection c =
        connect("useServerPrepStmts", "true", "emulateUnsupportedPstmts", "false")) {
      SQLException e =
          catchThrowableOfType(SQLException.class, () -> c.prepareStatement("SHOW COMPUTE NODES"));
      assertThat(e.getErrorCode()).isEqualTo(1295);
      SQLException unknown =
          catchThrowableOfType(SQLException.class, () -> c.prepareStatement("SELECT @@nope, ?"));
      assertThat(unknown.getErrorCode()).isEqualTo(1193);
    }
  }

  @Test
  void statementsTheFeCannotPrepareFallBackToClientSide() throws Exception {
    try (Connection c = connect("useServerPrepStmts", "true");
        PreparedStatement ps = c.prepareStatement("ALTER SYSTEM ADD COMPUTE NODE ?")) {
      assertThat(ps).isNotInstanceOf(ServerPreparedStatement.class);
      assertThat(ps).isInstanceOf(ClientPreparedStatement.class);
      ps.setString(1, "cn-1.ns:9050");
      ps.execute();
    }
    assertThat(fe.computeNodes()).extracting(FakeComputeNode::host).containsExactly("cn-1.ns");
  }

  // ---- 4. valid SQL outside the fake's subset ----

  @Test
  void unmodelledSqlIsNotASyntaxError() throws Exception {
    try (Connection c = connect()) {
      for (String sql :
          List.of(
              "SELECT * FROM t",
              "SELECT COUNT(*) FROM information_schema.tables",
              "PREPARE s FROM 'SELECT 1'",
              "INSERT INTO t VALUES (1)",
              "SHOW CATALOGS")) {
        SQLException e =
            catchThrowableOfType(SQLException.class, () -> c.createStatement().execute(sql));
        assertThat((Throwable) e).as(sql).isNotNull();
        assertThat(e.getErrorCode()).as(sql).isEqualTo(1235);
        assertThat(e.getSQLState()).as(sql).isEqualTo("42000");
        assertThat(e.getMessage()).as(sql).startsWith("FakeFrontend does not model this statement");
      }
      SQLException syntax =
          catchThrowableOfType(SQLException.class, () -> c.createStatement().execute("SELEC 1"));
      assertThat(syntax.getErrorCode()).isEqualTo(1064);
    }
  }

  @Test
  void processlistWarningsAndUserVariablesAreAnswered() throws Exception {
    try (Connection c = connect();
        Connection other = connect()) {
      String me = one(c, "SELECT CONNECTION_ID()");
      String them = one(other, "SELECT CONNECTION_ID()");
      List<String> ids = new ArrayList<>();
      try (ResultSet rs = c.createStatement().executeQuery("SHOW PROCESSLIST")) {
        assertThat(rs.getMetaData().getColumnCount()).isEqualTo(10);
        while (rs.next()) {
          ids.add(rs.getString("Id"));
          if (rs.getString("Id").equals(me)) {
            assertThat(rs.getString("Command")).isEqualTo("Query");
            assertThat(rs.getString("Info")).isEqualTo("SHOW PROCESSLIST");
          } else {
            assertThat(rs.getString("Command")).isEqualTo("Sleep");
          }
          assertThat(rs.getString("User")).isEqualTo("root");
        }
      }
      assertThat(ids).contains(me, them);
      try (ResultSet rs = c.createStatement().executeQuery("SHOW WARNINGS")) {
        assertThat(rs.getMetaData().getColumnLabel(3)).isEqualTo("Message");
        assertThat(rs.next()).isFalse();
      }
      c.createStatement().execute("SET @v = 1, @w := 'two'");
      assertThat(one(c, "SELECT @v")).isEqualTo("1");
      assertThat(one(c, "SELECT @W")).isEqualTo("two");
      assertThat(one(other, "SELECT @v")).isNull(); // per session
    }
  }
}
